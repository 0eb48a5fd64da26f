import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import type { IsoWeekday, SeriesRequest } from '@flexdesk/shared-contracts';
import { DATE_PATTERN } from '../common/date-query.dto';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

export class SeriesDto implements SeriesRequest {
  @ApiProperty({ format: 'uuid' }) @IsUUID() spaceId!: string;
  @ApiPropertyOptional({ enum: ['day', 'am', 'pm'] }) @IsOptional() @IsIn(['day', 'am', 'pm']) slot?: 'day' | 'am' | 'pm';
  @ApiPropertyOptional({ example: '09:00', description: 'With endTime, instead of slot (rooms)' })
  @IsOptional()
  @Matches(TIME, { message: 'startTime must be HH:mm' })
  startTime?: string;
  @ApiPropertyOptional({ example: '10:30' }) @IsOptional() @Matches(TIME, { message: 'endTime must be HH:mm' }) endTime?: string;
  @ApiProperty({ example: '2026-12-08' }) @Matches(DATE_PATTERN, { message: 'from must be YYYY-MM-DD' }) from!: string;
  @ApiPropertyOptional({ example: '2027-01-31' }) @IsOptional() @Matches(DATE_PATTERN, { message: 'until must be YYYY-MM-DD' }) until?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 260 }) @IsOptional() @IsInt() @Min(1) @Max(100_000) count?: number;

  @ApiProperty({ type: 'array', items: { type: 'integer', enum: [1, 2, 3, 4, 5, 6, 7] }, example: [2, 4], description: '1 = Monday … 7 = Sunday' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(7)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(7, { each: true })
  weekdays!: IsoWeekday[];

  @ApiPropertyOptional({ enum: [1, 2], default: 1, description: 'Every week or every other week' }) @IsOptional() @IsIn([1, 2]) interval?: 1 | 2;
  @ApiPropertyOptional({ description: 'Only say what would happen' }) @IsOptional() @IsBoolean() preview?: boolean;
  @ApiPropertyOptional({ format: 'uuid', description: 'Book for this person (front desk, facility managers)' }) @IsOptional() @IsUUID() bookerId?: string;
}

export class EndSeriesQuery {
  @ApiPropertyOptional({ example: '2027-01-05', description: 'Cancel this day and later ones (default: today)' })
  @IsOptional()
  @Matches(DATE_PATTERN, { message: 'from must be YYYY-MM-DD' })
  from?: string;
}
