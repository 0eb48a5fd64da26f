import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import {
  INSIGHT_TABLES,
  LOCALES,
  SPACE_KINDS,
  type InsightTable,
  type InsightsQuery,
  type Locale,
  type SpaceKind,
} from '@flexdesk/shared-contracts';
import { DATE_PATTERN } from '../common/date-query.dto';

export class InsightsQueryDto implements InsightsQuery {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all')
  buildingId!: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  floorId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  zoneId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A single space: figures over whole months only' })
  @IsOptional()
  @IsUUID('all')
  spaceId?: string;

  @ApiPropertyOptional({ enum: SPACE_KINDS })
  @IsOptional()
  @IsIn(SPACE_KINDS)
  kind?: SpaceKind;

  @ApiProperty({ example: '2026-11-01', description: 'First local date (inclusive)' })
  @Matches(DATE_PATTERN, { message: 'from must be YYYY-MM-DD' })
  from!: string;

  @ApiProperty({ example: '2026-11-30', description: 'Last local date (inclusive), at most 731 days after from' })
  @Matches(DATE_PATTERN, { message: 'to must be YYYY-MM-DD' })
  to!: string;
}

export class InsightsExportQueryDto extends InsightsQueryDto {
  @ApiPropertyOptional({ enum: INSIGHT_TABLES, description: 'CSV only: which table (default: totals)' })
  @IsOptional()
  @IsIn(INSIGHT_TABLES)
  table?: InsightTable;

  @ApiPropertyOptional({ enum: LOCALES, description: "Language of the file; default: the person's setting" })
  @IsOptional()
  @IsIn(LOCALES)
  lang?: Locale;
}
