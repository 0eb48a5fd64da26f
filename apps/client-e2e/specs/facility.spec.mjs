// A facility manager sets up a floor in the canvas editor: creates the floor, uploads a plan (SVG),
// draws a row of 10 desks with the row tool, undoes and redoes it, gives the desks a monitor in the
// side panel, draws a zone around them, saves and publishes. An employee then finds the new desks
// bookable on that floor and books one. axe-core checks the editor with its panels and forms; the
// editor is captured for the README.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  BUILDING,
  announcement,
  chooseDay,
  chooseOption,
  selectedText,
  assertEventually,
  assertNoA11yViolations,
  labels,
  launchBrowser,
  login,
  newPage,
  nthOpenDay,
  openBookDialog,
  printA11ySummary,
  screenshotDir,
  spaceRow,
  waitForTable,
  withDiagnostics,
} from '../browser.mjs';

const t = labels('de');
const FLOOR_NAME = `E2E-Etage ${Date.now().toString(36)}`;
const PLAN = { width: 2000, height: 1200 };
const PREFIX = 'E2E-';

let browser;
let tmp;
before(async () => {
  browser = await launchBrowser();
  tmp = mkdtempSync(join(tmpdir(), 'flexdesk-e2e-facility-'));
});
after(async () => {
  await browser?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  printA11ySummary('facility.spec');
});

/** Screen position of a plan point: the canvas shows the whole plan, fitted with 16 px padding. */
async function planToScreen(page, p) {
  await page.getByTestId('editor-canvas').scrollIntoViewIfNeeded();
  const box = await page.getByTestId('editor-canvas').boundingBox();
  assert.ok(box, 'the editor canvas is on the page');
  const scale = Math.min((box.width - 32) / PLAN.width, (box.height - 32) / PLAN.height);
  return {
    x: box.x + (box.width - PLAN.width * scale) / 2 + p.x * scale,
    y: box.y + (box.height - PLAN.height * scale) / 2 + p.y * scale,
  };
}

async function labelsOfNewDesks(page) {
  return page
    .locator('.editor-table .editor-row--space input[id$="-label"]')
    .evaluateAll((inputs, prefix) => inputs.map((i) => i.value).filter((v) => v.startsWith(prefix)), PREFIX);
}

test('a facility manager draws desks and a zone, publishes, and an employee books a new desk', async () => {
  const page = await newPage(browser);
  await withDiagnostics(page, 'facility-editor', async () => {
    // Facility managers land on the building settings.
    await login(page, 'facility@example.com');
    await page.getByRole('heading', { level: 1, name: 'Gebäude verwalten' }).waitFor();
    await page.getByTestId('building-form').waitFor();
    await assertNoA11yViolations(page, 'buildings page');
    await page.getByRole('navigation').getByRole('link', { name: 'Grundriss bearbeiten', exact: true }).click();
    await page.waitForURL(/\/editor$/);
    await page.getByRole('heading', { level: 1, name: 'Grundriss bearbeiten' }).waitFor();
    await chooseOption(page, page.locator('#editor-building'), BUILDING);

    // A new floor.
    await page.getByRole('button', { name: 'Neue Etage …' }).click();
    await page.locator('#new-floor-name').fill(FLOOR_NAME);
    await page.locator('#new-floor-level').fill('7');
    await page.locator('#new-floor-width').fill(String(PLAN.width));
    await page.locator('#new-floor-height').fill(String(PLAN.height));
    await page.getByRole('button', { name: 'Etage anlegen' }).click();
    await announcement(page, FLOOR_NAME).waitFor();
    await assertEventually(
      async () => (await selectedText(page.locator('#editor-floor'))) === FLOOR_NAME,
      'the new floor is chosen',
    );
    await page.getByTestId('editor-canvas').locator('canvas').first().waitFor();

    // The plan as an SVG background.
    const svg = join(tmp, 'plan.svg');
    writeFileSync(
      svg,
      `<svg xmlns="http://www.w3.org/2000/svg" width="${PLAN.width}" height="${PLAN.height}" viewBox="0 0 ${PLAN.width} ${PLAN.height}">` +
        '<rect x="10" y="10" width="1980" height="1180" fill="#fafafa" stroke="#333" stroke-width="12"/>' +
        '<line x1="1000" y1="10" x2="1000" y2="700" stroke="#333" stroke-width="8"/></svg>',
    );
    await page.locator('#editor-background').setInputFiles(svg);
    await page.getByTestId('background-state').filter({ hasText: 'Hintergrundbild gesetzt' }).waitFor();

    // A row of 10 desks (160 wide, no gap) along a line 1,600 plan units long.
    await page.locator('#row-prefix').fill(PREFIX);
    await page.locator('#row-prefix').dispatchEvent('change');
    await page.locator('.editor-tool[data-tool=row]').click();
    await page.locator('.editor-tool[data-tool=row][aria-pressed=true]').waitFor();
    const a = await planToScreen(page, { x: 200, y: 300 });
    const b = await planToScreen(page, { x: 1800, y: 300 });
    await page.mouse.move(a.x, a.y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(a.x + ((b.x - a.x) * i) / 10, a.y);
    await page.mouse.up();
    const expected = Array.from({ length: 10 }, (_, i) => `${PREFIX}${i + 1}`);
    await assertEventually(
      async () => JSON.stringify(await labelsOfNewDesks(page)) === JSON.stringify(expected),
      'ten desks E2E-1 … E2E-10 in the table',
    );

    // Undo and redo (button, then keyboard).
    await page.getByRole('button', { name: 'Rückgängig', exact: true }).click();
    await assertEventually(async () => (await labelsOfNewDesks(page)).length === 0, 'the row is undone');
    await page.locator('body').press('Control+Shift+Z');
    await assertEventually(async () => (await labelsOfNewDesks(page)).length === 10, 'the row is redone');

    // Attributes for all ten at once in the side panel (the drawn row stays selected).
    const panel = page.getByTestId('selection-panel');
    await panel.getByText('10 Plätze ausgewählt').waitFor();
    await panel.getByRole('checkbox', { name: t.monitor, exact: true }).check();
    await assertEventually(
      async () =>
        (await page.locator('.editor-table .editor-row--space.is-selected').count()) === 10 &&
        (await panel.getByRole('checkbox', { name: t.monitor, exact: true }).isChecked()),
      'the monitor is set on the ten desks',
    );

    // A zone around the row: four clicks with the zone tool, Enter closes it.
    await page.locator('.editor-tool[data-tool=zone]').click();
    for (const p of [
      { x: 150, y: 150 },
      { x: 1850, y: 150 },
      { x: 1850, y: 450 },
      { x: 150, y: 450 },
    ]) {
      const s = await planToScreen(page, p);
      await page.mouse.click(s.x, s.y);
    }
    await page.keyboard.press('Enter');
    await page.locator('#selection-zone-name').waitFor();
    assert.equal(await page.locator('#selection-zone-name').inputValue(), 'Zone 1');
    await page.locator('#selection-zone-name').fill('Projektfläche');
    await page.locator('#selection-zone-name').press('Tab');

    await assertNoA11yViolations(page, 'editor with zone panel');
    mkdirSync(screenshotDir, { recursive: true });
    await page.locator('.fd-editor-work').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(screenshotDir, 'editor-1280x900.png') });

    // Full width: at 1280 × 800 the canvas is on screen, at least 400 px high, as soon as the page opens.
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await assertEventually(async () => {
      const box = await page.getByTestId('editor-canvas').boundingBox();
      return !!box && box.y >= 0 && box.y + 400 <= 800 && box.height >= 400 && box.width >= 700;
    }, 'the editor canvas is in the viewport at 1280 × 800, at least 400 px high');
    await page.setViewportSize({ width: 1280, height: 900 });

    // Select a desk on the canvas to check the space panel with axe too.
    await page.locator('.editor-tool[data-tool=select]').click();
    const desk = await planToScreen(page, { x: 280, y: 300 });
    await page.mouse.click(desk.x, desk.y);
    await panel.locator('#selection-label').waitFor();
    assert.equal(await panel.locator('#selection-label').inputValue(), `${PREFIX}1`);
    await assertNoA11yViolations(page, 'editor with space panel');

    // Save and publish.
    await page.getByRole('button', { name: 'Entwurf speichern' }).click();
    await announcement(page, 'Entwurf gespeichert').waitFor();
    await page.getByRole('button', { name: 'Veröffentlichen', exact: true }).click();
    await announcement(page, 'Veröffentlicht').waitFor();
    await page
      .getByTestId('draft-state')
      .filter({ hasText: /Version \d+, veröffentlicht am/ })
      .waitFor();

    // A phone: nothing wider than the screen (the grid of spaces scrolls sideways inside itself).
    await page.setViewportSize({ width: 360, height: 780 });
    const overflow = () =>
      page.evaluate(() =>
        document.documentElement.scrollWidth <= window.innerWidth
          ? []
          : [...document.querySelectorAll('body *')]
              .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
              .slice(0, 5)
              .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`),
      );
    await assertEventually(async () => (await overflow()).length === 0, 'no horizontal overflow at 360 × 780').catch(
      async (e) => assert.fail(`${e.message}: ${(await overflow()).join(', ')}`),
    );
    await assertNoA11yViolations(page, 'editor at 360 px');
  });
  await page.context().close();

  // An employee sees the new desks on the new floor and books one.
  const employee = await newPage(browser);
  await withDiagnostics(employee, 'facility-employee', async () => {
    await login(employee, 'employee2@example.com');
    await chooseOption(employee, employee.getByLabel(t.building, { exact: true }), BUILDING);
    await chooseOption(employee, employee.getByLabel(t.floor, { exact: true }), FLOOR_NAME);
    const day = await nthOpenDay(employee, 6);
    await chooseDay(employee, day.value);
    await waitForTable(employee, FLOOR_NAME);
    for (const label of [`${PREFIX}1`, `${PREFIX}10`]) {
      assert.equal(await spaceRow(employee, label).count(), 1, `${label} is on the new floor`);
    }
    const dialog = await openBookDialog(employee, `${PREFIX}3`);
    await dialog.getByRole('radio', { name: t.wholeDay }).check();
    await dialog.getByRole('button', { name: t.submit, exact: true }).click();
    await announcement(employee, t.success(`${PREFIX}3`)).waitFor();
  });
  await employee.context().close();
});
