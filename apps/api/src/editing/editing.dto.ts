import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,

  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import type {
  BuildingInput,
  Closure,
  ClosuresInput,
  FloorInput,
  FloorLayout,
  IsoWeekday,
  OpeningHours,
  PoliciesInput,
  PolicyOverride,
  PublishRequest,
  SaveDraftRequest,
} from '@flexdesk/shared-contracts';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

export class OpeningHoursDto implements OpeningHours {
  @ApiProperty({ minimum: 1, maximum: 7, description: '1 = Monday … 7 = Sunday' })
  @IsInt()
  @Min(1)
  @Max(7)
  weekday!: IsoWeekday;

  @ApiProperty({ example: '07:00' })
  @Matches(TIME, { message: 'open must be HH:mm' })
  open!: string;

  @ApiProperty({ example: '19:00' })
  @Matches(TIME, { message: 'close must be HH:mm (24:00 for midnight)' })
  close!: string;
}

export class BuildingDto implements BuildingInput {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(120) name!: string;
  @ApiProperty() @IsString() @MaxLength(300) address!: string;
  @ApiProperty({ example: 'Europe/Berlin' }) @IsString() @MaxLength(64) timeZone!: string;

  @ApiProperty({ type: [OpeningHoursDto] })
  @IsArray()
  @ArrayMaxSize(7)
  @ValidateNested({ each: true })
  @Type(() => OpeningHoursDto)
  openingHours!: OpeningHoursDto[];

  @ApiProperty({ example: '12:00' })
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'midday must be HH:mm' })
  midday!: string;
}

export class ClosureDto implements Closure {
  @ApiProperty({ example: '2026-12-25' }) @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be YYYY-MM-DD' }) date!: string;
  @ApiProperty({ example: '1. Weihnachtstag' }) @IsString() @MaxLength(200) reason!: string;
}

export class ClosuresDto implements ClosuresInput {
  @ApiProperty({ type: [ClosureDto] })
  @IsArray()
  @ArrayMaxSize(400)
  @ValidateNested({ each: true })
  @Type(() => ClosureDto)
  closures!: ClosureDto[];
}

/** Shapes are checked by `validatePolicyOverride` from the domain lib, which reports exact paths. */
export class PoliciesDto implements PoliciesInput {
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsObject() building?: PolicyOverride | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsObject() desk?: PolicyOverride | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsObject() room?: PolicyOverride | null;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsObject() parking?: PolicyOverride | null;
}

export class FloorDto implements FloorInput {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(120) name!: string;
  @ApiProperty() @IsInt() @Min(-20) @Max(200) level!: number;
  @ApiProperty({ description: 'Plan width in plan units' }) @IsNumber() @Min(1) @Max(100_000) width!: number;
  @ApiProperty() @IsNumber() @Min(1) @Max(100_000) height!: number;
}

/** The layout itself is validated by `validateLayout` (every error with its path). */
export class SaveDraftDto implements SaveDraftRequest {
  @ApiProperty() @IsInt() @Min(0) draftVersion!: number;
  @ApiProperty({ type: 'object', additionalProperties: true }) @IsObject() layout!: FloorLayout;
}

export class PublishDto implements PublishRequest {
  @ApiProperty() @IsInt() @Min(0) draftVersion!: number;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() cancelAffectedBookings?: boolean;
}

export class AuditQuery {
  @ApiPropertyOptional({ default: 100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(1) before?: number;
}

export const POLICY_SCOPES = ['building', 'desk', 'room', 'parking'] as const;
