// The booking page, plan first (issue 11): at 1280×800 the plan's canvas fills the screen below the
// bar (in view, at least 400 px high); the choice of plan or list and the day survive a reload; on
// a 360×780 phone nothing scrolls sideways, the list comes first and the plan opens full-screen.
// axe checks both layouts in German and in English. A followed colleague's desk carries their
// initials (read out with the desk, issue 12), and the card never covers the selected desk.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  PASSWORD,
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
  spaceRow,
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
    assert.equal(
      (await page.locator('#pick-building .mat-mdc-select-value').innerText()).trim(),
      'Rathaus Musterstadt',
    );
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

test(
  'at 360×780 nothing scrolls sideways; the list comes first, the plan full-screen',
  { timeout: 120_000 },
  async () => {
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
  },
);

/** Signs in through the API; returns a small client. */
async function apiAs(email) {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  assert.equal(res.status, 200, `${email} signs in`);
  const { accessToken } = await res.json();
  const headers = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };
  return async (method, path, body) => {
    const r = await fetch(`${baseUrl}/api/${path}`, { method, headers, body: body && JSON.stringify(body) });
    const text = await r.text();
    return { status: r.status, body: text ? JSON.parse(text) : null };
  };
}

/**
 * Follows a demo colleague who shows their name and makes sure they sit on `floorId` on `date`
 * (the admin books a free desk for them if they have none there); returns them and their desk.
 */
async function followedColleagueOn(floorId, date) {
  const employee = await apiAs('employee@example.com');
  const admin = await apiAs('admin@example.com');
  // Demo colleagues with an even index show their name (see the demo seed).
  // Several candidates: on some days the first ones already sit on another floor (one desk a day).
  for (const name of [
    'Lena Schmidt',
    'Sophie Wagner',
    'Marie Hoffmann',
    'Laura Koch',
    'Hannah Klein',
    'Lea Schröder',
    'Mia Schwarz',
  ]) {
    const found = (await employee('GET', `colleagues/search?query=${encodeURIComponent(name)}`)).body;
    const colleague = found?.find((c) => c.displayName === name);
    if (!colleague) continue;
    assert.equal((await employee('PUT', `me/following/${colleague.id}`)).status, 200, `follows ${name}`);
    const seat = async () =>
      (await employee('GET', `colleagues?date=${date}`)).body
        .find((p) => p.colleague.id === colleague.id)
        ?.places.find((p) => p.floorId === floorId);
    let place = await seat();
    if (!place) {
      const availability = (await admin('GET', `floors/${floorId}/availability?date=${date}`)).body;
      const floor = (await admin('GET', `floors/${floorId}`)).body;
      const desks = new Set(floor.spaces.filter((sp) => sp.kind === 'desk').map((sp) => sp.id));
      // The last free desk: the other journeys reach for the first ones.
      const free = availability.spaces.findLast((sp) => sp.state === 'free' && desks.has(sp.spaceId));
      if (!free) continue;
      const booked = await admin('POST', 'bookings', {
        spaceId: free.spaceId,
        date,
        slot: 'day',
        bookerId: colleague.id,
      });
      if (booked.status !== 201) continue;
      place = await seat();
    }
    if (place) return { colleague, place };
  }
  assert.fail(`no followed colleague could sit on floor ${floorId} on ${date}`);
}

test(
  "a followed colleague's initials on the plan; the card leaves the selected desk free",
  { timeout: 120_000 },
  async () => {
    const page = await newPage(browser, { width: 1280, height: 800 });
    await withDiagnostics(page, 'booking-layout-colleagues', async () => {
      // The floor and day the page opens on, from its own request.
      const first = page.waitForResponse((r) => /\/api\/floors\/[^/]+\/availability\?/.test(r.url()));
      await login(page, 'employee@example.com');
      const url = new URL((await first).url());
      const floorId = url.pathname.split('/').at(-2);
      const date = url.searchParams.get('date');
      const { colleague, place } = await followedColleagueOn(floorId, date);

      await page.reload();
      await canvasBox(page);
      // The list names who sits there; picking the row selects the desk for the plan too.
      await viewButton(page, 'Liste').click();
      const row = spaceRow(page, place.spaceLabel);
      await row.waitFor();
      assert.match(await row.locator('.sits-here').innerText(), new RegExp(`Hier sitzt: .*${colleague.displayName}`));
      await row.getByRole('rowheader').click();
      await viewButton(page, 'Plan').click();
      await canvasBox(page);

      // The keyboard starts on the selected desk and reads out the colleague's initials with it.
      const area = page.locator('.plan-area[data-selected-rect]');
      await area.waitFor();
      await page.getByRole('application').focus();
      const spoken = page.locator('fd-floor-plan [aria-live]');
      await assertEventually(
        async () => (await spoken.textContent()).startsWith(`${place.spaceLabel}, ${colleague.initials}`),
        `"${place.spaceLabel}, ${colleague.initials}, …" is read out`,
      );
      console.log(`plan announcement: ${await spoken.textContent()}`);

      // Its card sits beside the desk, never on it, and inside the plan.
      const card = page.locator('.plan-card');
      await card.waitFor();
      assert.match(await card.innerText(), new RegExp(colleague.displayName));
      await assertEventually(async () => {
        const cardBox = await card.boundingBox();
        const host = await page.locator('fd-floor-plan').boundingBox();
        const [x, y, width, height] = (await area.getAttribute('data-selected-rect')).split(' ').map(Number);
        const desk = { x: host.x + x, y: host.y + y, width, height };
        const apart =
          cardBox.x >= desk.x + desk.width ||
          desk.x >= cardBox.x + cardBox.width ||
          cardBox.y >= desk.y + desk.height ||
          desk.y >= cardBox.y + cardBox.height;
        const areaBox = await area.boundingBox();
        const inside =
          cardBox.x >= areaBox.x - 1 &&
          cardBox.y >= areaBox.y - 1 &&
          cardBox.x + cardBox.width <= areaBox.x + areaBox.width + 1 &&
          cardBox.y + cardBox.height <= areaBox.y + areaBox.height + 1;
        if (!apart || !inside) console.log(`card ${JSON.stringify(cardBox)} desk ${JSON.stringify(desk)}`);
        return apart && inside;
      }, 'the card leaves the selected desk free and stays inside the plan');
      await assertNoA11yViolations(page, 'plan with a colleague marked and the card beside the desk');
      await page.keyboard.press('Escape');
    });
    await page.context().close();
  },
);
