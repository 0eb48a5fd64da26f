import type { Locale, NotificationKind, SpaceKind } from '@flexdesk/shared-contracts';

/** What a booking mail says about the booking. */
export interface BookingMailFacts {
  kind: NotificationKind;
  /** Why it changed (a cancellation), as told to the outbox by the code that changed it. */
  cause: string | null;
  /** Someone other than the booker made or cancelled the booking. */
  byOther: boolean;
  recipientName: string;
  spaceKind: SpaceKind;
  spaceLabel: string;
  floorName: string;
  buildingName: string;
  timeZone: string;
  start: Date;
  end: Date;
  /** Minutes after start until which a check-in is accepted (reminders). */
  graceMinutes: number;
  /** The booking page / my bookings, and this kind's one-click unsubscribe page. */
  bookingsUrl: string;
  unsubscribeUrl: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const KIND: Record<Locale, Record<SpaceKind, string>> = {
  de: { desk: 'Schreibtisch', room: 'Raum', parking: 'Parkplatz' },
  en: { desk: 'Desk', room: 'Room', parking: 'Parking space' },
};

const SUBJECT: Record<Locale, Record<NotificationKind, string>> = {
  de: {
    booking_confirmed: 'Buchung bestätigt',
    booking_cancelled: 'Buchung storniert',
    booking_released: 'Buchung freigegeben',
    checkin_reminder: 'Bitte einchecken',
    waitlist_booked: 'Von der Warteliste gebucht',
  },
  en: {
    booking_confirmed: 'Booking confirmed',
    booking_cancelled: 'Booking cancelled',
    booking_released: 'Booking released',
    checkin_reminder: 'Please check in',
    waitlist_booked: 'Booked from the waiting list',
  },
};

function lead(l: Locale, f: BookingMailFacts): string {
  const de = l === 'de';
  switch (f.kind) {
    case 'booking_confirmed':
      if (f.byOther) return de ? 'Für Sie wurde gebucht:' : 'A booking was made for you:';
      return de ? 'Ihre Buchung ist bestätigt:' : 'Your booking is confirmed:';
    case 'waitlist_booked':
      return de
        ? 'Ein Platz ist frei geworden, und Sie standen als Erste*r auf der Warteliste. Für Sie wurde gebucht:'
        : 'A space became free and you were first on the waiting list. It was booked for you:';
    case 'booking_released':
      return de
        ? 'Ihre Buchung wurde freigegeben, weil bis zum Ende der Eincheckfrist niemand eingecheckt hat:'
        : 'Your booking was released because nobody checked in before the check-in deadline:';
    case 'checkin_reminder':
      return de
        ? `Ihre Buchung beginnt bald. Bitte checken Sie spätestens ${f.graceMinutes} Minuten nach Beginn ein, sonst wird der Platz freigegeben:`
        : `Your booking starts soon. Please check in at the latest ${f.graceMinutes} minutes after it starts, or the space is released:`;
    case 'booking_cancelled':
      switch (f.cause) {
        case 'layout':
          return de
            ? 'Ihre Buchung wurde storniert, weil der Platz nach einer Änderung des Grundrisses nicht mehr buchbar ist:'
            : 'Your booking was cancelled because the space is no longer bookable after a change of the floor plan:';
        case 'absence':
          return de
            ? 'Ihre Buchung wurde wegen Ihrer Abwesenheit storniert:'
            : 'Your booking was cancelled because of your absence:';
        case 'series':
          return de
            ? 'Die Serie wurde beendet; diese Buchung ist storniert:'
            : 'The series was ended; this booking is cancelled:';
        default:
          if (f.byOther)
            return de
              ? 'Ihre Buchung wurde storniert (vom Empfang oder der Verwaltung):'
              : 'Your booking was cancelled (by the front desk or the administration):';
          return de ? 'Sie haben Ihre Buchung storniert:' : 'You cancelled your booking:';
      }
  }
}

function when(l: Locale, f: BookingMailFacts): string {
  const locale = l === 'de' ? 'de-DE' : 'en-GB';
  const day = new Intl.DateTimeFormat(locale, {
    timeZone: f.timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(f.start);
  const time = new Intl.DateTimeFormat(locale, {
    timeZone: f.timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const suffix = l === 'de' ? ' Uhr' : '';
  return `${day}, ${time.format(f.start)}–${time.format(f.end)}${suffix}`;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** A booking mail in the recipient's language: plain text and the same words as simple HTML, no images. */
export function renderBookingMail(l: Locale, f: BookingMailFacts): RenderedMail {
  const de = l === 'de';
  const what = `${KIND[l][f.spaceKind]} ${f.spaceLabel}`;
  const subject = `${SUBJECT[l][f.kind]}: ${what} – ${f.buildingName}, ${when(l, f)}`;
  const greeting = de ? `Guten Tag ${f.recipientName},` : `Hello ${f.recipientName},`;
  const rows: [string, string][] = [
    [de ? 'Platz' : 'Space', what],
    [de ? 'Ort' : 'Where', `${f.buildingName}, ${f.floorName}`],
    [de ? 'Zeit' : 'When', when(l, f)],
  ];
  const calendarNote =
    f.kind === 'booking_cancelled' || f.kind === 'booking_released'
      ? de
        ? 'Der Termin wird aus Ihrem Kalender entfernt, wenn Sie die Einladung angenommen hatten.'
        : 'The event is removed from your calendar if you had accepted the invitation.'
      : f.kind === 'checkin_reminder'
        ? ''
        : de
          ? 'Die Kalendereinladung hängt an; Ihr Kalender aktualisiert den Termin bei jeder Änderung.'
          : 'The calendar invitation is attached; your calendar updates the event with every change.';
  const manage = de ? 'Ihre Buchungen' : 'Your bookings';
  const unsubscribe = de ? 'Diese Art von E-Mail abbestellen' : 'Unsubscribe from this kind of e-mail';
  const text = [
    greeting,
    '',
    lead(l, f),
    '',
    ...rows.map(([k, v]) => `${k}: ${v}`),
    '',
    ...(calendarNote ? [calendarNote, ''] : []),
    `${manage}: ${f.bookingsUrl}`,
    '',
    '-- ',
    `${unsubscribe}: ${f.unsubscribeUrl}`,
  ].join('\n');
  const html = `<!doctype html>
<html lang="${l}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family: sans-serif; line-height: 1.5">
<p>${escapeHtml(greeting)}</p>
<p>${escapeHtml(lead(l, f))}</p>
<table role="presentation">${rows.map(([k, v]) => `<tr><th align="left" style="padding-right:1em">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</table>
${calendarNote ? `<p>${escapeHtml(calendarNote)}</p>` : ''}
<p><a href="${escapeHtml(f.bookingsUrl)}">${escapeHtml(manage)}</a></p>
<hr><p style="font-size: small"><a href="${escapeHtml(f.unsubscribeUrl)}">${escapeHtml(unsubscribe)}</a></p>
</body></html>`;
  return { subject, text, html };
}

/** An invitation or a password reset: the set-password link, valid until `expiresAt`. */
export function renderAccountMail(
  l: Locale,
  f: { purpose: 'account_invite' | 'password_reset'; recipientName: string; url: string; expiresAt: Date },
): RenderedMail {
  const de = l === 'de';
  const until = new Intl.DateTimeFormat(de ? 'de-DE' : 'en-GB', {
    timeZone: 'Europe/Berlin',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(f.expiresAt);
  const invite = f.purpose === 'account_invite';
  const subject = invite
    ? de
      ? 'Ihr Zugang zu Flexdesk'
      : 'Your Flexdesk account'
    : de
      ? 'Neues Passwort für Flexdesk'
      : 'New password for Flexdesk';
  const greeting = de ? `Guten Tag ${f.recipientName},` : `Hello ${f.recipientName},`;
  const lines = invite
    ? de
      ? [
          'für Sie wurde ein Zugang zu Flexdesk eingerichtet, der Platzbuchung Ihrer Organisation.',
          `Wählen Sie hier Ihr Passwort (der Link gilt bis ${until} und nur einmal):`,
        ]
      : [
          'An account was set up for you in Flexdesk, your organisation’s desk booking.',
          `Choose your password here (the link works once, until ${until}):`,
        ]
    : de
      ? [
          'für Ihren Flexdesk-Zugang wurde ein neues Passwort angefordert.',
          `Wählen Sie es hier (der Link gilt bis ${until} und nur einmal):`,
        ]
      : [
          'A new password was requested for your Flexdesk account.',
          `Choose it here (the link works once, until ${until}):`,
        ];
  const ignore = de
    ? 'Wenn Sie damit nichts anfangen können, wenden Sie sich bitte an Ihre Verwaltung.'
    : 'If this means nothing to you, please contact your administration.';
  const text = [greeting, '', ...lines, f.url, '', ignore].join('\n');
  const html = `<!doctype html>
<html lang="${l}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family: sans-serif; line-height: 1.5">
<p>${escapeHtml(greeting)}</p>
${lines.map((x) => `<p>${escapeHtml(x)}</p>`).join('\n')}
<p><a href="${escapeHtml(f.url)}">${escapeHtml(f.url)}</a></p>
<p>${escapeHtml(ignore)}</p>
</body></html>`;
  return { subject, text, html };
}
