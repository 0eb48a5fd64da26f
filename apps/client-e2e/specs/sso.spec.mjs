// Single sign-on through the test OpenID provider (tools/idp, oidc-provider, started by run.mjs)
// over real redirects in Chromium: a member of the mapped facility group reaches the editor; a
// person in no mapped group is an employee (booking page, no editor); signing out also ends the
// provider's session. axe checks the login page with the organisation's button.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { assertNoA11yViolations, baseUrl, launchBrowser, newPage, printA11ySummary, withDiagnostics } from '../browser.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  printA11ySummary('sso');
});

/** From Flexdesk's login page to the provider's page and back, signed in. */
async function signInWithOrganisation(page, login) {
  await page.goto(`${baseUrl}/login`);
  const sso = page.getByRole('link', { name: /Test-IdP/ }).or(page.getByRole('button', { name: /Test-IdP/ }));
  await sso.first().click();
  // oidc-provider's own development login page, on the provider's origin.
  await page.waitForURL((url) => !url.href.startsWith(baseUrl));
  assert.ok(page.url().startsWith(process.env.E2E_IDP_ISSUER ?? ''), `at the provider: ${page.url()}`);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password');
  await page.locator('button[type="submit"]').first().click();
  await page.waitForURL((url) => url.href.startsWith(baseUrl) && url.pathname !== '/login');
  await page.getByRole('heading', { level: 1 }).waitFor();
}

test('a member of the mapped facility group signs in with the organisation and reaches the editor', { timeout: 90_000 }, async () => {
  const page = await newPage(browser);
  await withDiagnostics(page, 'sso-facility', async () => {
    await page.goto(`${baseUrl}/login`);
    await page.getByRole('link', { name: /Test-IdP/ }).or(page.getByRole('button', { name: /Test-IdP/ })).first().waitFor();
    await assertNoA11yViolations(page, 'login page with single sign-on');

    await signInWithOrganisation(page, 'fm.sso@example.org');
    const me = await page.evaluate(() => fetch('/api/me').then((r) => r.json()));
    assert.equal(me.displayName ?? me.name, 'Frieda Facility');
    assert.ok(me.roles.includes('facility_manager'), `roles from the provider's group: ${me.roles}`);
    await page.goto(`${baseUrl}/editor`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    assert.equal(new URL(page.url()).pathname.startsWith('/editor'), true, 'the editor opens');
    await page.context().close();
  });
});

test('a person in no mapped group signs in as an employee', { timeout: 90_000 }, async () => {
  const page = await newPage(browser);
  await withDiagnostics(page, 'sso-plain', async () => {
    await signInWithOrganisation(page, 'plain.sso@example.org');
    assert.equal(new URL(page.url()).pathname, '/book', 'an employee lands on the booking page');
    const me = await page.evaluate(() => fetch('/api/me').then((r) => r.json()));
    assert.deepEqual(me.roles, ['employee']);
    const status = await page.evaluate(() => fetch('/api/floors/00000000-0000-4000-8000-000000000000/layout/draft').then((r) => r.status));
    assert.equal(status, 403, 'no editing for an employee');
    await page.context().close();
  });
});
