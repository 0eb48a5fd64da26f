// An employee books a desk on the plan (its card follows keyboard focus and the mouse), adds it to
// the calendar, finds it under "Meine Buchungen", cancels it (the calendar learns of that too),
// opens "Erneut buchen", then books again with the keyboard alone. axe-core checks every page and
// dialog on the way; the booking page is captured for the README at desktop and phone size, and the
// plan with its card at desktop size.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import ICAL from 'ical.js';
import {
  announcement,
  assertEventually,
  assertNoA11yViolations,
  baseUrl,
  chooseFloorAndDay,
  chooseOption,
  dateOptions,
  labels,
  launchBrowser,
  login,
  newPage,
  openFilters,
  printA11ySummary,
  screenshotDir,
  selectedText,
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
      // What a Material select shows as chosen.
      selectText: el?.querySelector('.mat-mdc-select-value')?.textContent.trim() ?? '',
      inDialog: !!el?.closest('[role="dialog"]'),
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

/** The plan's card: visible, with the space's label and state. */
async function showPlan(page) {
  await page.locator('fd-book-bar .view-switch button', { hasText: 'Plan' }).click();
  await page.locator('fd-floor-plan canvas').first().waitFor();
}

async function planCard(page) {
  const card = page.locator('.plan-card');
  await card.waitFor();
  const title = (await card.locator('h3').innerText()).trim();
  return {
    card,
    title,
    label: title.replace(/^\S+ /, ''),
    state: (await card.locator('.state').innerText()).replace(/\s+/g, ' ').trim(),
  };
}

/** The centre of the space the card describes, in page pixels (the card carries its box, see plan-view.ts). */
async function cardAnchor(page) {
  return page.locator('.plan-card').evaluate((card) => {
    const host = card.parentElement.querySelector('fd-floor-plan').getBoundingClientRect();
    const [x, y, width, height] = card.dataset.spaceBox.split(' ').map(Number);
    return { x: host.left + x + width / 2, y: host.top + y + height / 2 };
  });
}

/** Clicks a calendar link and parses the downloaded file with ical.js (an independent parser). */
async function downloadInvite(page, link) {
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  assert.match(download.suggestedFilename(), /^flexdesk-.+\.ics$/);
  const text = readFileSync(await download.path(), 'utf8');
  const calendar = new ICAL.Component(ICAL.parse(text));
  const event = calendar.getFirstSubcomponent('vevent');
  assert.ok(event, `a VEVENT in\n${text}`);
  const dtstart = event.getFirstProperty('dtstart');
  return {
    text,
    method: calendar.getFirstPropertyValue('method'),
    timezones: calendar.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid')),
    summary: event.getFirstPropertyValue('summary'),
    location: event.getFirstPropertyValue('location'),
    status: event.getFirstPropertyValue('status'),
    sequence: event.getFirstPropertyValue('sequence'),
    uid: event.getFirstPropertyValue('uid'),
    tzid: dtstart.getParameter('tzid'),
    start: dtstart.getFirstValue().toString(),
  };
}

/** The first open day on which a whole-day booking is not over yet, as "book again" picks it. */
async function nextDayForWholeDay(page) {
  const options = await dateOptions(page);
  const berlin = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Berlin',
    hour: '2-digit',
    hourCycle: 'h23',
  }).format(new Date());
  // Rathaus Musterstadt closes at 19:00 on weekdays; the strip then no longer offers today.
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
  return options.find((o) => o.value > today || (o.value === today && Number(berlin) < 19));
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
    const days = (await dateOptions(page)).map((d) => d.label);
    await assertNoA11yViolations(page, 'booking page');

    // Screenshots of the list view for the README: desktop, then phone (re-rendered at that size,
    // where the filters start folded), then back to desktop.
    mkdirSync(screenshotDir, { recursive: true });
    await page.mouse.move(0, 0);
    await page.screenshot({ path: join(screenshotDir, 'book-1280x900.png') });
    await page.setViewportSize({ width: 360, height: 780 });
    await page.reload();
    await chooseFloorAndDay(page, DAY_INDEX);
    // On a phone the bar wraps over a few rows; show the list below it.
    await page.locator('table').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(screenshotDir, 'book-360x780.png') });
    await assertNoA11yViolations(page, 'booking page at 360×780');
    // The plan's card on a phone: it spans the plan and stays on screen.
    await showPlan(page);
    await page.getByRole('application').focus();
    const phoneCard = await planCard(page);
    const box = await phoneCard.card.boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= 360, `card within the width: ${JSON.stringify(box)}`);
    assert.ok(box.width > 250, `card spans the plan: ${JSON.stringify(box)}`);
    await assertNoA11yViolations(page, 'plan with its card at 360×780');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.reload();
    await chooseFloorAndDay(page, DAY_INDEX);

    // Filters: desks with a monitor that are free or partly free.
    const all = await tableRows(page);
    await openFilters(page);
    await assertNoA11yViolations(page, 'filter popover');
    await chooseOption(page, page.getByLabel(t.kind, { exact: true }), t.desk);
    await page.getByRole('group', { name: t.equipment }).getByLabel(t.monitor, { exact: true }).check();
    await page.getByLabel(t.onlyAvailable).check();
    await page.keyboard.press('Escape');
    await page.locator('.filters-popover').waitFor({ state: 'detached' });
    await page.locator('fd-book-bar button', { hasText: 'Filter (3)' }).waitFor();
    const filtered = await tableRows(page);
    assert.ok(
      filtered.length > 0 && filtered.length < all.length,
      `filters narrow ${all.length} rows to ${filtered.length}`,
    );
    for (const r of filtered) {
      assert.equal(r.kind, t.desk, `only desks: ${JSON.stringify(r)}`);
      assert.match(r.stateClass, /state--(free|partial)/, `only available: ${JSON.stringify(r)}`);
    }
    assert.ok(
      filtered.some((r) => r.stateClass.includes('state--free')),
      'a free desk with a monitor',
    );

    // The plan: keyboard focus shows the card of the first matching space; arrows move it to a free one.
    await showPlan(page);
    await page.locator('.plan-area').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.getByRole('application').focus();
    let card = await planCard(page);
    for (let i = 0; i < 20 && card.state !== `✓ ${t.free}`; i++) {
      await page.keyboard.press(i % 4 === 3 ? 'ArrowDown' : 'ArrowRight');
      await page.waitForTimeout(150);
      card = await planCard(page);
    }
    assert.equal(card.state, `✓ ${t.free}`, `a free desk on the plan: ${JSON.stringify(card)}`);
    assert.equal(card.title, `${t.desk} ${card.label}`);
    assert.ok(
      filtered.some((r) => r.label === card.label),
      `${card.label} passes the filters`,
    );
    const desk = { label: card.label };
    assert.match(await card.card.innerText(), /Monitor/);
    assert.match(await page.locator('.plan-area + [aria-live]').textContent(), /Escape schließt sie/);
    // Escape closes it.
    const anchor = await cardAnchor(page);
    await page.keyboard.press('Escape');
    await page.locator('.plan-card').waitFor({ state: 'detached' });
    // Hovering the same space with the mouse (keyboard focus gone, nothing scrolled) shows it again.
    await page.getByRole('application').evaluate((el) => el.blur());
    await page.mouse.move(anchor.x, anchor.y);
    card = await planCard(page);
    assert.equal(card.label, desk.label, 'the mouse finds the same desk');
    await page.screenshot({ path: join(screenshotDir, 'book-card-1280x900.png') });
    await assertNoA11yViolations(page, 'plan with its card');

    // Book it for the whole day: the card's button opens the same dialog as the list's.
    await card.card.getByRole('button', { name: t.bookAction(desk.label), exact: true }).click();
    const dialog = page.getByRole('dialog', { name: t.dialogTitle(desk.label), exact: true });
    await dialog.waitFor();
    await assertNoA11yViolations(page, 'booking dialog');
    await dialog.getByRole('radio', { name: t.wholeDay }).check();
    await dialog.getByRole('button', { name: t.submit, exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    const success = announcement(page, t.success(desk.label));
    await success.waitFor();
    assert.match(
      await success.innerText(),
      new RegExp(`Gebucht: Arbeitsplatz ${desk.label.replace('.', '\\.')} am .+, 07:00–19:00 Uhr\\.`),
    );
    // The list keeps the selection: the booked desk's row is marked current, in view, and mine
    // (once "only available" no longer hides it).
    await page.locator('fd-book-bar .view-switch button', { hasText: 'Liste' }).click();
    await openFilters(page);
    await page.getByRole('button', { name: 'Filter zurücksetzen', exact: true }).click();
    await page.keyboard.press('Escape');
    const selected = page.locator('tbody tr[aria-current="true"]');
    await selected.waitFor();
    assert.equal(await selected.count(), 1);
    assert.equal((await selected.locator('th').innerText()).split('\n')[0].trim(), desk.label);
    await selected.locator('.state--mine').waitFor();
    assert.ok(await selected.isVisible(), 'the selected row is shown');

    // "Meine Buchungen" lists it; cancel it with the confirmation dialog.
    await goToBookings(page);
    await assertNoA11yViolations(page, 'bookings page');
    const upcoming = bookingRow(page, t.upcoming, desk.label, day);
    await upcoming.waitFor();
    assert.match(await upcoming.innerText(), new RegExp(t.statusConfirmed));

    // "In den Kalender": an invite in the building's time zone, read back with ical.js.
    const invite = await downloadInvite(page, upcoming.getByRole('link', { name: /^In den Kalender: / }));
    assert.equal(invite.method, 'REQUEST');
    assert.equal(invite.status, 'CONFIRMED');
    assert.match(invite.summary, new RegExp(`${desk.label.replace('.', '\\.')} – Rathaus Musterstadt`));
    assert.equal(invite.location, `Rathaus Musterstadt, Erdgeschoss, ${desk.label}`);
    assert.equal(invite.tzid, 'Europe/Berlin');
    assert.equal(invite.start, `${day.value}T07:00:00`);
    assert.ok(invite.timezones.includes('Europe/Berlin'), `a VTIMEZONE for Europe/Berlin: ${invite.timezones}`);
    await upcoming.getByRole('button', { name: t.cancelLabel(desk.label) }).click();
    const confirm = page.getByRole('dialog', { name: t.confirmTitle });
    await confirm.waitFor();
    assert.match(
      await confirm.innerText(),
      new RegExp(`Arbeitsplatz ${desk.label.replace('.', '\\.')} \\(Rathaus Musterstadt, Erdgeschoss\\)`),
    );
    await assertNoA11yViolations(page, 'cancel confirmation dialog');
    await confirm.getByRole('button', { name: t.confirmYes, exact: true }).click();
    await confirm.waitFor({ state: 'hidden' });
    await announcement(page, t.cancelled(desk.label)).waitFor();
    const cancelled = bookingRow(page, t.past, desk.label, day);
    await cancelled.waitFor();
    assert.match(await cancelled.innerText(), new RegExp(t.statusCancelled));
    await assertEventually(
      async () => (await bookingRow(page, t.upcoming, desk.label, day).count()) === 0,
      'the booking to leave "Anstehend"',
    );

    // The same invite, downloaded again, now tells the calendar to drop the event.
    const withdrawn = await downloadInvite(
      page,
      cancelled.getByRole('link', { name: /^Aus dem Kalender entfernen: / }),
    );
    assert.equal(withdrawn.method, 'CANCEL');
    assert.equal(withdrawn.status, 'CANCELLED');
    assert.equal(withdrawn.uid, invite.uid, 'same event');
    assert.ok(withdrawn.sequence > invite.sequence, `SEQUENCE ${invite.sequence} → ${withdrawn.sequence}`);
    assert.equal(withdrawn.tzid, 'Europe/Berlin');
    assert.ok(withdrawn.timezones.includes('Europe/Berlin'));

    // "Erneut buchen": the booking page on the same floor and desk, the next day the whole day is
    // still ahead, the same slot. Whether the desk is free then depends on the demo data.
    await cancelled.getByRole('link', { name: new RegExp(`^${desk.label.replace('.', '\\.')} erneut buchen`) }).click();
    await page.waitForURL(/\/book/);
    await waitForTable(page);
    assert.equal(await selectedText(page.locator('#pick-floor')), 'Erdgeschoss');
    const againDialog = page.getByRole('dialog', { name: t.dialogTitle(desk.label), exact: true });
    const notFree = page.getByRole('status').filter({ hasText: `${desk.label} ist am` });
    await assertEventually(
      async () => (await againDialog.isVisible()) || (await notFree.isVisible()),
      'the dialog or a notice',
    );
    const dialogShown = await againDialog.isVisible();
    if (dialogShown) {
      assert.equal(await againDialog.getByRole('radio', { name: t.wholeDay }).isChecked(), true, 'same slot');
      await againDialog.getByRole('button', { name: 'Abbrechen', exact: true }).click();
      await againDialog.waitFor({ state: 'hidden' });
    }
    // The day: the next one on which the whole day is still ahead (read once the dialog is closed).
    const againDay = await nextDayForWholeDay(page);
    assert.equal(
      await page.locator('fd-book-bar [aria-pressed="true"][data-date]').getAttribute('data-date'),
      againDay.value,
    );
    console.log(
      `book again: ${desk.label} on ${againDay.value}: ${dialogShown ? 'dialog with the same slot' : 'not free, notice shown'}`,
    );
    await assertEventually(async () => !page.url().includes('?'), 'the query to be dropped');
    const againRow = page.locator('tbody tr[aria-current="true"]');
    assert.equal((await againRow.locator('th').innerText()).split('\n')[0].trim(), desk.label);

    // Book again with the keyboard alone, from the start of a freshly loaded booking page.
    await page.goto(`${baseUrl}/book`);
    await waitForTable(page);
    // Building and floor are remembered from before; the day is a button of the strip.
    assert.ok(days.includes(day.label), `${day.label} is offered`);
    await tabTo(page, (f) => f.tag === 'button' && f.text === day.text, 'the day in the strip');
    assert.equal(await selectedText(page.locator('#pick-floor')), 'Erdgeschoss');
    await page.keyboard.press('Enter');
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
    // Material moves focus in once the dialog has opened (after its short fade-in).
    await assertEventually(async () => (await focused(page)).inDialog, 'focus to move into the dialog');
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
    await announcement(page, t.success(label)).waitFor();
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

test('on a touch screen a tap shows the card and a second tap opens the booking', { timeout: 60_000 }, async () => {
  const context = await browser.newContext({
    viewport: { width: 800, height: 900 },
    hasTouch: true,
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
  });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  await withDiagnostics(page, 'employee-touch', async () => {
    await login(page, 'employee@example.com');
    await chooseFloorAndDay(page, DAY_INDEX);
    await openFilters(page);
    await page.getByLabel(t.onlyAvailable).check();
    await page.keyboard.press('Escape');
    await showPlan(page);
    await page.locator('.plan-area').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    // Where a space is: ask the keyboard, then put the keyboard away.
    await page.getByRole('application').focus();
    const { label } = await planCard(page);
    const anchor = await cardAnchor(page);
    await page.keyboard.press('Escape');
    await page.getByRole('application').evaluate((el) => el.blur());
    await page.locator('.plan-card').waitFor({ state: 'detached' });

    await page.touchscreen.tap(anchor.x, anchor.y);
    assert.equal((await planCard(page)).label, label, 'the first tap shows the card');
    assert.equal(await page.getByRole('dialog').count(), 0, 'and books nothing yet');
    await page.touchscreen.tap(anchor.x, anchor.y);
    const dialog = page.getByRole('dialog', { name: t.dialogTitle(label), exact: true });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Abbrechen', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
  });
  await context.close();
});
