import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import type {
  BuildingInput,
  Closure,
  ClosuresInput,
  IsoWeekday,
  OpeningHours,
  PoliciesInput,
  PolicyOverride,
} from '@flexdesk/shared-contracts';
import { DATE_PATTERN } from '../common/date-query.dto';
import { NestedList } from '../common/nested';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

export class OpeningHoursDto implements OpeningHours {
  @ApiProperty({ type: 'integer', enum: [1, 2, 3, 4, 5, 6, 7], description: '1 = Monday … 7 = Sunday' })
  @IsInt()
  @Min(1)
  @Max(7)
  weekday!: IsoWeekday;

  @ApiProperty({ example: '07:00' })
  @Matches(TIME, { message: 'open must be HH:mm' })
  open!: string;

  @ApiProperty({ example: '19:00', description: '`24:00` for midnight; `00:00`-`24:00` is open around the clock' })
  @Matches(TIME, { message: 'close must be HH:mm (24:00 for midnight)' })
  close!: string;
}

export class BuildingDto implements BuildingInput {
  @ApiProperty({ example: 'Rathaus Musterstadt' }) @IsString() @MinLength(1) @MaxLength(120) name!: string;
  @ApiProperty({ example: 'Marktplatz 1, 12345 Musterstadt' }) @IsString() @MaxLength(300) address!: string;
  @ApiProperty({ example: 'Europe/Berlin' }) @IsString() @MaxLength(64) timeZone!: string;

  @ApiProperty({ type: [OpeningHoursDto], description: 'Weekdays not listed are closed' })
  @ArrayMaxSize(7)
  @NestedList(() => OpeningHoursDto)
  openingHours!: OpeningHoursDto[];

  @ApiProperty({ example: '12:00', description: 'Where `am` ends and `pm` starts' })
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'midday must be HH:mm' })
  midday!: string;
}

export class ClosureDto implements Closure {
  @ApiProperty({ example: '2026-12-25' }) @Matches(DATE_PATTERN, { message: 'date must be YYYY-MM-DD' }) date!: string;
  @ApiProperty({ example: '1. Weihnachtstag' }) @IsString() @MaxLength(200) reason!: string;
}

export class ClosuresDto implements ClosuresInput {
  @ApiProperty({ type: [ClosureDto] })
  @ArrayMaxSize(400)
  @NestedList(() => ClosureDto)
  closures!: ClosureDto[];
}

const POLICY_OVERRIDE = { $ref: '#/components/schemas/PolicyOverride' };

/** Shapes are checked by `validatePolicyOverride` from the domain lib, which reports exact paths. */
export class PoliciesDto implements PoliciesInput {
  @ApiPropertyOptional({
    oneOf: [POLICY_OVERRIDE, { type: 'null' }],
    description: 'For every kind; `null` removes the override',
  })
  @IsOptional()
  @IsObject()
  building?: PolicyOverride | null;

  @ApiPropertyOptional({ oneOf: [POLICY_OVERRIDE, { type: 'null' }] })
  @IsOptional()
  @IsObject()
  desk?: PolicyOverride | null;
  @ApiPropertyOptional({ oneOf: [POLICY_OVERRIDE, { type: 'null' }] })
  @IsOptional()
  @IsObject()
  room?: PolicyOverride | null;
  @ApiPropertyOptional({ oneOf: [POLICY_OVERRIDE, { type: 'null' }] })
  @IsOptional()
  @IsObject()
  parking?: PolicyOverride | null;
}
