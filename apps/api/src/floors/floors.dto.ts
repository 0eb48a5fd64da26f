import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import type { FloorInput, FloorLayout, PublishRequest, SaveDraftRequest } from '@flexdesk/shared-contracts';

export class FloorDto implements FloorInput {
  @ApiProperty({ example: '1. OG' }) @IsString() @MinLength(1) @MaxLength(120) name!: string;
  @ApiProperty({ example: 1, description: 'For ordering; 0 = ground floor, negative = below ground' })
  @IsInt()
  @Min(-20)
  @Max(200)
  level!: number;
  @ApiProperty({ example: 4000, description: 'Plan width in plan units (see the plan scale for metres)' })
  @IsNumber()
  @Min(1)
  @Max(100_000)
  width!: number;
  @ApiProperty({ example: 2500 }) @IsNumber() @Min(1) @Max(100_000) height!: number;
}

/** The layout itself is validated by `validateLayout` (every error with its path). */
export class SaveDraftDto implements SaveDraftRequest {
  @ApiProperty({ description: 'The draft version this edit is based on' })
  @IsInt()
  @Min(0)
  @Max(2_147_483_647)
  draftVersion!: number;
  @ApiProperty({ allOf: [{ $ref: '#/components/schemas/FloorLayout' }] }) @IsObject() layout!: FloorLayout;
}

export class PublishDto implements PublishRequest {
  @ApiProperty() @IsInt() @Min(0) @Max(2_147_483_647) draftVersion!: number;
  @ApiPropertyOptional({
    description: 'Required when the publish cancels future bookings (409 AFFECTED_BOOKINGS lists them)',
  })
  @IsOptional()
  @IsBoolean()
  cancelAffectedBookings?: boolean;
}
