import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { LOCALES, type Locale } from '@flexdesk/shared-contracts';

export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** `?date=YYYY-MM-DD`: a local date in the building's time zone. */
export class DateQuery {
  @ApiProperty({ example: '2026-12-08' })
  @Matches(DATE_PATTERN, { message: 'date must be YYYY-MM-DD' })
  date!: string;
}

/** `?lang=de|en` for downloads; without it they follow the person's language setting. */
export class DownloadQuery {
  @ApiPropertyOptional({ enum: LOCALES, description: "Language of the file; default: the person's setting" })
  @IsOptional()
  @IsIn(LOCALES)
  lang?: Locale;
}

export class DayDownloadQuery extends DateQuery {
  @ApiPropertyOptional({ enum: LOCALES, description: "Language of the file; default: the person's setting" })
  @IsOptional()
  @IsIn(LOCALES)
  lang?: Locale;
}
