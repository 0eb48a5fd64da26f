import { ApiProperty } from '@nestjs/swagger';
import { IsUUID, Matches, ValidateIf } from 'class-validator';
import type { AbsenceRequest, AssigneeRequest } from '@flexdesk/shared-contracts';
import { DATE_PATTERN } from '../common/date-query.dto';

export class AssigneeDto implements AssigneeRequest {
  @ApiProperty({ format: 'uuid', nullable: true, type: 'string', description: 'null takes the desk back' })
  @ValidateIf((_, v) => v !== null)
  @IsUUID()
  userId!: string | null;
}

export class AbsenceDto implements AbsenceRequest {
  @ApiProperty({ example: '2026-12-21' }) @Matches(DATE_PATTERN, { message: 'from must be YYYY-MM-DD' }) from!: string;
  @ApiProperty({ example: '2027-01-01' }) @Matches(DATE_PATTERN, { message: 'to must be YYYY-MM-DD' }) to!: string;
}
