import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class PersonSearchQuery {
  @ApiProperty({ example: 'müller', description: 'Part of a name or email address, at least 2 characters' })
  @IsString()
  @MaxLength(100)
  query!: string;
}
