// An employee books a desk with the mouse, finds it under "Meine Buchungen", cancels it, then books
// again with the keyboard alone. axe-core checks every page and dialog on the way; the booking page
// is captured for the README at desktop and phone size.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  assertEventually,
  assertNoSeriousA11yViolations,
  baseUrl,
  chooseFloorAndDay,
  labels,
  launchBrowser,
  login,
  newPage,
  openBookDialog,
  printA11ySummary,
  screenshotDir,
  spaceRow,
  tableRows,
  waitForTable,
  withDiagnostics,
} from '../browser.mjs';

const t = labels('de');
/** The first open day after today; the other journeys use later days so they do not interfere. */
const DAY_INDEX = 0;

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  printA11ySummary('employee');
});

/** Describes the focused element, for keyboard navigation (reading the DOM, not acting on it). */
function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    const row = el?.closest('tr');
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      id: el?.id ?? '',
      type: el?.getAttribute('type') ?? '',
      ariaLabel: el?.getAttribute('aria-label') ?? '',
      text: el?.textContent?.trim() ?? '',
      value: el && 'value' in el ? el.value : '',
      checked: el && 'checked' in el ? el.checked : null,
      inDialog: !!el?.closest('dialog[open]'),
      rowState: row?.querySelector('.state')?.className ?? '',
      rowKind: row?.querySelector('td')?.textContent.trim() ?? '',
      rowLabel: row?.querySelector('th')?.childNodes[0]?.textContent.trim() ?? '',
    };
  });
}

/** Presses Tab until `match(focused)` holds; fails after `max` presses. */
async function tabTo(page, match, what, max = 120) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (match(f)) return f;
  }
  assert.fail(`Tab never reached ${what}`);
}

async function goToBookings(page) {
  await page.getByRole('navigation').getByRole('link', { name: t.navBookings, exact: true }).click();
  await page.waitForURL(/\/bookings$/);
  await page.getByRole('heading', { level: 1, name: t.bookingsHeading }).waitFor();
  await page.getByRole('region', { name: t.upcoming }).waitFor();
}

/** The rows of bookings of desk `label` on `day` in a section ("Anstehend" or "Vergangen und storniert"). */
function bookingRow(page, section, label, day) {
  const date = day.label.split(' – ')[0].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const year = day.value.slice(0, 4);
  return page
    .getByRole('region', { name: section, exact: true })
    .locator('tbody tr')
    .filter({ hasText: `${t.desk} ${label}` })
    .filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${date} ${year},`) }) });
}

test('employee books, cancels and re-books a desk (mouse, then keyboard only)', { timeout: 120_000 }, async () => {
  const page = await newPage(browser);
  await withDiagnostics(page, 'employee', async () => {
    // Sign in (German is the default UI language).
    await login(page, 'employee@example.com', { a11y: true });
    assert.equal(await page.locator('html').getAttribute('lang'), 'de');
    await page.getByRole('heading', { level: 1, name: 'Platz buchen' }).waitFor();

    // Building, floor and the first open day after today, via the pickers.
    const day = await chooseFloorAndDay(page, DAY_INDEX);
    assert.ok(!day.label.includes('geschlossen'), `picked an open day: ${day.label}`);
    await assertNoSeriousA11yViolations(page, 'booking page');

    // Screenshots of the list view for the README: desktop, then phone (re-rendered at that size,
    // where the filters start folded), then back to desktop.
    mkdirSync(screenshotDir, { recursive: true });
    await page.mouse.move(0, 0);
    await page.screenshot({ path: join(screenshotDir, 'book-1280x900.png') });
    await page.setViewportSize({ width: 360, height: 780 });
    await page.reload();
    await chooseFloorAndDay(page, DAY_INDEX);
    // On a phone the pickers fill the first screen; show the list, starting at the (folded) filters.
    await page.locator('details.filters').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(screenshotDir, 'book-360x780.png') });
    await assertNoSeriousA11yViolations(page, 'booking page at 360×780');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.reload();
    await chooseFloorAndDay(page, DAY_INDEX);

    // Filters: desks with a monitor that are free or partly free.
    const all = await tableRows(page);
    await page.getByLabel(t.kind, { exact: true }).selectOption({ label: t.desk });
    await page.getByRole('group', { name: t.equipment }).getByLabel(t.monitor, { exact: true }).check();
    await page.getByLabel(t.onlyAvailable).check();
    await page.getByText('3 aktiv').waitFor();
    const filtered = await tableRows(page);
    assert.ok(
      filtered.length > 0 && filtered.length < all.length,
      `filters narrow ${all.length} rows to ${filtered.length}`,
    );
    for (const r of filtered) {
      assert.equal(r.kind, t.desk, `only desks: ${JSON.stringify(r)}`);
      assert.match(r.stateClass, /state--(free|partial)/, `only available: ${JSON.stringify(r)}`);
    }
    const desk = filtered.find((r) => r.stateClass.includes('state--free'));
    assert.ok(desk, 'a free desk with a monitor');

    // Book it for the whole day through the dialog.
    const dialog = await openBookDialog(page, desk.label);
    await assertNoSeriousA11yViolations(page, 'booking dialog');
    await dialog.getByRole('radio', { name: t.wholeDay }).check();
    await dialog.getByRole('button', { name: t.submit, exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    const success = page.getByRole('status').filter({ hasText: t.success(desk.label) });
    await success.waitFor();
    assert.match(
      await success.innerText(),
      new RegExp(`Gebucht: Arbeitsplatz ${desk.label.replace('.', '\\.')} am .+, 07:00–19:00 Uhr\\.`),
    );

    // "Meine Buchungen" lists it; cancel it with the confirmation dialog.
    await goToBookings(page);
    await assertNoSeriousA11yViolations(page, 'bookings page');
    const upcoming = bookingRow(page, t.upcoming, desk.label, day);
    await upcoming.waitFor();
    assert.match(await upcoming.innerText(), new RegExp(t.statusConfirmed));
    await upcoming.getByRole('button', { name: t.cancelLabel(desk.label) }).click();
    const confirm = page.getByRole('dialog', { name: t.confirmTitle });
    await confirm.waitFor();
    assert.match(
      await confirm.innerText(),
      new RegExp(`Arbeitsplatz ${desk.label.replace('.', '\\.')} \\(Rathaus Musterstadt, Erdgeschoss\\)`),
    );
    await assertNoSeriousA11yViolations(page, 'cancel confirmation dialog');
    await confirm.getByRole('button', { name: t.confirmYes, exact: true }).click();
    await confirm.waitFor({ state: 'hidden' });
    await page
      .getByRole('status')
      .filter({ hasText: t.cancelled(desk.label) })
      .waitFor();
    const cancelled = bookingRow(page, t.past, desk.label, day);
    await cancelled.waitFor();
    assert.match(await cancelled.innerText(), new RegExp(t.statusCancelled));
    await assertEventually(
      async () => (await bookingRow(page, t.upcoming, desk.label, day).count()) === 0,
      'the booking to leave "Anstehend"',
    );

    // Book again with the keyboard alone, from the start of a freshly loaded booking page.
    await page.goto(`${baseUrl}/book`);
    await waitForTable(page);
    const dateSelect = await tabTo(page, (f) => f.id === 'pick-date', 'the date picker');
    // Building and floor are remembered from before; the day is chosen with the arrow keys.
    assert.equal(await page.locator('#pick-floor option:checked').innerText(), 'Erdgeschoss');
    let value = dateSelect.value;
    for (let i = 0; i < 20 && value !== day.value; i++) {
      await page.keyboard.press(value < day.value ? 'ArrowDown' : 'ArrowUp');
      value = (await focused(page)).value;
    }
    assert.equal(value, day.value, 'arrow keys reach the day');
    await page.locator('table caption', { hasText: day.label.split(' – ')[0] }).waitFor();
    await waitForTable(page);

    const button = await tabTo(
      page,
      (f) =>
        f.tag === 'button' &&
        /^Platz .+ buchen$/.test(f.ariaLabel) &&
        f.rowKind === t.desk &&
        f.rowState.includes('state--free'),
      'the "Buchen …" button of a free desk',
    );
    const label = button.rowLabel;
    await page.keyboard.press('Enter');
    const kbDialog = page.getByRole('dialog', { name: t.dialogTitle(label), exact: true });
    await kbDialog.waitFor();
    let f = await focused(page);
    assert.ok(f.inDialog, `focus moves into the dialog: ${JSON.stringify(f)}`);
    // Focus starts on the first time slot; make sure the whole day is picked, then go to submit.
    if (!(f.type === 'radio' && f.value === 'day')) {
      f = await tabTo(page, (x) => x.type === 'radio', 'the slot radios', 10);
    }
    for (let i = 0; i < 3 && f.value !== 'day'; i++) {
      await page.keyboard.press('ArrowUp');
      f = await focused(page);
    }
    assert.equal(f.value, 'day');
    await page.keyboard.press('Space');
    assert.equal((await focused(page)).checked, true, 'whole day is selected');
    await tabTo(page, (x) => x.tag === 'button' && x.text === t.submit, 'the submit button', 5);
    await page.keyboard.press('Enter');
    await kbDialog.waitFor({ state: 'hidden' });
    await page
      .getByRole('status')
      .filter({ hasText: t.success(label) })
      .waitFor();
    // Focus moves to the confirmation, so keyboard and screen reader users hear it.
    await assertEventually(
      async () => (await focused(page)).text.includes(t.success(label)),
      'focus on the success message',
    );
    await assertEventually(
      async () => (await spaceRow(page, label).locator('.state--mine').count()) === 1,
      `${label} marked as mine`,
    );

    await goToBookings(page);
    const rebooked = bookingRow(page, t.upcoming, label, day);
    await rebooked.waitFor();
    assert.match(await rebooked.innerText(), new RegExp(t.statusConfirmed));
    assert.match(await rebooked.innerText(), /Ganzer Tag \(07:00–19:00 Uhr\)/);
  });
  await page.context().close();
});
