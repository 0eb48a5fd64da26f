import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

export class EventsQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only changes on this floor' })
  @IsOptional()
  @IsUUID()
  floorId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only changes in this building' })
  @IsOptional()
  @IsUUID()
  buildingId?: string;
}
