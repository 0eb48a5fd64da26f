import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { MAX_RESULTS } from './scim.service';

/** RFC 7644 §3.4.2 list parameters; sorting is not offered (ServiceProviderConfig says so) and ignored. */
export class ScimListQuery {
  @ApiPropertyOptional({ example: 'userName eq "erika@example.org"' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  filter?: string;
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  startIndex?: number;
  @ApiPropertyOptional({ minimum: 0, maximum: MAX_RESULTS, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100_000)
  count?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(1000) attributes?: string;
  @ApiPropertyOptional({ example: 'members' }) @IsOptional() @IsString() @MaxLength(1000) excludedAttributes?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) sortBy?: string;
  @ApiPropertyOptional() @IsOptional() @IsIn(['ascending', 'descending']) sortOrder?: string;
}
