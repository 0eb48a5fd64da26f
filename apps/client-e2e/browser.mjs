// Shared helpers for the browser journeys: Debian's Chromium via playwright-core, axe-core checks,
// and the few page steps every journey needs (sign in, pick building/floor/day, find a row).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const baseUrl = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000';
export const screenshotDir = new URL('./screenshots/', import.meta.url).pathname;
/** The client polls availability every 15 s; a change must show within this. */
export const LIVE_WAIT_MS = 20_000;

export const PASSWORD = 'flexdesk';
export const BUILDING = 'Rathaus Musterstadt';
export const FLOOR = 'Erdgeschoss';

/** One browser per spec file; Playwright gives it a fresh, throw-away profile. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A new isolated context (own cookies and storage) with one page. Browser errors and failed API
 * calls are collected in `page.problems` so a failing assertion can print them.
 */
export async function newPage(browser, { width = 1280, height = 900 } = {}) {
  const context = await browser.newContext({
    viewport: { width, height },
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
  });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') page.problems.push(`console: ${m.text()}`);
  });
  return page;
}

/** Saves a screenshot of a failed journey to the temp folder and returns its path. */
export async function failureShot(page, name) {
  const path = join(tmpdir(), `flexdesk-e2e-${name}-${Date.now()}.png`);
  await page.screenshot({ path, fullPage: true }).catch(() => undefined);
  return path;
}

/**
 * Runs `fn(page)`; on failure adds a screenshot path and the page's console errors to the error.
 */
export async function withDiagnostics(page, name, fn) {
  try {
    return await fn(page);
  } catch (e) {
    const shot = await failureShot(page, name);
    let extra = `\n  url: ${page.url()}\n  screenshot: ${shot}`;
    if (page.problems?.length) extra += `\n  browser problems:\n    ${page.problems.join('\n    ')}`;
    if (e instanceof Error) {
      e.message += extra;
      if (e.stack) e.stack += extra;
    }
    throw e;
  }
}

/**
 * Runs axe-core in the page (evaluated through the DevTools protocol, so the app's CSP, which only
 * allows same-origin scripts, does not block it) and fails on any violation, whatever its impact.
 */
export async function assertNoA11yViolations(page, where) {
  // A new snack-bar message sits in an aria-hidden holder for 150 ms before Material moves it into
  // its live region (so screen readers notice); check the page once it has.
  // Also let opening dialogs and menus finish fading in: axe reads colours as they are drawn.
  await page.waitForFunction(
    () =>
      !document.querySelector('mat-snack-bar-container .mat-mdc-snack-bar-label > [aria-hidden="true"]') &&
      document
        .getAnimations()
        .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
    null,
    { timeout: 2_000 },
  );
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes
        .slice(0, 5)
        .map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(0, 2).join(' ')}`),
    }));
  });
  const describe = (list) =>
    list.map((v) => `  [${v.impact}] ${v.id}: ${v.help}\n    ${v.nodes.join('\n    ')}`).join('\n');
  a11yLog.push({
    where,
    total: violations.length,
    ids: violations.map((v) => `${v.id}(${v.impact})`),
  });
  assert.equal(violations.length, 0, `axe on ${where}: violations:\n${describe(violations)}`);
  return violations;
}

/** What axe found on each page, for the summary printed at the end of a spec file. */
export const a11yLog = [];

export function printA11ySummary(file) {
  for (const e of a11yLog) {
    console.log(`axe ${file} ${e.where}: ${e.total} violations${e.ids.length ? ` (${e.ids.join(', ')})` : ''}`);
  }
}

/** Where signing in takes each demo account: its role's landing page. */
export const LANDING = {
  'employee@example.com': '/book',
  'employee2@example.com': '/book',
  'reception@example.com': '/reception',
  'facility@example.com': '/buildings',
  'admin@example.com': '/admin/people',
};

/**
 * Signs in through the form and waits for the person's landing page. `locale` makes sure the UI is
 * in that language afterwards (the language is saved per user, so an earlier journey may have
 * changed it).
 */
export async function login(page, email, { locale = 'de', a11y = false } = {}) {
  await page.goto(`${baseUrl}/login`);
  await page.locator('#login-email').waitFor();
  if (a11y) await assertNoA11yViolations(page, 'login page');
  await page.locator('#login-email').fill(email);
  await page.locator('#login-password').fill(PASSWORD);
  await page.locator('form button[type=submit]').click();
  const landing = LANDING[email] ?? '/book';
  await page.waitForURL((url) => url.pathname === landing);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await setLocale(page, locale);
}

/**
 * A message the page announced politely (the notifier's snack bar: Material moves the text into an
 * `aria-live` region, which has no role in Chromium).
 */
export function announcement(page, text) {
  return page.locator('mat-snack-bar-container [aria-live="polite"]').filter({ hasText: text });
}

/**
 * The select itself: a label also names the select's open panel, so a locator by label would find
 * two elements once it is open.
 */
async function byId(page, select) {
  return page.locator(`#${await select.getAttribute('id')}`);
}

/** A Material select's open panel (its id is the select's with `-panel`). */
async function panelOf(page, select) {
  return page.locator(`#${await select.getAttribute('id')}-panel`);
}

/** The options of a Material select, read from its panel (opened, then closed with Escape). */
export async function selectOptions(page, selectLocator) {
  const select = await byId(page, selectLocator);
  await assertEventually(
    async () => (await select.getAttribute('aria-disabled')) !== 'true',
    'the select to be enabled',
  );
  await select.click();
  const panel = await panelOf(page, select);
  await panel.waitFor();
  const options = await panel.locator('mat-option').evaluateAll((list) =>
    list.map((o) => ({
      value: o.dataset.date ?? '',
      label: o.textContent.trim(),
      disabled: o.getAttribute('aria-disabled') === 'true',
      selected: o.getAttribute('aria-selected') === 'true',
    })),
  );
  await page.keyboard.press('Escape');
  await panel.waitFor({ state: 'detached' });
  return options;
}

/** Picks an option of a Material select by its text, or by a locator for the option. */
export async function chooseOption(page, selectLocator, option) {
  const select = await byId(page, selectLocator);
  await assertEventually(
    async () => (await select.getAttribute('aria-disabled')) !== 'true',
    'the select to be enabled',
  );
  await select.click();
  const panel = await panelOf(page, select);
  await panel.waitFor();
  await (typeof option === 'string' ? panel.getByRole('option', { name: option, exact: true }) : option(panel)).click();
  await panel.waitFor({ state: 'detached' });
}

/** The text a Material select shows as chosen. */
export async function selectedText(select) {
  return (await select.locator('.mat-mdc-select-value').innerText()).trim();
}

/**
 * Switches the UI language with the header's switch, if needed. While signed in, the client saves
 * the choice to the user's profile; this waits for that, so the next journey finds it saved.
 */
export async function setLocale(page, locale) {
  if ((await page.locator('html').getAttribute('lang')) !== locale) {
    const saved = page
      .waitForResponse((r) => new URL(r.url()).pathname === '/api/me' && r.request().method() === 'PATCH', {
        timeout: 5_000,
      })
      .catch(() => undefined);
    await page.locator(`.lang-switch button[lang=${locale}]`).click();
    await saved;
  }
  await assertEventually(
    async () => (await page.locator('html').getAttribute('lang')) === locale,
    `html lang=${locale}`,
  );
}

export async function assertEventually(check, what, timeoutMs = 10_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > until) assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A day as the client writes it elsewhere (My bookings, captions): "Mo., 7. Dezember". */
export function dayLabel(date, lang = 'de') {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'de-DE', {
    weekday: 'short',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

/** The bookable days of the booking page's day strip (closed days are not offered). */
export async function dateOptions(page) {
  const strip = page.locator('fd-book-bar [data-date]');
  await strip.first().waitFor();
  const lang = await page.locator('html').getAttribute('lang');
  const options = (
    await strip.evaluateAll((list) =>
      list.map((b) => ({
        value: b.dataset.date ?? '',
        text: b.textContent.trim(),
        disabled: false,
        selected: b.getAttribute('aria-pressed') === 'true',
      })),
    )
  ).map((o) => ({ ...o, label: dayLabel(o.value, lang) }));
  assert.ok(options.length > 0, 'date options');
  return options;
}

/** Picks a day (`YYYY-MM-DD`) in the booking page's day strip. */
export async function chooseDay(page, value) {
  const day = page.locator(`fd-book-bar button[data-date="${value}"]`);
  await day.click();
  await assertEventually(async () => (await day.getAttribute('aria-pressed')) === 'true', `day ${value} chosen`);
}

/** Today in the demo buildings' time zone, `YYYY-MM-DD`. */
export function berlinToday() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
}

/**
 * The n-th (0-based) open day after today, as offered by the page. Today itself is skipped: late in
 * the day its slots may already be over, which would make the journeys depend on the clock.
 */
export async function nthOpenDay(page, n) {
  const today = berlinToday();
  const open = (await dateOptions(page)).filter((o) => o.value > today);
  assert.ok(open.length > n, `need ${n + 1} open days after today, got ${JSON.stringify(open)}`);
  return open[n];
}

/** Switches the booking page to its list (plan first is the default on wide screens). */
export async function showList(page) {
  const t = labels(await page.locator('html').getAttribute('lang'));
  const button = page.locator('fd-book-bar .view-switch button', { hasText: t.viewList });
  await button.waitFor();
  if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
}

/** Opens the filter popover of the booking page (Escape closes it). */
export async function openFilters(page) {
  const t = labels(await page.locator('html').getAttribute('lang'));
  const button = page.locator('fd-book-bar button[aria-haspopup="dialog"]', { hasText: t.filters });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  await page.locator('.filters-popover').waitFor();
}

/** Picks building, floor and the n-th open day after today with the pickers; waits for the table. */
export async function chooseFloorAndDay(page, dayIndex) {
  const t = labels(await page.locator('html').getAttribute('lang'));
  await chooseOption(page, page.getByLabel(t.building, { exact: true }), BUILDING);
  await chooseOption(page, page.getByLabel(t.floor, { exact: true }), FLOOR);
  const day = await nthOpenDay(page, dayIndex);
  await chooseDay(page, day.value);
  await waitForTable(page, FLOOR);
  return day;
}

/** Waits until the space table for the floor and the picked day is shown. */
export async function waitForTable(page, floor = FLOOR) {
  await showList(page);
  await page.locator('table caption', { hasText: floor }).waitFor();
  await page.locator('table tbody tr').first().waitFor();
}

/** The table row of a space, by its exact label. */
export function spaceRow(page, label) {
  return page.locator('table tbody tr').filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });
}

/** Label and state text of every row in the space table. */
export async function tableRows(page) {
  return page.locator('table tbody tr').evaluateAll((rows) =>
    rows.map((r) => ({
      label: r.querySelector('th')?.childNodes[0]?.textContent.trim() ?? '',
      kind: r.querySelector('td:nth-of-type(1)')?.textContent.trim() ?? '',
      state: r.querySelector('.state')?.textContent.replace(/\s+/g, ' ').trim() ?? '',
      stateClass: r.querySelector('.state')?.className ?? '',
      // The filled button books; the star and the waiting list are other buttons of the row.
      bookable: !!r.querySelector('button.mat-mdc-unelevated-button'),
    })),
  );
}

export async function stateOf(page, label) {
  return (await spaceRow(page, label).locator('.state').innerText()).replace(/\s+/g, ' ').trim();
}

/** UI labels used by the journeys, per language (from the client's dictionaries). */
export function labels(lang) {
  return lang === 'en' ? EN : DE;
}

const DE = {
  viewList: 'Liste',
  viewPlan: 'Plan',
  filters: 'Filter',
  building: 'Gebäude',
  floor: 'Etage',
  date: 'Datum',
  kind: 'Art',
  desk: 'Arbeitsplatz',
  equipment: 'Ausstattung',
  monitor: 'Monitor',
  onlyAvailable: /Nur verfügbare Plätze/,
  bookAction: (label) => `Platz ${label} buchen`,
  dialogTitle: (label) => `Arbeitsplatz ${label} buchen`,
  wholeDay: /^Ganzer Tag/,
  submit: 'Verbindlich buchen',
  success: (label) => `Gebucht: Arbeitsplatz ${label} am`,
  free: 'Frei',
  booked: 'Belegt',
  mine: 'Von Ihnen gebucht',
  navBook: 'Platz buchen',
  navBookings: 'Meine Buchungen',
  bookingsHeading: 'Meine Buchungen',
  upcoming: 'Anstehend',
  past: 'Vergangen und storniert',
  cancelLabel: (label) => new RegExp(`^Buchung ${label.replace('.', '\\.')} am .* stornieren$`),
  confirmTitle: 'Buchung stornieren?',
  confirmYes: 'Ja, stornieren',
  cancelled: (label) => new RegExp(`Die Buchung ${label.replace('.', '\\.')} am .* wurde storniert\\.`),
  statusConfirmed: 'Bestätigt',
  statusCancelled: 'Storniert',
};

const EN = {
  viewList: 'List',
  viewPlan: 'Plan',
  filters: 'Filters',
  building: 'Building',
  floor: 'Floor',
  date: 'Date',
  kind: 'Kind',
  desk: 'Desk',
  equipment: 'Equipment',
  monitor: 'Monitor',
  onlyAvailable: /Only available spaces/,
  bookAction: (label) => `Book space ${label}`,
  dialogTitle: (label) => `Book Desk ${label}`,
  wholeDay: /^Whole day/,
  submit: 'Book',
  success: (label) => `Booked: Desk ${label} on`,
  free: 'Free',
  booked: 'Booked',
  mine: 'Booked by you',
  navBook: 'Book a space',
  navBookings: 'My bookings',
  bookingsHeading: 'My bookings',
  upcoming: 'Upcoming',
  past: 'Past and cancelled',
  cancelLabel: (label) => new RegExp(`^Cancel booking ${label.replace('.', '\\.')} on .*$`),
  confirmTitle: 'Cancel this booking?',
  confirmYes: 'Yes, cancel it',
  cancelled: (label) => new RegExp(`The booking ${label.replace('.', '\\.')} on .* has been cancelled\\.`),
  statusConfirmed: 'Confirmed',
  statusCancelled: 'Cancelled',
};

/** Opens the booking dialog of a space with its row's "Buchen …" button; returns the dialog. */
export async function openBookDialog(page, label) {
  const lang = await page.locator('html').getAttribute('lang');
  const t = labels(lang);
  await page.getByRole('button', { name: t.bookAction(label), exact: true }).click();
  const dialog = page.getByRole('dialog', { name: t.dialogTitle(label), exact: true });
  await dialog.waitFor();
  return dialog;
}
