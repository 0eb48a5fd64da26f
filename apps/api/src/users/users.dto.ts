import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { LOCALES, type Locale, type UpdateMeRequest } from '@flexdesk/shared-contracts';

export class PersonSearchQuery {
  @ApiProperty({ example: 'müller', description: 'Part of a name or email address, at least 2 characters' })
  @IsString()
  @MaxLength(100)
  query!: string;
}

export class UpdateMeDto implements UpdateMeRequest {
  @ApiPropertyOptional({ enum: LOCALES })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  showNameToColleagues?: boolean;

  @ApiPropertyOptional({
    oneOf: [{ type: 'string', format: 'uuid' }, { type: 'null' }],
    description: 'Floor the booking page opens on',
  })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsUUID()
  defaultFloorId?: string | null;

  @ApiPropertyOptional({
    oneOf: [{ type: 'string', format: 'uuid' }, { type: 'null' }],
    description: 'The building the booking page opens on',
  })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsUUID()
  homeBuildingId?: string | null;
}
