// The booking page, plan first (issue 11): at 1280×800 the plan's canvas fills the screen below the
// bar (in view, at least 400 px high); the choice of plan or list and the day survive a reload; on
// a 360×780 phone nothing scrolls sideways, the list comes first and the plan opens full-screen.
// axe checks both layouts in German and in English.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  assertEventually,
  assertNoA11yViolations,
  baseUrl,
  dateOptions,
  launchBrowser,
  login,
  newPage,
  printA11ySummary,
  screenshotDir,
  setLocale,
  withDiagnostics,
} from '../browser.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  printA11ySummary('booking-layout');
});

/** The plan's canvas box in the viewport. */
async function canvasBox(page) {
  const canvas = page.locator('fd-floor-plan [role="application"]');
  await canvas.waitFor();
  await page.locator('fd-floor-plan canvas').first().waitFor();
  return canvas.boundingBox();
}

async function horizontalOverflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

function viewButton(page, name) {
  return page.locator('fd-book-bar .view-switch button', { hasText: name });
}

test('at 1280×800 the plan fills the screen; view and day are remembered', { timeout: 120_000 }, async () => {
  const page = await newPage(browser, { width: 1280, height: 800 });
  await withDiagnostics(page, 'booking-layout-desktop', async () => {
    await login(page, 'employee@example.com');
    // The demo employee's home building comes first (not the alphabetically first one).
    assert.equal((await page.locator('#pick-building .mat-mdc-select-value').innerText()).trim(), 'Rathaus Musterstadt');
    assert.equal(await viewButton(page, 'Plan').getAttribute('aria-pressed'), 'true', 'plan first');
    const box = await canvasBox(page);
    console.log(`plan canvas at 1280×800: ${JSON.stringify(box)}`);
    assert.ok(box.y >= 0 && box.y + box.height <= 800, `canvas within the viewport: ${JSON.stringify(box)}`);
    assert.ok(box.height >= 400, `canvas at least 400 px high: ${box.height}`);
    assert.ok(box.width >= 1100, `canvas uses the width: ${box.width}`);
    assert.equal(await horizontalOverflow(page), 0, 'no sideways scrolling');
    // The page itself does not scroll: everything fits below the bar.
    const scroll = await page.evaluate(() => document.documentElement.scrollHeight - innerHeight);
    assert.ok(scroll <= 1, `page scrolls by ${scroll} px`);
    mkdirSync(screenshotDir, { recursive: true });
    await page.screenshot({ path: join(screenshotDir, 'book-plan-1280x800.png') });
    await assertNoA11yViolations(page, 'booking plan at 1280×800 (de)');

    // The first day offered is the next bookable one; pick the second, and the list.
    const days = await dateOptions(page);
    assert.ok(days[0].selected, 'the next bookable day is preselected');
    const second = days[1];
    await page.locator(`fd-book-bar button[data-date="${second.value}"]`).click();
    await viewButton(page, 'Liste').click();
    await page.locator('table tbody tr').first().waitFor();
    await page.reload();
    await page.locator('table tbody tr').first().waitFor();
    assert.equal(await viewButton(page, 'Liste').getAttribute('aria-pressed'), 'true', 'list remembered');
    assert.equal(
      await page.locator(`fd-book-bar button[data-date="${second.value}"]`).getAttribute('aria-pressed'),
      'true',
      'day remembered',
    );
    await viewButton(page, 'Plan').click();
    await canvasBox(page);

    // The same in English.
    await setLocale(page, 'en');
    const boxEn = await canvasBox(page);
    assert.ok(boxEn.height >= 400, `canvas at least 400 px high in English: ${boxEn.height}`);
    await assertNoA11yViolations(page, 'booking plan at 1280×800 (en)');
    await viewButton(page, 'List').click();
    await page.locator('table tbody tr').first().waitFor();
    await assertNoA11yViolations(page, 'booking list at 1280×800 (en)');
    await viewButton(page, 'Plan').click();
    await setLocale(page, 'de');
  });
  await page.context().close();
});

test('at 360×780 nothing scrolls sideways; the list comes first, the plan full-screen', { timeout: 120_000 }, async () => {
  const page = await newPage(browser, { width: 360, height: 780 });
  await withDiagnostics(page, 'booking-layout-phone', async () => {
    await login(page, 'employee@example.com');
    await page.locator('table tbody tr').first().waitFor();
    assert.equal(await viewButton(page, 'Liste').getAttribute('aria-pressed'), 'true', 'list first on a phone');
    assert.equal(await horizontalOverflow(page), 0, 'booking page: no sideways scrolling');
    await assertNoA11yViolations(page, 'booking list at 360×780 (de)');

    await viewButton(page, 'Plan').click();
    const box = await canvasBox(page);
    assert.ok(box.x >= 0 && box.x + box.width <= 360, `plan within the width: ${JSON.stringify(box)}`);
    assert.ok(box.height >= 400, `full-screen plan is tall: ${box.height}`);
    assert.equal(await horizontalOverflow(page), 0, 'full-screen plan: no sideways scrolling');
    await page.screenshot({ path: join(screenshotDir, 'book-plan-360x780.png') });
    await assertNoA11yViolations(page, 'full-screen plan at 360×780 (de)');
    await page.getByRole('button', { name: 'Zurück zur Liste', exact: true }).click();
    await page.locator('fd-plan-view').waitFor({ state: 'detached' });

    for (const path of ['/bookings', '/settings']) {
      await page.goto(`${baseUrl}${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await assertEventually(async () => (await horizontalOverflow(page)) === 0, `${path}: no sideways scrolling`);
    }

    await page.goto(`${baseUrl}/book`);
    await page.locator('table tbody tr').first().waitFor();
    await setLocale(page, 'en');
    await assertNoA11yViolations(page, 'booking list at 360×780 (en)');
    await viewButton(page, 'Plan').click();
    await canvasBox(page);
    await assertNoA11yViolations(page, 'full-screen plan at 360×780 (en)');
    await page.getByRole('button', { name: 'Back to the list', exact: true }).click();
    await setLocale(page, 'de');
  });
  await page.context().close();
});
