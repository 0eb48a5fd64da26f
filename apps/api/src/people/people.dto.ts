import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import {
  PERSON_STATUSES,
  ROLES,
  type CreatePersonRequest,
  type GroupInput,
  type PeopleQuery,
  type PersonStatus,
  type Role,
  type UpdatePersonRequest,
} from '@flexdesk/shared-contracts';

export class PeopleQueryDto implements PeopleQuery {
  @ApiPropertyOptional({ description: 'Part of a name or e-mail; accents and umlaut spellings do not matter' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  query?: string;

  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES) role?: Role;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() groupId?: string;
  @ApiPropertyOptional({ enum: PERSON_STATUSES }) @IsOptional() @IsIn(PERSON_STATUSES) status?: PersonStatus;

  @ApiPropertyOptional({ description: '`next` of the previous page' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,400}$/, { message: 'after must be a cursor from a previous page' })
  after?: string;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreatePersonDto implements CreatePersonRequest {
  @ApiProperty({ example: 'erika.mustermann@musterstadt.de' })
  @Transform(trim)
  @IsEmail()
  @MaxLength(320)
  email!: string;

  @ApiProperty({ example: 'Erika Mustermann' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  displayName!: string;

  @ApiProperty({ enum: ROLES, isArray: true, example: ['employee'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles!: Role[];

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  groupIds?: string[];

  @ApiPropertyOptional({ oneOf: [{ type: 'string', format: 'uuid' }, { type: 'null' }] })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsUUID()
  homeBuildingId?: string | null;
}

export class UpdatePersonDto implements UpdatePersonRequest {
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsEmail() @MaxLength(320) email?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MinLength(1) @MaxLength(200) displayName?: string;

  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles?: Role[];

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  groupIds?: string[];

  @ApiPropertyOptional({ oneOf: [{ type: 'string', format: 'uuid' }, { type: 'null' }] })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsUUID()
  homeBuildingId?: string | null;
}

export class GroupDto implements GroupInput {
  @ApiProperty({ example: 'Bürgerservice' }) @Transform(trim) @IsString() @MinLength(1) @MaxLength(100) name!: string;
}

export class ImportQuery {
  @ApiPropertyOptional({ description: 'Only report what would happen (`true`), or do it (`false`)', default: true })
  @IsOptional()
  @IsIn(['true', 'false'])
  dryRun?: 'true' | 'false';
}
