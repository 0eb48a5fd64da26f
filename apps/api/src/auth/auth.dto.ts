import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  type ChangePasswordRequest,
  type LoginRequest,
  type SetPasswordRequest,
} from '@flexdesk/shared-contracts';

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

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export class PasswordLinkDto {
  @ApiProperty({ description: 'The token from the link (after `#token=`)' })
  @Matches(TOKEN, { message: 'token is not a link token' })
  token!: string;
}

export class SetPasswordDto implements SetPasswordRequest {
  @ApiProperty({ description: 'The token from the link (after `#token=`)' })
  @Matches(TOKEN, { message: 'token is not a link token' })
  token!: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(PASSWORD_MAX_LENGTH) currentPassword!: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  newPassword!: string;
}
