// The front desk's day: the board shows a booking made in another context live, the receptionist
// checks the person in, takes it back and checks in again (the booker, with the desk's QR page),
// exports the day list as CSV, books for someone who arrived without a booking, and opens the QR
// labels of a floor. Check-in is only possible around the booking's time, so before anything else
// the facility manager opens the Rathaus around the clock (through the API), which makes today
// bookable and checkable at whatever hour CI runs. This spec runs last, so the change does not
// reach the other journeys.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import {
  BUILDING,
  announcement,
  chooseDay,
  chooseOption,
  selectedText,
  FLOOR,
  LIVE_WAIT_MS,
  PASSWORD,
  assertEventually,
  assertNoA11yViolations,
  baseUrl,
  dateOptions,
  labels,
  launchBrowser,
  login,
  newPage,
  printA11ySummary,
  tableRows,
  waitForTable,
  withDiagnostics,
} from '../browser.mjs';

const t = labels('de');
const BOOKER = 'Max Müller';
const WALK_IN = 'Erika Mustermann';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  printA11ySummary('reception');
});

/** Opens the Rathaus 00:00–24:00 every day, as facility@example.com through the API. */
async function openAroundTheClock() {
  const signIn = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'facility@example.com', password: PASSWORD }),
  });
  assert.equal(signIn.status, 200, 'facility manager signs in');
  const headers = { authorization: `Bearer ${(await signIn.json()).accessToken}`, 'content-type': 'application/json' };
  const buildings = await (await fetch(`${baseUrl}/api/buildings`, { headers })).json();
  const { id } = buildings.find((b) => b.name === BUILDING);
  const building = await (await fetch(`${baseUrl}/api/buildings/${id}`, { headers })).json();
  const openingHours = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, open: '00:00', close: '24:00' }));
  const { name, address, timeZone, midday } = building;
  const res = await fetch(`${baseUrl}/api/buildings/${id}`, {
    method: 'PUT',
    headers,
    body: JSON.stringify({ name, address, timeZone, midday, openingHours }),
  });
  assert.equal(res.status, 200, `opening hours saved: ${await res.clone().text()}`);
}

function dayRow(page, name) {
  return page.locator('.day-list tbody tr').filter({ hasText: name });
}

test(
  'the front desk follows the day live, checks in, exports, books for someone, prints labels',
  { timeout: 180_000 },
  async () => {
    const desk = await newPage(browser);
    const booker = await newPage(browser);
    await withDiagnostics(booker, 'reception-booker', () =>
      withDiagnostics(desk, 'reception-desk', async () => {
        await openAroundTheClock();
        await login(booker, 'employee2@example.com');
        await chooseOption(booker, booker.getByLabel(t.building, { exact: true }), BUILDING);
        await chooseOption(booker, booker.getByLabel(t.floor, { exact: true }), FLOOR);
        const [day] = await dateOptions(booker);
        assert.ok(day && !day.disabled, 'today is open');

        // The board, as reception@example.com (their landing page): assigned to the Rathaus only.
        await login(desk, 'reception@example.com');
        await desk.getByRole('heading', { level: 1, name: 'Tagesübersicht' }).waitFor();
        await desk.locator('#reception-building').waitFor();
        await chooseOption(desk, desk.locator('#reception-building'), 'London Office');
        await desk.getByText('Sie sind für London Office nicht als Empfang eingetragen.').waitFor();
        assert.equal(await desk.locator('.day-list').count(), 0, 'no names in London');
        await chooseOption(desk, desk.locator('#reception-building'), BUILDING);
        // The date picker reads German dates (and shows them so).
        const [year, month, date] = day.value.split('-');
        await desk.locator('#reception-date').fill(`${date}.${month}.${year}`);
        await desk.locator('#reception-date').press('Tab');
        assert.equal(await desk.locator('#reception-date').inputValue(), `${date}.${month}.${year}`);
        await desk.locator('h2', { hasText: 'Tagesliste' }).waitFor();
        await assertNoA11yViolations(desk, 'reception board');
        await desk.evaluate(() => {
          window.__e2eNoReload = true;
        });
        assert.equal(await dayRow(desk, BOOKER).count(), 0);

        // A booking made in the other context appears on the board without reload.
        await chooseDay(booker, day.value);
        await waitForTable(booker);
        const free = (await tableRows(booker)).find((r) => r.kind === t.desk && r.stateClass.includes('state--free'));
        assert.ok(free, 'a free desk');
        await booker.getByRole('button', { name: t.bookAction(free.label), exact: true }).click();
        const bookDialog = booker.getByRole('dialog', { name: t.dialogTitle(free.label), exact: true });
        await bookDialog.getByRole('radio', { name: t.wholeDay }).check();
        await bookDialog.getByRole('button', { name: t.submit, exact: true }).click();
        await announcement(booker, t.success(free.label)).waitFor();
        const bookedAt = Date.now();
        const row = dayRow(desk, BOOKER);
        await row.waitFor({ timeout: LIVE_WAIT_MS });
        console.log(
          `reception: the booking appeared on the board after ${((Date.now() - bookedAt) / 1000).toFixed(1)} s`,
        );
        assert.match(await row.innerText(), new RegExp(`${free.label.replace('.', '\\.')}[\\s\\S]*Erwartet`));
        assert.equal(await desk.evaluate(() => window.__e2eNoReload), true, 'the board was not reloaded');

        const checkIn = row.getByRole('button', { name: `${BOOKER} bei ${free.label} einchecken` });
        // Check in, undo, and check in again — the status is read as text, not colour.
        await checkIn.click();
        await announcement(desk, `${BOOKER} ist bei ${free.label} eingecheckt.`).waitFor();
        await assertEventually(async () => /Eingecheckt\s+seit/.test(await row.innerText()), 'row says Eingecheckt');
        await row.getByRole('button', { name: `Check-in zurücknehmen: ${BOOKER} bei ${free.label}` }).click();
        await announcement(desk, 'wurde zurückgenommen').waitFor();
        await assertEventually(async () => /Erwartet/.test(await row.innerText()), 'row says Erwartet again');
        // The booker checks in again by scanning the desk's QR code (its page).
        const [booking] = await booker.evaluate(
          async (date) => (await fetch(`/api/bookings?from=${date}&to=${date}`)).json(),
          day.value,
        );
        await booker.goto(`${baseUrl}/check-in/${booking.spaceId}`);
        await booker.getByText('Sie sind eingecheckt.').waitFor();
        await assertNoA11yViolations(booker, 'check-in page');
        await assertEventually(
          async () => /Eingecheckt\s+seit/.test(await row.innerText()),
          'checked in live',
          LIVE_WAIT_MS,
        );
        // A QR code of a space where one has no booking now is refused with a clear message.
        await booker.goto(`${baseUrl}/check-in/00000000-0000-4000-8000-000000000000`);
        await booker.getByText('Einchecken nicht möglich.').waitFor();
        await booker.getByText('Sie haben an diesem Platz jetzt keine Buchung').waitFor();
        await assertNoA11yViolations(booker, 'check-in page (refused)');

        // CSV export through the browser's download.
        const [download] = await Promise.all([
          desk.waitForEvent('download'),
          desk.getByRole('link', { name: 'CSV exportieren' }).click(),
        ]);
        const bytes = readFileSync(await download.path());
        assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
        const lines = bytes.subarray(3).toString('utf8').split('\r\n').filter(Boolean);
        assert.equal(lines[0], 'Etage;Platz;Art;Bereich;Name;Beginn;Ende;Status;Eingecheckt');
        const cells = lines.map((l) => l.split(';'));
        const mine = cells.find((c) => c[4] === BOOKER);
        assert.ok(mine, `the CSV lists ${BOOKER} with the umlaut intact`);
        assert.deepEqual(mine.slice(0, 3), [FLOOR, free.label, 'Schreibtisch']);
        assert.match(download.suggestedFilename(), new RegExp(`flexdesk-${day.value}\\.csv`));

        // Someone arrives without a booking: book for them.
        await desk.getByRole('button', { name: 'Für jemanden buchen' }).click();
        const dialog = desk.getByRole('dialog', { name: 'Für jemanden buchen' });
        await dialog.waitFor();
        const person = dialog.getByRole('combobox', { name: /Person/ });
        await person.fill('Erika');
        await dialog.getByRole('option', { name: new RegExp(WALK_IN) }).waitFor();
        await assertNoA11yViolations(desk, 'book-for-someone dialog');
        await person.press('Enter');
        await dialog.getByText(`Gebucht wird für ${WALK_IN}`).waitFor();
        await assertEventually(
          async () => (await dialog.locator('#obo-space').getAttribute('aria-disabled')) === 'false',
          'free spaces',
        );
        const spaceText = await selectedText(dialog.locator('#obo-space'));
        await dialog.getByRole('button', { name: 'Verbindlich buchen' }).click();
        await announcement(desk, `Für ${WALK_IN} gebucht: ${spaceText}`).waitFor();
        await dayRow(desk, WALK_IN).waitFor();

        // The cancel confirmation is a dialog too.
        await dayRow(desk, WALK_IN)
          .getByRole('button', { name: /stornieren$/ })
          .click();
        await desk.getByRole('dialog', { name: 'Buchung stornieren?' }).waitFor();
        await assertNoA11yViolations(desk, 'cancel confirmation');
        await desk.getByRole('button', { name: 'Nein, behalten' }).click();

        // QR labels of the floor.
        await desk.getByRole('link', { name: `QR-Etiketten für ${FLOOR}` }).click();
        await desk.waitForURL(/\/reception\/labels\/[0-9a-f-]{36}$/);
        await desk.locator('.space-label-card').first().waitFor();
        const cards = await desk.locator('.space-label-card').count();
        assert.ok(cards >= 40, `labels for every space (${cards})`);
        await desk.getByRole('img', { name: `QR-Code zum Einchecken an Platz ${free.label}` }).waitFor();
        assert.ok((await desk.locator('.space-label-card svg path').first().getAttribute('d')).length > 100);
        await assertNoA11yViolations(desk, 'QR labels page');
      }),
    );
    await desk.context().close();
    await booker.context().close();
  },
);
