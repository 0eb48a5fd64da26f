// Switching the UI to English in the header: labels, formats and the API's refusals (here the
// per-person daily limit, LIMIT_REACHED) all come out in English, and the choice survives a reload.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  announcement,
  assertEventually,
  assertNoA11yViolations,
  chooseFloorAndDay,
  labels,
  launchBrowser,
  login,
  newPage,
  openBookDialog,
  openFilters,
  printA11ySummary,
  setLocale,
  tableRows,
  waitForTable,
  withDiagnostics,
} from '../browser.mjs';

const en = labels('en');
/** The third open day after today (the other journeys use the first two). */
const DAY_INDEX = 2;
const LIMIT_REACHED_EN = 'You already have the maximum number of such bookings on that day.';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  printA11ySummary('i18n');
});

test('the header switches the UI to English, API refusals included', { timeout: 90_000 }, async () => {
  const page = await newPage(browser);
  try {
    await withDiagnostics(page, 'i18n', async () => {
      await login(page, 'employee@example.com');
      await page.getByRole('heading', { level: 1, name: 'Platz buchen' }).waitFor();
      const saved = page.waitForResponse(
        (r) => new URL(r.url()).pathname === '/api/me' && r.request().method() === 'PATCH',
      );
      await page.getByRole('group', { name: 'Sprache' }).getByRole('button', { name: 'EN' }).click();

      // Labels change without reload.
      await page.getByRole('heading', { level: 1, name: 'Book a space' }).waitFor();
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
      assert.equal((await saved).status(), 200, 'the choice is saved to the profile');
      const switcherEn = page.getByRole('group', { name: 'Language' });
      assert.equal(await switcherEn.getByRole('button', { name: 'EN' }).getAttribute('aria-pressed'), 'true');
      assert.equal(await switcherEn.getByRole('button', { name: 'DE' }).getAttribute('aria-pressed'), 'false');
      const nav = page.getByRole('navigation', { name: 'Main navigation' });
      await nav.getByRole('link', { name: en.navBook, exact: true }).waitFor();
      await nav.getByRole('link', { name: en.navBookings, exact: true }).waitFor();
      // Signing out is in the person's menu.
      await page.getByRole('button', { name: /^Signed in as / }).click();
      await page.getByRole('menuitem', { name: 'Sign out', exact: true }).waitFor();
      await page.getByRole('menuitem', { name: 'Settings', exact: true }).waitFor();
      await page.keyboard.press('Escape');
      await page.getByRole('menu').waitFor({ state: 'detached' });
      await assertEventually(async () => (await page.title()) === 'Book a space – Flexdesk', 'the English page title');

      const day = await chooseFloorAndDay(page, DAY_INDEX);
      assert.match(day.label, /^[A-Z][a-z]{2} \d{1,2} [A-Z][a-z]+$/, `English date format: ${day.label}`);
      await page.getByRole('columnheader', { name: 'Space', exact: true }).waitFor();
      await page.getByRole('columnheader', { name: 'Equipment', exact: true }).waitFor();
      const meta = (await page.locator('.results__meta').innerText()).replace(/\s+/g, ' ');
      assert.match(meta, /Showing \d+ of \d+ spaces · Open 07:00–19:00/);
      await page.getByText(/changes appear as they happen/).waitFor();
      await openFilters(page);
      await page.getByRole('group', { name: en.equipment }).getByLabel('Window seat', { exact: true }).waitFor();
      await page.keyboard.press('Escape');
      await page.locator('.filters-popover').waitFor({ state: 'detached' });
      await assertNoA11yViolations(page, 'booking page (English)');

      // Book one desk for the day, then try a second one the same day: the API refuses.
      const free = (await tableRows(page)).filter((r) => r.kind === en.desk && r.stateClass.includes('state--free'));
      assert.ok(free.length >= 2, 'two free desks');
      const [first, second] = free;
      const dialog = await openBookDialog(page, first.label);
      await dialog.getByRole('radio', { name: en.wholeDay }).check();
      await dialog.getByRole('button', { name: en.submit, exact: true }).click();
      await dialog.waitFor({ state: 'hidden' });
      const success = announcement(page, en.success(first.label));
      await success.waitFor();
      assert.match(
        await success.innerText(),
        new RegExp(`Booked: Desk ${first.label.replace('.', '\\.')} on .+, 07:00–19:00\\.`),
      );

      const refused = await openBookDialog(page, second.label);
      await refused.getByRole('radio', { name: en.wholeDay }).check();
      await refused.getByRole('button', { name: en.submit, exact: true }).click();
      const alert = refused.getByRole('alert');
      await alert.getByText(LIMIT_REACHED_EN).waitFor();
      assert.doesNotMatch(await alert.innerText(), /Sie haben|höchstmögliche/, 'no German left in the message');
      assert.ok(await refused.isVisible(), 'the dialog stays open to choose again');
      await assertNoA11yViolations(page, 'booking dialog with error (English)');
      await refused.getByRole('button', { name: 'Cancel', exact: true }).click();
      await refused.waitFor({ state: 'hidden' });

      // The choice is remembered: after a reload the page is still English.
      await page.reload();
      await waitForTable(page);
      await page.getByRole('heading', { level: 1, name: 'Book a space' }).waitFor();
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');

      // My bookings in English.
      await page.getByRole('link', { name: en.navBookings, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: en.bookingsHeading }).waitFor();
      const row = page
        .getByRole('region', { name: en.upcoming, exact: true })
        .locator('tbody tr')
        // The same desk may be booked on other days by the other journeys: the cancel button names the day.
        .filter({
          has: page.getByRole('button', { name: `Cancel booking ${first.label} on ${day.label}`, exact: true }),
        });
      await row.waitFor();
      assert.match(await row.innerText(), /Whole day \(07:00–19:00\)/);
      assert.match(await row.innerText(), /Confirmed/);
    });
  } finally {
    // The language is saved to the user's profile; give the other journeys their German back.
    await setLocale(page, 'de').catch(() => undefined);
    await page.context().close();
  }
});
