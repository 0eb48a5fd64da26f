import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** `?date=YYYY-MM-DD`: a local date in the building's time zone. */
export class DateQuery {
  @ApiProperty({ example: '2026-12-08' })
  @Matches(DATE_PATTERN, { message: 'date must be YYYY-MM-DD' })
  date!: string;
}
