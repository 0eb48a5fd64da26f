// E-mail with calendar invitations (issue #13), end to end: run.mjs points the app at the
// development SMTP sink (tools/mail/dev.mjs), which saves every mail it receives. A person books a
// desk in the browser; the confirmation arrives with an iMIP invitation (METHOD:REQUEST) whose UID
// and SEQUENCE are those of the invite download, so calendars update in place; cancelling sends
// METHOD:CANCEL with a higher SEQUENCE. The settings page switches a kind of mail off and on.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import ICAL from 'ical.js';
import { simpleParser } from 'mailparser';
import {
  assertEventually,
  assertNoA11yViolations,
  baseUrl,
  chooseFloorAndDay,
  labels,
  launchBrowser,
  login,
  newPage,
  openBookDialog,
  printA11ySummary,
  spaceRow,
  tableRows,
  withDiagnostics,
} from '../browser.mjs';

const t = labels('de');
/** Nobody else's journey books for the facility manager, so one desk a day is never in the way. */
const PERSON = 'facility@example.com';
const DAY_INDEX = 1;
const mailDir = process.env.E2E_MAIL_DIR;

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  printA11ySummary('mail');
});

/** Mails the sink saved for `to` with a calendar part of `method`, parsed. */
async function invitesTo(to, method) {
  const found = [];
  for (const file of readdirSync(mailDir).filter((f) => f.endsWith('.eml'))) {
    const mail = await simpleParser(readFileSync(join(mailDir, file)));
    if (!mail.to?.value.some((a) => a.address === to)) continue;
    const part = mail.attachments.find((a) => a.contentType.startsWith('text/calendar'));
    if (!part) continue;
    const calendar = new ICAL.Component(ICAL.parse(part.content.toString()));
    if (calendar.getFirstPropertyValue('method') !== method) continue;
    found.push({ mail, event: calendar.getFirstSubcomponent('vevent') });
  }
  return found;
}

async function waitForInvite(to, method, uid) {
  let hit;
  await assertEventually(
    async () => {
      hit = (await invitesTo(to, method)).find((m) => m.event.getFirstPropertyValue('uid') === uid);
      return !!hit;
    },
    `a ${method} mail to ${to} for ${uid}`,
    30_000,
  );
  return hit;
}

test('a booking made in the browser arrives by e-mail with a calendar invitation; so does its cancellation', { timeout: 120_000 }, async () => {
  assert.ok(mailDir, 'run.mjs starts the SMTP sink');
  const page = await newPage(browser);
  await withDiagnostics(page, 'mail', async () => {
    await login(page, PERSON);

    // Settings: each kind of mail can be switched off, and on again.
    await page.goto(`${baseUrl}/settings`);
    const confirmations = page.getByRole('checkbox', { name: /^Buchungsbestätigungen/ });
    assert.equal(await confirmations.isChecked(), true, 'confirmations are on by default');
    await assertNoA11yViolations(page, 'settings with e-mail preferences');
    const prefs = () => page.evaluate(() => fetch('/api/me/notification-preferences').then((r) => r.json()));
    await confirmations.uncheck();
    await assertEventually(async () => (await prefs()).booking_confirmed === false, 'the preference is saved off');
    await confirmations.check();
    await assertEventually(async () => (await prefs()).booking_confirmed === true, 'and on again');

    // Book a desk for the whole day with the booking dialog.
    await page.goto(`${baseUrl}/book`);
    await chooseFloorAndDay(page, DAY_INDEX);
    const desk = (await tableRows(page)).find((r) => r.kind === t.desk && r.stateClass.includes('state--free'));
    assert.ok(desk, 'a free desk');
    const dialog = await openBookDialog(page, desk.label);
    await dialog.getByRole('radio', { name: t.wholeDay }).check();
    await dialog.getByRole('button', { name: t.submit, exact: true }).click();
    await spaceRow(page, desk.label).locator('.state--mine').waitFor();
    // The new booking, read back: not from the POST's response, whose body Chromium had let go of
    // once in CI ("No data found for resource") by the time it was asked for.
    const booking = await page.evaluate(async (label) => {
      const mine = await fetch('/api/bookings').then((r) => r.json());
      return mine
        .filter((b) => b.spaceLabel === label && b.status === 'confirmed')
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
    }, desk.label);
    assert.ok(booking, `the new booking of ${desk.label} is among mine`);

    // The download and the mail describe the same calendar event.
    const ics = await page.evaluate((id) => fetch(`/api/bookings/${id}/invite.ics`).then((r) => r.text()), booking.id);
    const download = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent');
    const uid = download.getFirstPropertyValue('uid');
    const request = await waitForInvite(PERSON, 'REQUEST', uid);
    assert.equal(request.event.getFirstPropertyValue('sequence'), download.getFirstPropertyValue('sequence'));
    assert.match(request.event.getFirstPropertyValue('summary'), new RegExp(desk.label.replace('.', '\\.')));
    assert.equal(request.event.getFirstPropertyValue('dtstart').toString(), download.getFirstPropertyValue('dtstart').toString());
    assert.match(request.mail.subject, /gebucht|Buchung/i, `German subject: ${request.mail.subject}`);
    assert.ok(request.mail.text && request.mail.html, 'plain text and HTML');
    // mailparser gathers the List-* headers under "list".
    assert.match(request.mail.headers.get('list')?.unsubscribe?.url ?? '', /unsubscribe/, 'a List-Unsubscribe header');

    // Cancelling sends the cancellation with a higher SEQUENCE, same UID.
    const status = await page.evaluate(async (id) => {
      const xsrf = decodeURIComponent(document.cookie.match(/XSRF-TOKEN=([^;]+)/)?.[1] ?? '');
      return (await fetch(`/api/bookings/${id}`, { method: 'DELETE', headers: { 'x-xsrf-token': xsrf } })).status;
    }, booking.id);
    assert.equal(status, 204);
    const cancel = await waitForInvite(PERSON, 'CANCEL', uid);
    assert.ok(
      cancel.event.getFirstPropertyValue('sequence') > request.event.getFirstPropertyValue('sequence'),
      'the cancellation outranks the invitation',
    );
    assert.equal(cancel.event.getFirstPropertyValue('status'), 'CANCELLED');
    await page.context().close();
  });
});
