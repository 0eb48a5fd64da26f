import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { OutboxMessage, Webhook } from '@flexdesk/shared-contracts';
import { apiInterceptor } from '@flexdesk/client-data-access';
import { announced, buttonByText, dialogs, flush, toggleByLabel } from '@flexdesk/client-ui/testing';
import { NotificationsPage } from './notifications.page';

// Material widgets render slowly on a busy machine; the default 5 s is too tight.
jest.setTimeout(30_000);

const HOOK: Webhook = {
  id: '00000000-0000-4000-8000-0000000000a1',
  url: 'https://hooks.example.org/flexdesk',
  eventTypes: ['booking.created', 'booking.cancelled'],
  active: true,
  createdAt: '2026-11-02T09:00:00Z',
};
const message = (patch: Partial<OutboxMessage>): OutboxMessage => ({
  id: 'm1',
  channel: 'mail',
  kind: 'booking_confirmed',
  status: 'parked',
  attempts: 8,
  lastError: '421 mail.example.org: service not available',
  bookingId: 'b0a1c2d3-0000-4000-8000-000000000001',
  webhookId: null,
  createdAt: '2026-12-04T08:00:00Z',
  nextAttemptAt: '2026-12-04T09:00:00Z',
  sentAt: null,
  ...patch,
});
const PARKED = message({});
const FAILING = message({
  id: 'm2',
  channel: 'webhook',
  kind: 'booking.created',
  status: 'pending',
  attempts: 2,
  lastError: 'HTTP 503',
  bookingId: null,
  webhookId: HOOK.id,
});

/** The polite announcement, once it is there (the snack bar moves it into the live region late). */
async function politely(detect: () => void): Promise<string> {
  let said = '';
  for (let i = 0; i < 10 && !said; i++) said = await announced('polite', detect);
  return said;
}

const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

function type(input: HTMLInputElement | null, value: string): void {
  if (!input) throw new Error('missing input');
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

describe('NotificationsPage', () => {
  let backend: HttpTestingController;
  let fixture: ComponentFixture<NotificationsPage>;
  const detect = () => fixture.detectChanges();
  const root = () => fixture.nativeElement as HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [NotificationsPage],
      providers: [provideHttpClient(withInterceptors([apiInterceptor])), provideHttpClientTesting()],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(NotificationsPage);
    detect();
    backend.expectOne('/api/admin/notifications?status=parked').flush([PARKED]);
    backend
      .expectOne('/api/admin/notifications?status=pending')
      .flush([FAILING, message({ id: 'm3', status: 'pending', attempts: 0, lastError: null })]);
    backend.expectOne('/api/admin/webhooks').flush([HOOK]);
    await flush(detect);
  });

  afterEach(() => backend.verify());

  it('lists parked messages and recent failures with kind, recipient, attempts and last error', () => {
    const parked = text(root().querySelector('[data-message="m1"]'));
    expect(parked).toContain('Buchungsbestätigung');
    expect(parked).toContain('E-Mail zur Buchung b0a1c2d3');
    expect(parked).toContain('⊘ aufgegeben · 8 Versuch(e)');
    expect(parked).toContain('421 mail.example.org: service not available');
    const failing = text(root().querySelector('[data-message="m2"]'));
    expect(failing).toContain('booking.created');
    expect(failing).toContain('Webhook https://hooks.example.org/flexdesk');
    expect(failing).toContain('HTTP 503');
    // A pending message without a failed attempt is not a failure.
    expect(root().querySelector('[data-message="m3"]')).toBeNull();
  });

  it('sends a message again and says so', async () => {
    root()
      .querySelector<HTMLButtonElement>(
        'button[aria-label="Buchungsbestätigung, E-Mail zur Buchung b0a1c2d3: erneut senden"]',
      )
      ?.click();
    await flush(detect);
    backend
      .expectOne({ method: 'POST', url: '/api/admin/notifications/m1/retry' })
      .flush({ ...PARKED, status: 'pending', attempts: 0 });
    expect(await politely(detect)).toContain('Die Nachricht wird erneut gesendet.');
    expect(root().querySelector('[data-message="m1"]')).toBeNull();
    expect(text(root())).toContain('Keine aufgegebenen Nachrichten.');
  });

  it('discards a message only after confirmation', async () => {
    buttonByText(root().querySelector('[data-message="m2"]'), 'Verwerfen')?.click();
    await flush(detect);
    expect(text(dialogs()[0])).toContain('Das lässt sich nicht rückgängig machen.');
    buttonByText(dialogs()[0], 'Verwerfen')?.click();
    await flush(detect);
    backend.expectOne({ method: 'DELETE', url: '/api/admin/notifications/m2' }).flush(null, {
      status: 204,
      statusText: 'No Content',
    });
    expect(await politely(detect)).toContain('Die Nachricht wurde verworfen.');
    expect(root().querySelector('[data-message="m2"]')).toBeNull();
  });

  it('creates a webhook and shows its secret once, read-only', async () => {
    buttonByText(root(), 'Webhook anlegen')?.click();
    await flush(detect);
    expect(text(root().querySelector('[role="alert"]'))).toBe('Bitte eine vollständige Adresse mit https:// eingeben.');
    type(root().querySelector('#webhook-url'), 'https://ops.example.org/in');
    await flush(detect);
    await toggleByLabel(root(), 'Grundriss veröffentlicht', detect);
    await toggleByLabel(root(), 'Buchung storniert', detect);
    buttonByText(root(), 'Webhook anlegen')?.click();
    await flush(detect);
    const req = backend.expectOne({ method: 'POST', url: '/api/admin/webhooks' });
    expect(req.request.body).toEqual({
      url: 'https://ops.example.org/in',
      eventTypes: ['booking.cancelled', 'layout.published'],
    });
    req.flush({ ...HOOK, id: 'new', url: 'https://ops.example.org/in', secret: 'whsec_c2VjcmV0' });
    await flush(detect);
    const secret = root().querySelector<HTMLInputElement>('[data-testid="webhook-secret"]');
    expect(secret?.value).toBe('whsec_c2VjcmV0');
    expect(secret?.readOnly).toBe(true);
    expect(document.activeElement).toBe(secret);
    expect(text(root())).toContain('Er wird nicht noch einmal angezeigt.');
    expect(root().querySelector('[data-webhook="new"]')).not.toBeNull();
    expect(root().querySelector<HTMLInputElement>('#webhook-url')?.value).toBe('');
    buttonByText(root(), 'Fertig')?.click();
    await flush(detect);
    expect(root().querySelector('[data-testid="webhook-secret"]')).toBeNull();
  });

  it('shows the delivery log of a webhook and deletes it after confirmation', async () => {
    const open = root().querySelector<HTMLButtonElement>(
      'button[aria-label="Zustellungen an https://hooks.example.org/flexdesk"]',
    );
    open?.click();
    await flush(detect);
    backend.expectOne(`/api/admin/webhooks/${HOOK.id}/deliveries`).flush([
      message({
        id: 'd1',
        channel: 'webhook',
        kind: 'booking.created',
        status: 'sent',
        attempts: 1,
        lastError: null,
        webhookId: HOOK.id,
        sentAt: '2026-12-04T08:00:05Z',
      }),
    ]);
    await flush(detect);
    expect(open?.getAttribute('aria-expanded')).toBe('true');
    expect(text(root().querySelector('[data-message="d1"]'))).toContain('✓ zugestellt · 1 Versuch(e)');

    buttonByText(root().querySelector(`[data-webhook="${HOOK.id}"]`), 'Löschen')?.click();
    await flush(detect);
    expect(text(dialogs()[0])).toContain('An https://hooks.example.org/flexdesk werden keine Ereignisse mehr gemeldet');
    buttonByText(dialogs()[0], 'Löschen')?.click();
    await flush(detect);
    backend.expectOne({ method: 'DELETE', url: `/api/admin/webhooks/${HOOK.id}` }).flush(null, {
      status: 204,
      statusText: 'No Content',
    });
    expect(await politely(detect)).toContain('Der Webhook wurde gelöscht.');
    expect(text(root())).toContain('Noch keine Webhooks eingerichtet.');
  });
  it('says why a refused webhook address was not saved and keeps the form filled', async () => {
    type(root().querySelector('#webhook-url'), 'https://169.254.169.254/latest');
    await flush(detect);
    await toggleByLabel(root(), 'Gebäude geschlossen', detect);
    buttonByText(root(), 'Webhook anlegen')?.click();
    await flush(detect);
    backend
      .expectOne({ method: 'POST', url: '/api/admin/webhooks' })
      .flush(
        { type: 'about:blank', title: 'Bad Request', status: 400, code: 'WEBHOOK_URL_REFUSED' },
        { status: 400, statusText: 'Bad Request' },
      );
    let said = '';
    for (let i = 0; i < 10 && !said; i++) said = await announced('assertive', detect);
    expect(said).toContain('Diese Adresse ist nicht erlaubt');
    expect(root().querySelector<HTMLInputElement>('#webhook-url')?.value).toBe('https://169.254.169.254/latest');
    expect(root().querySelector('[data-testid="webhook-secret"]')).toBeNull();
  });
});
