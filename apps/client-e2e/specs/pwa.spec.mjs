// The installable app: Chromium finds nothing missing to install it; once the service worker runs,
// "Meine Buchungen" (with today's desk) still reads offline, with a notice that it is the last loaded
// state; signing out makes the browser forget that offline copy.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  assertEventually,
  assertNoA11yViolations,
  baseUrl,
  launchBrowser,
  login,
  newPage,
  printA11ySummary,
  withDiagnostics,
} from '../browser.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  printA11ySummary('pwa');
});

/** Books through the API as the signed-in page would (cookie session, XSRF header). */
async function bookFirstFreeDesk(page) {
  return page.evaluate(async () => {
    const xsrf = document.cookie.match(/XSRF-TOKEN=([^;]+)/)?.[1] ?? '';
    const json = (r) => (r.ok ? r.json() : Promise.reject(new Error(`${r.status} ${r.url}`)));
    const buildings = await fetch('/api/buildings').then(json);
    for (let offset = 0; offset < 14; offset++) {
      const date = new Date(Date.now() + offset * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' });
      for (const building of buildings) {
        for (const f of building.floors) {
          const availability = await fetch(`/api/floors/${f.id}/availability?date=${date}`).then(json);
          if (!availability.open || new Date(availability.open.end) <= new Date()) continue;
          for (const space of availability.spaces.filter((s) => s.state === 'free')) {
            const res = await fetch('/api/bookings', {
              method: 'POST',
              headers: { 'content-type': 'application/json', 'x-xsrf-token': decodeURIComponent(xsrf) },
              body: JSON.stringify({ spaceId: space.spaceId, date, slot: 'day' }),
            });
            if (res.status === 201) return res.json();
          }
        }
      }
    }
    throw new Error('no free desk in the next two weeks');
  });
}

test('installable, My bookings offline, forgotten on sign-out', { timeout: 120_000 }, async () => {
  const page = await newPage(browser);
  await withDiagnostics(page, 'pwa', async () => {
    await login(page, 'employee2@example.com');

    // Chromium's own verdict on installability: manifest, icons, service worker, start URL.
    const manifest = await page.evaluate(async () => {
      const link = document.querySelector('link[rel="manifest"]');
      return link ? (await fetch(link.href)).json() : null;
    });
    assert.equal(manifest?.display, 'standalone');
    assert.ok(manifest.icons.some((i) => i.sizes === '512x512' && i.purpose === 'maskable'));
    await page.evaluate(() => navigator.serviceWorker.ready);
    const cdp = await page.context().newCDPSession(page);
    let errors = [];
    await assertEventually(
      // A fresh browser context counts as incognito, where Chromium never offers to install; every
      // other reason (manifest, icons, worker, start URL) must be absent.
      async () =>
        (errors = (await cdp.send('Page.getInstallabilityErrors')).installabilityErrors.filter((e) => e.errorId !== 'in-incognito'))
          .length === 0,
      'no installability errors',
      20_000,
    ).catch((e) => {
      throw new Error(`${e.message}: ${JSON.stringify(errors)}`);
    });

    const booking = await bookFirstFreeDesk(page);
    // Controlled by the worker from here on; this visit fills its offline copy.
    await page.reload();
    await assertEventually(() => page.evaluate(() => !!navigator.serviceWorker.controller), 'the page is controlled', 20_000);
    await page.goto(`${baseUrl}/bookings`);
    const row = page.locator('tr, li').filter({ hasText: booking.spaceLabel }).first();
    await row.waitFor();

    await page.context().setOffline(true);
    await page.locator('fd-inline-alert.offline').waitFor();
    assert.match(await page.locator('fd-inline-alert.offline').innerText(), /Keine Verbindung/);
    // Reopened without a network, the worker serves the app and the last copy of the bookings.
    // (Chromium's emulated offline does not reach navigator.onLine of a page the worker served, so
    // the banner is checked before the reload, where the real 'offline' event drives it.)
    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await row.waitFor();
    await assertNoA11yViolations(page, 'bookings page offline');
    await page.context().setOffline(false);

    // Signing out clears what the browser kept (Clear-Site-Data), the worker's copy included.
    const before = await page.evaluate(async () => (await caches.keys()).filter((k) => k.includes(':data:')).length);
    assert.ok(before > 0, 'the worker kept an offline copy');
    await page.evaluate(async () => {
      const xsrf = document.cookie.match(/XSRF-TOKEN=([^;]+)/)?.[1] ?? '';
      await fetch('/api/auth/logout', { method: 'POST', headers: { 'x-xsrf-token': decodeURIComponent(xsrf) } });
    });
    await assertEventually(
      async () => (await page.evaluate(async () => (await caches.keys()).filter((k) => k.includes(':data:')).length)) === 0,
      'the offline copy is gone after sign-out',
      10_000,
    );
    await page.context().close();
  });
});
