import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type {
  BookingSlot,
  BookingStatus,
  Locale,
  OpeningHours,
  Point,
  PolicyOverride,
  Role,
  SpaceKind,
} from '@flexdesk/shared-contracts';

/** Mapped to the schema the migrations create; `synchronize` is never used. */
@Entity('groups')
export class GroupEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') name!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') email!: string;
  @Column('text', { name: 'display_name' }) displayName!: string;
  @Column('text', { name: 'password_hash', nullable: true, select: false }) passwordHash!: string | null;
  @Column('text', { array: true }) roles!: Role[];
  @Column('text') locale!: Locale;
  @Column('boolean', { name: 'show_name_to_colleagues' }) showNameToColleagues!: boolean;
  @Column('uuid', { name: 'default_floor_id', nullable: true }) defaultFloorId!: string | null;
  @Column('text', { name: 'calendar_token_hash', nullable: true, select: false }) calendarTokenHash!: string | null;
  @Column('boolean') active!: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Entity('user_groups')
export class UserGroupEntity {
  @PrimaryColumn('uuid', { name: 'user_id' }) userId!: string;
  @PrimaryColumn('uuid', { name: 'group_id' }) groupId!: string;
}

@Entity('sessions')
export class SessionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'user_id' }) userId!: string;
  @Column('text', { name: 'token_hash' }) tokenHash!: string;
  @Column('text', { name: 'csrf_token' }) csrfToken!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt!: Date;
}

@Entity('buildings')
export class BuildingEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('text') address!: string;
  @Column('text', { name: 'time_zone' }) timeZone!: string;
  @Column('jsonb', { name: 'opening_hours' }) openingHours!: OpeningHours[];
  @Column('text') midday!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Entity('closures')
export class ClosureEntity {
  @PrimaryColumn('uuid', { name: 'building_id' }) buildingId!: string;
  @PrimaryColumn('date') date!: string;
  @Column('text') reason!: string;
}

@Entity('policies')
export class PolicyEntity {
  @PrimaryColumn('uuid', { name: 'building_id' }) buildingId!: string;
  @PrimaryColumn('text', { name: 'space_kind' }) spaceKind!: SpaceKind | '*';
  @Column('jsonb') rules!: PolicyOverride;
}

@Entity('floors')
export class FloorEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'building_id' }) buildingId!: string;
  @Column('text') name!: string;
  @Column('integer') level!: number;
  @Column('double precision', { name: 'plan_width' }) planWidth!: number;
  @Column('double precision', { name: 'plan_height' }) planHeight!: number;
  @Column('uuid', { name: 'background_id', nullable: true }) backgroundId!: string | null;
  /** Plan units per metre, if the plan was scaled. */
  @Column('double precision', { name: 'plan_scale', nullable: true }) planScale!: number | null;
  @Column('integer') version!: number;
  @Column('jsonb', { name: 'draft_layout', nullable: true }) draftLayout!: unknown;
  @Column('integer', { name: 'draft_version' }) draftVersion!: number;
  @Column('timestamptz', { name: 'draft_updated_at', nullable: true }) draftUpdatedAt!: Date | null;
  @Column('uuid', { name: 'draft_updated_by', nullable: true }) draftUpdatedBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Entity('zones')
export class ZoneEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'floor_id' }) floorId!: string;
  @Column('text') name!: string;
  @Column('text') color!: string;
  @Column('jsonb') polygon!: Point[];
  @Column('uuid', { name: 'restricted_group_ids', array: true }) restrictedGroupIds!: string[];
}

@Entity('spaces')
export class SpaceEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'floor_id' }) floorId!: string;
  @Column('uuid', { name: 'zone_id', nullable: true }) zoneId!: string | null;
  @Column('text') kind!: SpaceKind;
  @Column('text') label!: string;
  @Column('double precision') x!: number;
  @Column('double precision') y!: number;
  @Column('double precision') width!: number;
  @Column('double precision') height!: number;
  @Column('double precision') rotation!: number;
  @Column('text', { array: true }) attributes!: string[];
  @Column('integer', { nullable: true }) capacity!: number | null;
  @Column('boolean') bookable!: boolean;
  @Column('uuid', { name: 'restricted_group_ids', array: true }) restrictedGroupIds!: string[];
  @Column('timestamptz', { name: 'archived_at', nullable: true }) archivedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity('audit_log')
export class AuditLogEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id!: string;
  @Column('timestamptz') at!: Date;
  @Column('uuid', { name: 'actor_id', nullable: true }) actorId!: string | null;
  @Column('text') action!: string;
  @Column('text', { name: 'entity_type' }) entityType!: string;
  @Column('uuid', { name: 'entity_id', nullable: true }) entityId!: string | null;
  @Column('jsonb') details!: Record<string, unknown>;
}

@Entity('bookings')
export class BookingEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'space_id' }) spaceId!: string;
  @Column('uuid', { name: 'booker_id', nullable: true }) bookerId!: string | null;
  @Column('uuid', { name: 'creator_id', nullable: true }) creatorId!: string | null;
  @Column('timestamptz', { name: 'start_at' }) startAt!: Date;
  @Column('timestamptz', { name: 'end_at' }) endAt!: Date;
  @Column('date', { name: 'local_date' }) localDate!: string;
  @Column('text') slot!: BookingSlot;
  @Column('text') status!: BookingStatus;
  @Column('timestamptz', { name: 'checked_in_at', nullable: true }) checkedInAt!: Date | null;
  @Column('timestamptz', { name: 'cancelled_at', nullable: true }) cancelledAt!: Date | null;
  @Column('timestamptz', { name: 'released_at', nullable: true }) releasedAt!: Date | null;
  @Column('integer') sequence!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

export const ENTITIES = [
  GroupEntity,
  UserEntity,
  UserGroupEntity,
  SessionEntity,
  BuildingEntity,
  ClosureEntity,
  PolicyEntity,
  FloorEntity,
  ZoneEntity,
  SpaceEntity,
  BookingEntity,
  AuditLogEntity,
];
