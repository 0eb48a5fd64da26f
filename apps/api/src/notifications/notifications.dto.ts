import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import {
  type CreateWebhookRequest,
  type NotificationPreferences,
  WEBHOOK_EVENT_TYPES,
  type WebhookEventType,
} from '@flexdesk/shared-contracts';

/** `PUT /api/me/notification-preferences`: the kinds to change; others stay as they are. */
export class NotificationPreferencesDto implements Partial<NotificationPreferences> {
  @ApiPropertyOptional() @IsOptional() @IsBoolean() booking_confirmed?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() booking_cancelled?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() booking_released?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() checkin_reminder?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() waitlist_booked?: boolean;
}

/** The signed token of an unsubscribe link. */
export class UnsubscribeQuery {
  @ApiProperty({ maxLength: 200 }) @IsString() @MaxLength(200) token!: string;
}

export class OutboxListQuery {
  @ApiPropertyOptional({ enum: ['parked', 'pending', 'sent'] })
  @IsOptional()
  @IsIn(['parked', 'pending', 'sent'])
  status?: 'parked' | 'pending' | 'sent';
}

export class CreateWebhookDto implements CreateWebhookRequest {
  @ApiProperty({ maxLength: 2000 }) @IsString() @MaxLength(2000) url!: string;

  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true })
  eventTypes!: WebhookEventType[];
}
