import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { LOCALES, type Locale, type LoginRequest, type UpdateMeRequest } from '@flexdesk/shared-contracts';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'employee@example.com' })
  @IsEmail()
  @MaxLength(320)
  email!: string;

  @ApiProperty({ example: 'flexdesk' })
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  password!: string;
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

  @ApiPropertyOptional({ nullable: true, format: 'uuid' })
  @ValidateIf((_, v) => v !== null && v !== undefined)
  @IsUUID()
  defaultFloorId?: string | null;
}
