// Two people look at the same floor and day; when one books a desk, the other's table shows it as
// taken within the page's refresh interval, without reloading, and without the booker's name
// (demo accounts do not share their name with colleagues).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  LIVE_WAIT_MS,
  announcement,
  chooseFloorAndDay,
  labels,
  launchBrowser,
  login,
  newPage,
  openBookDialog,
  printA11ySummary,
  spaceRow,
  stateOf,
  tableRows,
  withDiagnostics,
} from '../browser.mjs';

const t = labels('de');
/** The second open day after today (the employee journey uses the first). */
const DAY_INDEX = 1;

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  printA11ySummary('live');
});

test("a booking shows up on a colleague's open page without reload", { timeout: 90_000 }, async () => {
  const booker = await newPage(browser);
  const watcher = await newPage(browser);
  await withDiagnostics(watcher, 'live-watcher', () =>
    withDiagnostics(booker, 'live-booker', async () => {
      await login(booker, 'employee@example.com');
      await login(watcher, 'employee2@example.com');
      const dayA = await chooseFloorAndDay(booker, DAY_INDEX);
      const dayB = await chooseFloorAndDay(watcher, DAY_INDEX);
      assert.equal(dayA.value, dayB.value, 'both look at the same day');

      const rows = await tableRows(watcher);
      const desk = rows.find((r) => r.kind === t.desk && r.stateClass.includes('state--free'));
      assert.ok(desk, 'a free desk on the floor');
      assert.equal(await stateOf(booker, desk.label), `✓ ${t.free}`);
      assert.equal(await stateOf(watcher, desk.label), `✓ ${t.free}`);

      // Any reload would drop this marker.
      await watcher.evaluate(() => {
        window.__e2eNoReload = true;
      });

      const dialog = await openBookDialog(booker, desk.label);
      await dialog.getByRole('radio', { name: t.wholeDay }).check();
      await dialog.getByRole('button', { name: t.submit, exact: true }).click();
      await announcement(booker, t.success(desk.label)).waitFor();
      const bookedAt = Date.now();
      // The booker's own table reloads right after the booking.
      await spaceRow(booker, desk.label).locator('.state--mine').waitFor();
      assert.equal(await stateOf(booker, desk.label), `★ ${t.mine}`);

      // Live events (SSE) update the colleague's page at once; 20 s also covers the polling fallback.
      const watcherRow = spaceRow(watcher, desk.label);
      await watcherRow.locator('.state--booked').waitFor({ timeout: LIVE_WAIT_MS });
      const seconds = ((Date.now() - bookedAt) / 1000).toFixed(1);
      console.log(`live: ${desk.label} turned "${t.booked}" on the colleague's page after ${seconds} s`);
      assert.equal(await stateOf(watcher, desk.label), `✕ ${t.booked}`);
      const text = await watcherRow.innerText();
      assert.match(text, /07:00–19:00 Uhr/, 'the busy time is shown');
      assert.doesNotMatch(text, /Erika Mustermann|gebucht von/, 'the booker stays anonymous');
      assert.equal(
        await watcherRow.getByRole('button', { name: t.bookAction(desk.label), exact: true }).count(),
        0,
        'no "Buchen …" button any more',
      );
      assert.equal(await watcher.evaluate(() => window.__e2eNoReload), true, 'the page was not reloaded');
    }),
  );
  await booker.context().close();
  await watcher.context().close();
});
