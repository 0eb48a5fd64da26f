import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import { SCIM_PREFIX } from '@flexdesk/shared-contracts';
import { ScimAuthenticated } from '../access/permission.decorator';
import { NoContent, ReturnsScim } from '../openapi/returns.decorator';
import { SCIM_DISCOVERY } from './scim-discovery';
import { ScimListQuery } from './scim.dto';
import { ScimExceptionFilter } from './scim.filter';
import { ScimContentType } from './scim.interceptor';
import { ScimService } from './scim.service';

type Json = Record<string, unknown>;
const RESOURCE = { schema: { type: 'object', description: 'A SCIM 2.0 resource (RFC 7643)' } };
const PATCH_OP = { schema: { type: 'object', description: 'A SCIM 2.0 PatchOp (RFC 7644 §3.5.2)' } };

/**
 * SCIM 2.0 provisioning (RFC 7643/7644) for the organisation's directory (Entra ID, Okta,
 * Keycloak), authenticated by `SCIM_TOKEN`. Bodies are SCIM resources, checked in
 * scim-resources.ts rather than by DTOs, since unknown attributes must be ignored, not refused.
 */
@ApiTags('scim')
@Controller(SCIM_PREFIX)
@UseFilters(ScimExceptionFilter)
@UseInterceptors(ScimContentType)
export class ScimController {
  constructor(private readonly scim: ScimService) {}

  @Get('ServiceProviderConfig')
  @ScimAuthenticated()
  @ReturnsScim()
  serviceProviderConfig(): Json {
    return SCIM_DISCOVERY.serviceProviderConfig;
  }

  @Get('ResourceTypes')
  @ScimAuthenticated()
  @ReturnsScim()
  resourceTypes(): Json {
    return SCIM_DISCOVERY.resourceTypes;
  }

  @Get('Schemas')
  @ScimAuthenticated()
  @ReturnsScim()
  schemas(): Json {
    return SCIM_DISCOVERY.schemas;
  }

  @Get('Users')
  @ScimAuthenticated()
  @ReturnsScim()
  listUsers(@Query() query: ScimListQuery): Promise<Json> {
    return this.scim.listUsers(query);
  }

  @Post('Users')
  @ScimAuthenticated()
  @ApiBody(RESOURCE)
  @ReturnsScim()
  createUser(@Body() body: unknown): Promise<Json> {
    return this.scim.createUser(body);
  }

  @Get('Users/:id')
  @ScimAuthenticated()
  @ReturnsScim()
  getUser(@Param('id') id: string): Promise<Json> {
    return this.scim.getUser(id);
  }

  @Put('Users/:id')
  @ScimAuthenticated()
  @ApiBody(RESOURCE)
  @ReturnsScim()
  replaceUser(@Param('id') id: string, @Body() body: unknown): Promise<Json> {
    return this.scim.replaceUser(id, body);
  }

  @Patch('Users/:id')
  @ScimAuthenticated()
  @ApiBody(PATCH_OP)
  @ReturnsScim()
  patchUser(@Param('id') id: string, @Body() body: unknown): Promise<Json> {
    return this.scim.patchUser(id, body);
  }

  /** The person is offboarded and hidden from SCIM; kept, deactivated, for statistics. */
  @Delete('Users/:id')
  @ScimAuthenticated()
  @NoContent()
  deleteUser(@Param('id') id: string): Promise<void> {
    return this.scim.deleteUser(id);
  }

  @Get('Groups')
  @ScimAuthenticated()
  @ReturnsScim()
  listGroups(@Query() query: ScimListQuery): Promise<Json> {
    return this.scim.listGroups(query);
  }

  @Post('Groups')
  @ScimAuthenticated()
  @ApiBody(RESOURCE)
  @ReturnsScim()
  createGroup(@Body() body: unknown): Promise<Json> {
    return this.scim.createGroup(body);
  }

  @Get('Groups/:id')
  @ScimAuthenticated()
  @ReturnsScim()
  getGroup(@Param('id') id: string): Promise<Json> {
    return this.scim.getGroup(id);
  }

  @Put('Groups/:id')
  @ScimAuthenticated()
  @ApiBody(RESOURCE)
  @ReturnsScim()
  replaceGroup(@Param('id') id: string, @Body() body: unknown): Promise<Json> {
    return this.scim.replaceGroup(id, body);
  }

  @Patch('Groups/:id')
  @ScimAuthenticated()
  @HttpCode(200)
  @ApiBody(PATCH_OP)
  @ReturnsScim()
  patchGroup(@Param('id') id: string, @Body() body: unknown): Promise<Json> {
    return this.scim.patchGroup(id, body);
  }

  @Delete('Groups/:id')
  @ScimAuthenticated()
  @NoContent()
  deleteGroup(@Param('id') id: string): Promise<void> {
    return this.scim.deleteGroup(id);
  }
}
