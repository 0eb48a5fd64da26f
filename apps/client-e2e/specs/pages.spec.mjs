// Every routed page of the client (issue 11), signed in as the demo account whose role reaches it:
// at 1280×800 and at 360×780 nothing is wider than the window, axe finds nothing (German at both
// sizes, English at both sizes too), and a viewport-sized screenshot of each page and size goes to
// screenshots/pages/<page>-<size>.png (the README's "Screens" gallery shows them).
// At 1280×800 the booking page's plan canvas is in view and at least 400 px high.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  assertEventually,
  assertNoA11yViolations,
  baseUrl,
  BUILDING,
  FLOOR,
  launchBrowser,
  login,
  newPage,
  printA11ySummary,
  screenshotDir,
  setLocale,
  withDiagnostics,
} from '../browser.mjs';

const shots = join(screenshotDir, 'pages');
mkdirSync(shots, { recursive: true });
const WIDE = { width: 1280, height: 800 };
const PHONE = { width: 360, height: 780 };

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  printA11ySummary('pages');
});

/** The page has drawn its heading and nothing says it is still loading. */
async function settled(page, ready) {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  if (ready) await ready(page);
  await assertEventually(
    async () => (await page.getByText(/^(Wird geladen|Loading) …$/).count()) === 0,
    'loading to finish',
  );
  // Fonts and images, so the screenshot shows what people see.
  await page.evaluate(() => document.fonts.ready);
}

async function assertNoOverflow(page, where) {
  const { scrollWidth, innerWidth, wide } = await page.evaluate(() => {
    // For the message: the outermost elements that reach past the window's right edge.
    const wide = [...document.body.querySelectorAll('*')]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
      .filter((e) => !e.parentElement || e.parentElement.getBoundingClientRect().right <= window.innerWidth + 0.5)
      .slice(0, 5)
      .map(
        (e) =>
          `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} → ${Math.round(e.getBoundingClientRect().right)}`,
      );
    return { scrollWidth: document.scrollingElement.scrollWidth, innerWidth: window.innerWidth, wide };
  });
  assert.ok(
    scrollWidth <= innerWidth,
    `${where}: ${scrollWidth} px wide in a ${innerWidth} px window; reaching out: ${wide.join(', ')}`,
  );
}

/**
 * Checks the page as it is at both sizes: overflow, axe (in the page's language) and, in German,
 * a screenshot. `open` brings the page up (navigation, a tab); `ready` waits for its content.
 */
async function checkPage(page, name, { open, ready, lang = 'de' }) {
  for (const size of [WIDE, PHONE]) {
    const where = `${name} ${size.width}×${size.height}${lang === 'de' ? '' : ` (${lang})`}`;
    await page.setViewportSize(size);
    if (open && size === WIDE) await open(page);
    await settled(page, ready);
    await assertNoOverflow(page, where);
    await assertNoA11yViolations(page, where);
    if (lang === 'de') await page.screenshot({ path: join(shots, `${name}-${size.width}x${size.height}.png`) });
  }
  await page.setViewportSize(WIDE);
}

const go = (path) => async (page) => {
  await page.goto(`${baseUrl}${path}`);
};

/** Runs the pages in German, then in English, and leaves the account's language German. */
async function inBothLanguages(page, pages) {
  for (const lang of ['de', 'en']) {
    await setLocale(page, lang);
    for (const [name, spec] of pages) await checkPage(page, name, { ...spec, lang });
  }
  await setLocale(page, 'de');
}

/** The demo floor's id and one of its spaces, read from the API as the signed-in person. */
async function demoFloor(page) {
  return page.evaluate(
    async ({ building, floor }) => {
      const buildings = await (await fetch('/api/buildings')).json();
      const f = buildings.find((b) => b.name === building).floors.find((x) => x.name === floor);
      const detail = await (await fetch(`/api/floors/${f.id}`)).json();
      return { floorId: f.id, spaceId: detail.spaces[0].id };
    },
    { building: BUILDING, floor: FLOOR },
  );
}

async function signedIn(email, name, fn) {
  const page = await newPage(browser, WIDE);
  try {
    await withDiagnostics(page, `pages-${name}`, async () => {
      await login(page, email);
      await fn(page);
    });
  } finally {
    await setLocale(page, 'de').catch(() => undefined);
    await page.context().close();
  }
}

test('employee: booking, my bookings, colleagues, settings, check-in, privacy', { timeout: 120_000 }, async () => {
  await signedIn('employee@example.com', 'employee', async (page) => {
    const { spaceId } = await demoFloor(page);
    // The plan first: at 1280×800 its canvas is in view and at least 400 px high.
    await page.locator('fd-floor-plan canvas').first().waitFor();
    const box = await page.locator('fd-floor-plan [role="application"]').boundingBox();
    assert.ok(box.y >= 0 && box.y + box.height <= 800 && box.height >= 400, `plan canvas ${JSON.stringify(box)}`);
    await inBothLanguages(page, [
      [
        'book',
        {
          open: go('/book'),
          ready: (p) => p.locator('fd-floor-plan canvas, fd-space-table tbody tr').first().waitFor(),
        },
      ],
      ['bookings', { open: go('/bookings') }],
      ['colleagues', { open: go('/colleagues') }],
      ['settings', { open: go('/settings') }],
      ['check-in', { open: go(`/check-in/${spaceId}`), ready: (p) => p.locator('fd-inline-alert').first().waitFor() }],
      ['privacy', { open: go('/privacy'), ready: (p) => p.getByTestId('privacy-sheet').waitFor() }],
    ]);
  });
});

test('receptionist: the board and the QR labels', { timeout: 90_000 }, async () => {
  await signedIn('reception@example.com', 'reception', async (page) => {
    const { floorId } = await demoFloor(page);
    await inBothLanguages(page, [
      ['reception', { open: go('/reception') }],
      [
        'labels',
        { open: go(`/reception/labels/${floorId}`), ready: (p) => p.locator('.space-label-card').first().waitFor() },
      ],
    ]);
  });
});

test('facility manager: editor, building settings (each tab), insights', { timeout: 120_000 }, async () => {
  await signedIn('facility@example.com', 'facility', async (page) => {
    const tab = (i) => async (p) => {
      if (!p.url().endsWith('/buildings')) await go('/buildings')(p);
      const t = p.getByRole('tab').nth(i);
      await t.click();
      await assertEventually(async () => (await t.getAttribute('aria-selected')) === 'true', `tab ${i} selected`);
    };
    await inBothLanguages(page, [
      ['editor', { open: go('/editor'), ready: (p) => p.locator('canvas').first().waitFor() }],
      ['buildings-general', { open: tab(0) }],
      ['buildings-closures', { open: tab(1) }],
      ['buildings-rules', { open: tab(2) }],
      ['buildings-floors', { open: tab(3) }],
      ['insights', { open: go('/insights') }],
    ]);
  });
});

test('administrator: people, groups, reception assignments, audit log, notifications', { timeout: 120_000 }, async () => {
  await signedIn('admin@example.com', 'admin', async (page) => {
    await inBothLanguages(page, [
      ['admin-people', { open: go('/admin/people') }],
      ['admin-groups', { open: go('/admin/groups') }],
      ['admin-reception', { open: go('/admin/reception') }],
      ['admin-audit', { open: go('/admin/audit') }],
      ['admin-notifications', { open: go('/admin/notifications') }],
    ]);
  });
});

test('signed out: login and set-password', { timeout: 90_000 }, async () => {
  // An invitation link for a new person, as an administrator would pass it on.
  const admin = await newPage(browser, WIDE);
  let url;
  try {
    await login(admin, 'admin@example.com');
    url = await admin.evaluate(async () => {
      const xsrf = decodeURIComponent(document.cookie.match(/XSRF-TOKEN=([^;]+)/)?.[1] ?? '');
      const r = await fetch('/api/admin/people', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-xsrf-token': xsrf },
        body: JSON.stringify({
          email: `pages.${Date.now()}@example.com`,
          displayName: 'Paula Seiten',
          roles: ['employee'],
        }),
      });
      return (await r.json()).setPassword.url;
    });
  } finally {
    await admin.context().close();
  }
  const page = await newPage(browser, WIDE);
  try {
    await withDiagnostics(page, 'pages-guest', async () => {
      for (const lang of ['de', 'en']) {
        const switchTo = async (p) => {
          if ((await p.locator('html').getAttribute('lang')) !== lang)
            await p.locator(`button[lang=${lang}]`).first().click();
          await assertEventually(async () => (await p.locator('html').getAttribute('lang')) === lang, `lang ${lang}`);
        };
        await checkPage(page, 'login', {
          lang,
          open: async (p) => {
            await go('/login')(p);
            await switchTo(p);
          },
          ready: (p) => p.locator('#login-email').waitFor(),
        });
        await checkPage(page, 'set-password', {
          lang,
          open: async (p) => {
            await p.goto(url);
            await switchTo(p);
          },
          ready: (p) => p.locator('input[type=password]').first().waitFor(),
        });
      }
    });
  } finally {
    await page.context().close();
  }
});
