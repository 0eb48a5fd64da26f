import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The transactional outbox: every message (an e-mail to a person, a delivery to a webhook) is a
 * row written in the transaction of the change that causes it, and sent later by a dispatcher.
 *
 * Booking changes are written by a trigger, like the live events, so no code path can forget to
 * and none can commit a change without its message. Code that knows why a booking changed says so
 * with transaction-local settings (`flexdesk.cause`, `flexdesk.actor`, see database/outbox-cause.ts);
 * the trigger only reads them. `dedupe_key` makes writing a message twice harmless, and a message's
 * identity (Message-ID, webhook-id) is derived from it, so a resend after a crash is the same message.
 */
export class AddNotificationOutbox1796410000000 implements MigrationInterface {
  name = 'AddNotificationOutbox1796410000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webhooks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        url text NOT NULL,
        event_types text[] NOT NULL,
        secret text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_by uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        channel text NOT NULL CHECK (channel IN ('mail', 'webhook')),
        kind text NOT NULL,
        dedupe_key text NOT NULL UNIQUE,
        recipient_id uuid REFERENCES users(id) ON DELETE CASCADE,
        webhook_id uuid REFERENCES webhooks(id) ON DELETE CASCADE,
        booking_id uuid REFERENCES bookings(id) ON DELETE CASCADE,
        sequence int,
        payload jsonb NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'parked', 'skipped')),
        attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        CHECK ((channel = 'mail') = (recipient_id IS NOT NULL OR payload ? 'to')),
        CHECK ((channel = 'webhook') = (webhook_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX outbox_due_idx ON outbox (next_attempt_at) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX outbox_parked_idx ON outbox (created_at) WHERE status = 'parked'`);
    await q.query(`CREATE INDEX outbox_webhook_idx ON outbox (webhook_id, created_at) WHERE webhook_id IS NOT NULL`);
    await q.query(`CREATE INDEX outbox_sent_idx ON outbox (sent_at) WHERE status IN ('sent', 'skipped')`);
    // Server-side secrets shared by every instance (the key of unsubscribe links): created on first use, never sent.
    await q.query(`CREATE TABLE app_secrets (name text PRIMARY KEY, value text NOT NULL)`);
    // Every kind on unless switched off: {"reminder": false}.
    await q.query(`ALTER TABLE users ADD COLUMN notification_preferences jsonb NOT NULL DEFAULT '{}'`);

    // One wake-up per statement that wrote messages, on a channel of its own (no person in it).
    await q.query(`
      CREATE FUNCTION flexdesk_outbox_wake() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('flexdesk_outbox', '');
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER outbox_wake AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION flexdesk_outbox_wake()`,
    );

    await q.query(`
      CREATE FUNCTION flexdesk_outbox_booking() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        v_cause text := nullif(current_setting('flexdesk.cause', true), '');
        v_actor uuid := nullif(current_setting('flexdesk.actor', true), '')::uuid;
        v_mail text;
        v_event text;
        v_floor uuid;
        v_building uuid;
      BEGIN
        IF v_cause = 'seed' THEN
          RETURN NULL;
        END IF;
        IF TG_OP = 'INSERT' THEN
          v_mail := CASE WHEN v_cause = 'waitlist' THEN 'waitlist_booked' ELSE 'booking_confirmed' END;
          v_event := 'booking.created';
          v_actor := coalesce(v_actor, NEW.creator_id);
        ELSIF NEW.status IS DISTINCT FROM OLD.status THEN
          IF NEW.status = 'cancelled' THEN
            v_mail := 'booking_cancelled';
            v_event := 'booking.cancelled';
          ELSIF NEW.status = 'released' THEN
            v_mail := 'booking_released';
            v_event := 'booking.released';
          ELSIF NEW.status = 'checked_in' THEN
            v_event := 'booking.checked_in';
          ELSIF NEW.status = 'confirmed' AND OLD.status = 'cancelled' THEN
            -- A cancellation taken back: the calendar gets the booking again, with a higher SEQUENCE.
            v_mail := 'booking_confirmed';
            v_event := 'booking.created';
          END IF;
        END IF;
        IF v_mail IS NOT NULL AND NEW.booker_id IS NOT NULL THEN
          INSERT INTO outbox (channel, kind, dedupe_key, recipient_id, booking_id, sequence, payload)
          VALUES ('mail', v_mail, 'mail:' || NEW.id || ':' || NEW.sequence || ':' || v_mail, NEW.booker_id, NEW.id, NEW.sequence,
                  jsonb_strip_nulls(jsonb_build_object('cause', v_cause, 'actorId', v_actor)))
          ON CONFLICT (dedupe_key) DO NOTHING;
        END IF;
        IF v_event IS NOT NULL AND EXISTS (SELECT 1 FROM webhooks WHERE active AND v_event = ANY(event_types)) THEN
          SELECT s.floor_id, f.building_id INTO v_floor, v_building
            FROM spaces s JOIN floors f ON f.id = s.floor_id WHERE s.id = NEW.space_id;
          INSERT INTO outbox (channel, kind, dedupe_key, webhook_id, booking_id, sequence, payload)
          SELECT 'webhook', v_event, 'webhook:' || w.id || ':' || v_event || ':' || NEW.id || ':' || NEW.sequence,
                 w.id, NEW.id, NEW.sequence,
                 jsonb_build_object('bookingId', NEW.id, 'spaceId', NEW.space_id, 'floorId', v_floor,
                                    'buildingId', v_building, 'date', to_char(NEW.local_date, 'YYYY-MM-DD'),
                                    'start', NEW.start_at, 'end', NEW.end_at, 'status', NEW.status,
                                    'sequence', NEW.sequence)
            FROM webhooks w WHERE w.active AND v_event = ANY(w.event_types)
          ON CONFLICT (dedupe_key) DO NOTHING;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER bookings_outbox
        AFTER INSERT OR UPDATE OF status ON bookings
        FOR EACH ROW EXECUTE FUNCTION flexdesk_outbox_booking()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER bookings_outbox ON bookings`);
    await q.query(`DROP FUNCTION flexdesk_outbox_booking()`);
    await q.query(`DROP TRIGGER outbox_wake ON outbox`);
    await q.query(`DROP FUNCTION flexdesk_outbox_wake()`);
    await q.query(`ALTER TABLE users DROP COLUMN notification_preferences`);
    await q.query(`DROP TABLE app_secrets`);
    await q.query(`DROP TABLE outbox`);
    await q.query(`DROP TABLE webhooks`);
  }
}
