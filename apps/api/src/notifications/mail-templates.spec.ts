import { renderBookingMail, type BookingMailFacts } from './mail-templates';
import { retryDelaySeconds } from './dispatcher.service';

const facts: BookingMailFacts = {
  kind: 'booking_confirmed',
  cause: null,
  byOther: false,
  recipientName: 'Erika <Mustermann>',
  spaceKind: 'desk',
  spaceLabel: '2.14',
  floorName: '1. OG',
  buildingName: 'Rathaus',
  timeZone: 'Europe/Berlin',
  // Sunday 2027-03-28 is 23 hours long in Berlin; 07:00 local is 05:00Z.
  start: new Date('2027-03-28T05:00:00Z'),
  end: new Date('2027-03-28T17:00:00Z'),
  graceMinutes: 30,
  bookingsUrl: 'https://desks.example.org/bookings',
  unsubscribeUrl: 'https://desks.example.org/api/notifications/unsubscribe?token=t',
};

describe('booking mails', () => {
  it('writes German times in the building time zone, across the change to summer time', () => {
    const mail = renderBookingMail('de', facts);
    expect(mail.subject).toBe(
      'Buchung bestätigt: Schreibtisch 2.14 – Rathaus, Sonntag, 28. März 2027, 07:00–19:00 Uhr',
    );
    expect(mail.text).toContain('Guten Tag Erika <Mustermann>,');
    expect(mail.text).toContain(
      'Diese Art von E-Mail abbestellen: https://desks.example.org/api/notifications/unsubscribe?token=t',
    );
  });

  it('escapes everything it puts into HTML and has no images', () => {
    const mail = renderBookingMail('en', facts);
    expect(mail.html).toContain('Hello Erika &lt;Mustermann&gt;,');
    expect(mail.html).not.toContain('<Mustermann>');
    expect(mail.html).not.toMatch(/<img/i);
    expect(mail.html).toContain('lang="en"');
  });

  it.each([
    ['layout', false, 'no longer bookable after a change of the floor plan'],
    ['absence', false, 'because of your absence'],
    ['series', false, 'The series was ended'],
    [null, true, 'by the front desk or the administration'],
    [null, false, 'You cancelled your booking'],
  ])('says why a booking was cancelled (cause %s, by someone else %s)', (cause, byOther, words) => {
    expect(renderBookingMail('en', { ...facts, kind: 'booking_cancelled', cause, byOther }).text).toContain(words);
  });

  it('backs off exponentially, capped at six hours', () => {
    expect([1, 2, 3, 4].map((n) => retryDelaySeconds(30, n))).toEqual([30, 60, 120, 240]);
    expect(retryDelaySeconds(30, 40)).toBe(6 * 3600);
  });
});
