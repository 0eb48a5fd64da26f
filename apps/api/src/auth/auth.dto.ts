import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import type { LoginRequest } from '@flexdesk/shared-contracts';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'employee@example.com' })
  @IsEmail()
  @MaxLength(320)
  email!: string;

  @ApiProperty({ example: 'flexdesk' })
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  password!: string;
}
