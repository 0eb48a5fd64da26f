import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import type { CreateBookingRequest } from '@flexdesk/shared-contracts';
import { DATE_PATTERN } from '../common/date-query.dto';
// An instant must carry its offset; a bare local time would be ambiguous across zones.
const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

export class CreateBookingDto implements CreateBookingRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  spaceId!: string;

  @ApiPropertyOptional({ example: '2026-12-01', description: 'With `slot`; local date of the building' })
  @IsOptional()
  @Matches(DATE_PATTERN, { message: 'date must be YYYY-MM-DD' })
  date?: string;

  @ApiPropertyOptional({ enum: ['day', 'am', 'pm'] })
  @IsOptional()
  @IsIn(['day', 'am', 'pm'])
  slot?: 'day' | 'am' | 'pm';

  @ApiPropertyOptional({ example: '2026-12-01T09:00:00+01:00', description: 'With `end`, instead of date/slot' })
  @IsOptional()
  @Matches(INSTANT_PATTERN, { message: 'start must be an ISO 8601 date-time with offset' })
  start?: string;

  @ApiPropertyOptional({ example: '2026-12-01T10:30:00+01:00' })
  @IsOptional()
  @Matches(INSTANT_PATTERN, { message: 'end must be an ISO 8601 date-time with offset' })
  end?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Book on behalf of this person (reception, facility, admin)' })
  @IsOptional()
  @IsUUID()
  bookerId?: string;
}

export class ListBookingsQuery {
  @ApiPropertyOptional({ example: '2026-11-01' })
  @IsOptional()
  @Matches(DATE_PATTERN, { message: 'from must be YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31' })
  @IsOptional()
  @Matches(DATE_PATTERN, { message: 'to must be YYYY-MM-DD' })
  to?: string;
}

const SPACE = '3f2c1d9e-7a4b-4c1e-9d2a-5b6c7d8e9f01';
export const CREATE_BOOKING_EXAMPLES = {
  day: { summary: 'A desk for the whole day', value: { spaceId: SPACE, date: '2026-12-08', slot: 'day' } },
  morning: { summary: 'A desk for the morning', value: { spaceId: SPACE, date: '2026-12-08', slot: 'am' } },
  room: {
    summary: "A room for explicit times (in the policy's steps)",
    value: { spaceId: SPACE, start: '2026-12-08T09:00:00+01:00', end: '2026-12-08T10:30:00+01:00' },
  },
  onBehalf: {
    summary: 'At the front desk, for a colleague',
    value: { spaceId: SPACE, date: '2026-12-08', slot: 'day', bookerId: '6a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d' },
  },
};
