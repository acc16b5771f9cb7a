import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '@app/core';
import { IsIn, IsOptional } from 'class-validator';
import { Channel, CHANNELS, DELIVERY_STATES, DeliveryState, MESSAGE_KINDS } from '../../notification-types';
import { CaseNotificationRow } from '../case-notifications.repository';

export class CaseNotificationsQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: DELIVERY_STATES })
  @IsOptional()
  @IsIn(DELIVERY_STATES)
  state?: DeliveryState;

  @ApiPropertyOptional({ enum: CHANNELS })
  @IsOptional()
  @IsIn(CHANNELS)
  channel?: Channel;
}

export class CaseNotificationItem {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'The outbox event that caused it' }) eventType: string;
  @ApiProperty({ enum: MESSAGE_KINDS }) type: string;
  @ApiProperty({ format: 'uuid' }) recipientId: string;
  @ApiProperty() recipientRole: string;
  @ApiProperty({ enum: CHANNELS }) channel: string;
  @ApiProperty({ enum: DELIVERY_STATES }) state: string;
  @ApiProperty() attempts: number;
  @ApiProperty({ nullable: true, type: String, description: 'Addresses and numbers masked' }) lastError: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) sentAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'In-app messages: when the recipient read it' })
  readAt: string | null;
}

export class CaseNotificationPage {
  @ApiProperty({ type: [CaseNotificationItem] }) items: CaseNotificationItem[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export function toCaseNotificationItem(row: CaseNotificationRow): CaseNotificationItem {
  return {
    id: row.id,
    eventType: row.event_type,
    type: row.kind,
    recipientId: row.recipient_id,
    recipientRole: row.recipient_role,
    channel: row.channel,
    state: row.state,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: row.created_at.toISOString(),
    sentAt: row.sent_at ? row.sent_at.toISOString() : null,
    readAt: row.read_at ? row.read_at.toISOString() : null,
  };
}
