import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { SPACE_KINDS, type SpaceKind, type WaitlistRequest } from '@flexdesk/shared-contracts';
import { DATE_PATTERN } from '../common/date-query.dto';

export class WaitlistDto implements WaitlistRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'Any matching space on this floor (or give spaceId)' }) @IsOptional() @IsUUID() floorId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Exactly this space' }) @IsOptional() @IsUUID() spaceId?: string;
  @ApiProperty({ enum: SPACE_KINDS }) @IsIn(SPACE_KINDS) kind!: SpaceKind;
  @ApiPropertyOptional({ type: [String], example: ['monitor'], description: 'Equipment every offered space must have' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  attributes?: string[];
  @ApiProperty({ example: '2026-12-08' }) @Matches(DATE_PATTERN, { message: 'date must be YYYY-MM-DD' }) date!: string;
  @ApiProperty({ enum: ['day', 'am', 'pm'] }) @IsIn(['day', 'am', 'pm']) slot!: 'day' | 'am' | 'pm';
}
