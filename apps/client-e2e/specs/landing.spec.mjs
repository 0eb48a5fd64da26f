// Every role lands on its own page, and the shell stays one compact row: at 1280 px with the pages
// an administrator has (the administration pages in one menu), and on a 360 px phone, where every
// page moves into a menu. axe checks the administrator's page in German and English, at both sizes.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  assertEventually,
  assertNoA11yViolations,
  launchBrowser,
  login,
  newPage,
  printA11ySummary,
  setLocale,
  withDiagnostics,
} from '../browser.mjs';

const MAIN_PAGES = ['Platz buchen', 'Meine Buchungen', 'Empfang', 'Grundriss bearbeiten', 'Gebäude', 'Auswertungen'];
const ADMIN_PAGES = ['Personen', 'Gruppen', 'Empfang zuordnen', 'Protokoll', 'Benachrichtigungen'];

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  printA11ySummary('landing');
});

/** The header's height, and whether anything in the document is wider than the window. */
async function layout(page) {
  return page.evaluate(() => ({
    header: Math.round(document.querySelector('header').getBoundingClientRect().height),
    overflow: document.documentElement.scrollWidth > window.innerWidth,
  }));
}

test('each role lands on its own page', { timeout: 90_000 }, async () => {
  for (const [email, heading] of [
    ['employee@example.com', 'Platz buchen'],
    ['reception@example.com', 'Tagesübersicht'],
    ['facility@example.com', 'Gebäude verwalten'],
    ['admin@example.com', 'Personen verwalten'],
  ]) {
    const page = await newPage(browser);
    await withDiagnostics(page, `landing-${email}`, async () => {
      // login() waits for the landing page of the account (browser.mjs, LANDING).
      await login(page, email);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    });
    await page.context().close();
  }
});

test('the header is one row for an administrator at 1280 px and on a phone', { timeout: 90_000 }, async () => {
  const page = await newPage(browser, { width: 1280, height: 800 });
  try {
    await withDiagnostics(page, 'landing-header', async () => {
      await login(page, 'admin@example.com');
      const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
      const links = nav.getByRole('link');
      assert.deepEqual(
        (await links.allInnerTexts()).map((t) => t.trim()),
        MAIN_PAGES,
      );
      const adminButton = nav.getByRole('button', { name: 'Verwaltung' });
      const tops = await nav
        .locator('a, button')
        .evaluateAll((list) => list.map((a) => Math.round(a.getBoundingClientRect().top)));
      assert.equal(new Set(tops).size, 1, `all pages in one row: ${tops}`);
      let shape = await layout(page);
      assert.ok(shape.header <= 72, `header ${shape.header} px high at 1280 px`);
      assert.equal(shape.overflow, false, 'nothing wider than the window');
      await assertNoA11yViolations(page, 'people (admin)');
      // The administration pages are in one menu; the page open is marked there.
      await adminButton.click();
      const adminItems = page.getByRole('menu').getByRole('menuitem');
      assert.deepEqual(
        (await adminItems.allInnerTexts()).map((t) => t.trim()),
        ADMIN_PAGES,
      );
      assert.equal(await adminItems.filter({ hasText: 'Personen' }).getAttribute('aria-current'), 'page');
      await page.keyboard.press('Escape');
      await page.getByRole('menu').waitFor({ state: 'detached' });

      // The person's menu: settings and signing out.
      await page.getByRole('button', { name: /^Angemeldet als / }).click();
      await page.getByRole('menuitem', { name: 'Abmelden', exact: true }).waitFor();
      await page.getByRole('menuitem', { name: 'Einstellungen', exact: true }).click();
      await page.waitForURL(/\/settings$/);
      // Focus moves to the new page's heading.
      await assertEventually(
        async () => (await page.evaluate(() => document.activeElement?.tagName)) === 'H1',
        'focus on the heading',
      );
      assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'Einstellungen');
      await assertNoA11yViolations(page, 'settings page');

      await setLocale(page, 'en');
      await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
      shape = await layout(page);
      assert.ok(shape.header <= 72, `header ${shape.header} px high at 1280 px in English`);
      const enTops = await page
        .getByRole('navigation', { name: 'Main navigation' })
        .locator('a, button')
        .evaluateAll((list) => list.map((a) => Math.round(a.getBoundingClientRect().top)));
      assert.equal(new Set(enTops).size, 1, `all pages in one row in English: ${enTops}`);
      await assertNoA11yViolations(page, 'settings page (English)');
      await setLocale(page, 'de');

      // A phone: one compact row, the pages behind the menu button.
      await page.setViewportSize({ width: 360, height: 780 });
      await page.getByRole('button', { name: 'Navigation', exact: true }).waitFor();
      shape = await layout(page);
      assert.ok(shape.header <= 64, `header ${shape.header} px high on a phone`);
      assert.equal(shape.overflow, false, 'nothing wider than the phone');
      assert.equal(await page.getByRole('navigation', { name: 'Hauptnavigation' }).count(), 0);
      await page.getByRole('button', { name: 'Navigation', exact: true }).click();
      const items = page.getByRole('menu').getByRole('menuitem');
      assert.deepEqual(
        (await items.allInnerTexts()).map((t) => t.trim()),
        [...MAIN_PAGES, ...ADMIN_PAGES],
      );
      await items.filter({ hasText: 'Empfang zuordnen' }).click();
      await page.getByRole('menu').waitFor({ state: 'detached' });
      await page.waitForURL(/\/admin\/reception$/);
      await page.getByRole('heading', { level: 1, name: 'Empfang: Gebäudezuordnung' }).waitFor();
      shape = await layout(page);
      assert.equal(shape.overflow, false, 'nothing wider than the phone');
      await assertNoA11yViolations(page, 'reception assignments at 360×780');
    });
  } finally {
    await setLocale(page, 'de').catch(() => undefined);
    await page.context().close();
  }
});
