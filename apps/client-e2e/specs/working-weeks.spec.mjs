// Working weeks (issue 12) in the browser: a Tuesday/Thursday series over four weeks whose preview
// shows the one day someone else holds, the rest booked; a favourite starred and booked again with
// one tap; an absence that frees an assigned desk for a colleague; a waiting list that gets the
// desk when its booker cancels. axe checks the new pages in German and English. Runs after the
// other journeys (they use the first open days; this one keeps to later ones).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  BUILDING,
  FLOOR,
  PASSWORD,
  announcement,
  assertEventually,
  assertNoA11yViolations,
  baseUrl,
  berlinToday,
  chooseDay,
  chooseFloorAndDay,
  dateOptions,
  launchBrowser,
  login,
  newPage,
  openBookDialog,
  printA11ySummary,
  setLocale,
  spaceRow,
  tableRows,
  waitForTable,
  withDiagnostics,
} from '../browser.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  printA11ySummary('working-weeks');
});

/** Signs in through the API; returns a small client with the person's id. */
async function apiAs(email) {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  assert.equal(res.status, 200, `${email} signs in`);
  const { accessToken, user } = await res.json();
  const headers = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };
  const call = async (method, path, body) => {
    const r = await fetch(`${baseUrl}/api/${path}`, { method, headers, body: body && JSON.stringify(body) });
    const text = await r.text();
    return { status: r.status, body: text ? JSON.parse(text) : null };
  };
  return { user, call };
}

/** The demo floor's id and its desks by label. */
async function demoFloor(api) {
  const buildings = (await api.call('GET', 'buildings')).body;
  const floor = buildings.find((b) => b.name === BUILDING).floors.find((f) => f.name === FLOOR);
  const full = (await api.call('GET', `floors/${floor.id}`)).body;
  return { id: floor.id, byLabel: new Map(full.spaces.map((s) => [s.label, s])) };
}

const WEEKDAY_NAMES = ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'];
const isoWeekday = (date) => ((new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;
const addDays = (date, n) => new Date(Date.parse(`${date}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** A desk free all day on `date` (by availability), not in `avoid`. */
async function freeDesk(api, floorId, date, avoid = []) {
  const availability = (await api.call('GET', `floors/${floorId}/availability?date=${date}`)).body;
  const floor = (await api.call('GET', `floors/${floorId}`)).body;
  const desks = new Map(floor.spaces.filter((s) => s.kind === 'desk').map((s) => [s.id, s]));
  const free = availability.spaces.find(
    (s) => s.state === 'free' && desks.has(s.spaceId) && !avoid.includes(desks.get(s.spaceId).label),
  );
  assert.ok(free, `a free desk on ${date}`);
  return desks.get(free.spaceId);
}

test('series, favourite, absence and waiting list', { timeout: 240_000 }, async () => {
  const employee = await apiAs('employee@example.com');
  const admin = await apiAs('admin@example.com');
  const facility = await apiAs('facility@example.com');
  const floor = await demoFloor(employee);

  const page = await newPage(browser);
  const colleague = await newPage(browser);
  await withDiagnostics(colleague, 'weeks-colleague', () =>
    withDiagnostics(page, 'weeks-employee', async () => {
      await login(page, 'employee@example.com');
      await chooseFloorAndDay(page, 0);
      const today = berlinToday();
      // The first days belong to the other journeys; keep to the second week on.
      const days = (await dateOptions(page)).map((d) => d.value).filter((d) => d > addDays(today, 2));
      // Days on which the earlier journeys left this person a booking would hide the favourite's
      // offer and hit the one-desk-a-day limit, so every part keeps off them.
      const booked = new Set(
        (await employee.call('GET', `bookings?from=${today}&to=${addDays(today, 30)}`)).body
          .filter((b) => b.status === 'confirmed' || b.status === 'checked_in')
          .map((b) => b.date),
      );
      // A series on two weekdays two days apart (Tuesday and Thursday, say), both open and free: which
      // pair depends on the day the journey runs (a closure such as the demo's works outing may take
      // the only Tuesday within the horizon).
      const tuesday = days.find(
        (d) => isoWeekday(d) <= 3 && days.includes(addDays(d, 2)) && !booked.has(d) && !booked.has(addDays(d, 2)),
      );
      const thursday = tuesday && addDays(tuesday, 2);
      const pair = tuesday ? [isoWeekday(tuesday), isoWeekday(thursday)] : [];
      const free = days.filter((d) => !pair.includes(isoWeekday(d)) && !booked.has(d));
      assert.ok(tuesday && free.length >= 3, `enough days: ${days}`);
      const [favouriteDay, absenceDay, waitDay] = free;

      // ---- A series on two weekdays for four weeks, with one of its days taken by someone else.
      await chooseDay(page, tuesday);
      await waitForTable(page);
      const seriesDesk = await freeDesk(employee, floor.id, tuesday);
      const taken = await admin.call('POST', 'bookings', { spaceId: seriesDesk.id, date: thursday, slot: 'day' });
      assert.ok([201, 409].includes(taken.status), `someone holds ${seriesDesk.label} on ${thursday}: ${taken.status}`);
      const dialog = await openBookDialog(page, seriesDesk.label);
      await dialog.getByText('Wiederholen', { exact: true }).click();
      await dialog.getByLabel(WEEKDAY_NAMES[isoWeekday(thursday) - 1]).check();
      assert.equal(
        await dialog.getByLabel(WEEKDAY_NAMES[isoWeekday(tuesday) - 1]).isChecked(),
        true,
        'the day itself is preselected',
      );
      await dialog.getByRole('button', { name: 'Vorschau anzeigen' }).click();
      const occurrences = dialog.locator('.occurrences li');
      await occurrences.first().waitFor();
      const preview = await occurrences.evaluateAll((list) =>
        list.map((li) => ({ date: li.dataset.date, outcome: li.dataset.outcome, text: li.textContent.trim() })),
      );
      console.log(`series preview: ${preview.map((o) => `${o.date}:${o.outcome}`).join(' ')}`);
      assert.equal(preview.length, 8, 'four weeks of both weekdays');
      assert.equal(preview.find((o) => o.date === thursday)?.outcome, 'conflict', 'the taken second day');
      assert.match(preview.find((o) => o.date === thursday).text, /^✕ .* schon belegt/);
      const bookable = preview.filter((o) => o.outcome === 'bookable').map((o) => o.date);
      assert.ok(bookable.includes(tuesday), 'the first day can be booked');
      await assertNoA11yViolations(page, 'booking dialog with a series preview');
      await dialog.getByRole('button', { name: 'Serie buchen' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await announcement(page, `Serie gebucht: ${bookable.length} von 8 Tagen.`).waitFor();
      const mine = (await employee.call('GET', `bookings?from=${tuesday}&to=${addDays(tuesday, 30)}`)).body;
      const inSeries = mine.filter((b) => b.seriesId && b.spaceId === seriesDesk.id && b.status === 'confirmed');
      assert.deepEqual(inSeries.map((b) => b.date).sort(), bookable, 'every bookable day is booked');

      // ---- A favourite: starred in the list, offered on another day, booked with one tap.
      await chooseDay(page, favouriteDay);
      await waitForTable(page);
      const favourite = (await tableRows(page)).find((r) => r.stateClass.includes('state--free') && r.kind === 'Arbeitsplatz');
      await spaceRow(page, favourite.label).getByRole('button', { name: `Favorit: ${favourite.label}` }).click();
      await announcement(page, `${favourite.label} ist jetzt ein Favorit.`).waitFor();
      await page.reload();
      const offer = page.locator('.offer');
      await offer.waitFor();
      assert.match(await offer.innerText(), new RegExp(`Ihr Favorit ${favourite.label.replace('.', '\\.')} .* frei`));
      await assertNoA11yViolations(page, 'booking page with a favourite offer');
      await offer.getByRole('button', { name: 'Ganzer Tag buchen' }).click();
      await announcement(page, `Gebucht: Arbeitsplatz ${favourite.label} am`).waitFor();
      await offer.waitFor({ state: 'detached' });

      // ---- An assigned desk, released by an absence, booked by a colleague.
      const assigned = await freeDesk(facility, floor.id, absenceDay, [seriesDesk.label, favourite.label]);
      const assign = await facility.call('PUT', `spaces/${assigned.id}/assignee`, { userId: employee.user.id });
      assert.equal(assign.status, 200, `desk ${assigned.label} assigned: ${JSON.stringify(assign.body)}`);
      await login(colleague, 'employee2@example.com');
      await chooseFloorAndDay(colleague, 0);
      await chooseDay(colleague, absenceDay);
      await waitForTable(colleague);
      const bookButton = spaceRow(colleague, assigned.label).getByRole('button', { name: `Platz ${assigned.label} buchen` });
      assert.equal(await bookButton.count(), 0, 'an assigned desk is not offered to others');

      await page.goto(`${baseUrl}/bookings`);
      await page.getByRole('heading', { level: 2, name: 'Abwesenheiten' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Mein fester Platz' }).waitFor();
      await page.locator('#absence-from').fill(absenceDay);
      await page.locator('#absence-from').dispatchEvent('change');
      await page.locator('#absence-to').fill(absenceDay);
      await page.locator('#absence-to').dispatchEvent('change');
      await page.getByRole('button', { name: 'Abwesenheit eintragen' }).click();
      await announcement(page, 'Abwesenheit eingetragen').waitFor();
      await assertNoA11yViolations(page, 'My bookings with series, absences and the assigned desk');

      await colleague.reload();
      await waitForTable(colleague);
      await assertEventually(async () => (await bookButton.count()) === 1, 'the released desk is offered');
      const colleagueDialog = await openBookDialog(colleague, assigned.label);
      await colleagueDialog.getByRole('button', { name: 'Verbindlich buchen' }).click();
      await announcement(colleague, `Gebucht: Arbeitsplatz ${assigned.label} am`).waitFor();

      // ---- The waiting list: the desk goes to the one waiting when its booker cancels.
      const waitDesk = await freeDesk(admin, floor.id, waitDay, [seriesDesk.label, favourite.label, assigned.label]);
      const held = await admin.call('POST', 'bookings', { spaceId: waitDesk.id, date: waitDay, slot: 'day' });
      assert.equal(held.status, 201, `admin holds ${waitDesk.label}: ${JSON.stringify(held.body)}`);
      await page.goto(`${baseUrl}/book`);
      await chooseDay(page, waitDay);
      await waitForTable(page);
      await spaceRow(page, waitDesk.label)
        .getByRole('button', { name: `Auf die Warteliste für ${waitDesk.label}` })
        .click();
      await announcement(page, `Sie stehen auf der Warteliste für ${waitDesk.label}`).waitFor();
      assert.equal((await admin.call('DELETE', `bookings/${held.body.id}`)).status, 204);
      await assertEventually(
        async () => {
          const list = (await employee.call('GET', `bookings?from=${waitDay}&to=${waitDay}`)).body;
          return list.some((b) => b.spaceId === waitDesk.id && b.status === 'confirmed');
        },
        `${waitDesk.label} booked for the one waiting`,
        20_000,
      );
      await page.goto(`${baseUrl}/bookings`);
      await page.getByRole('heading', { level: 2, name: 'Warteliste' }).waitFor();
      await page.getByRole('region', { name: 'Warteliste' }).getByText('gebucht').waitFor();

      // The new pages in English too.
      await page.goto(`${baseUrl}/colleagues`);
      await page.getByRole('heading', { level: 1, name: 'Kolleg:innen' }).waitFor();
      await assertNoA11yViolations(page, 'colleagues page (de)');
      await setLocale(page, 'en');
      await page.getByRole('heading', { level: 1, name: 'Colleagues' }).waitFor();
      await assertNoA11yViolations(page, 'colleagues page (en)');
      await page.goto(`${baseUrl}/bookings`);
      await page.getByRole('heading', { level: 2, name: 'Absences' }).waitFor();
      await assertNoA11yViolations(page, 'My bookings with working weeks (en)');
      await setLocale(page, 'de');
    }),
  );
  await page.context().close();
  await colleague.context().close();
});
