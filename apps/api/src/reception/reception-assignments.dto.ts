import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsUUID } from 'class-validator';
import type { SetReceptionAssignmentRequest } from '@flexdesk/shared-contracts';

export class SetReceptionAssignmentDto implements SetReceptionAssignmentRequest {
  @ApiProperty({ description: 'Sees names in every building' })
  @IsBoolean()
  allBuildings!: boolean;

  @ApiProperty({ type: [String], format: 'uuid', description: 'Buildings whose front desk this person works' })
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  buildingIds!: string[];
}
