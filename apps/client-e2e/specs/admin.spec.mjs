// Building settings and people administration as their people use them: a facility manager creates
// a building with opening hours, imports a year of public holidays, adds a floor and sets a booking
// rule; an administrator invites a person, gives them a role and deactivates them. axe checks each
// page, and nothing is wider than a 360 px phone.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  announcement,
  PASSWORD,
  assertNoA11yViolations,
  baseUrl,
  chooseFloorAndDay,
  chooseOption,
  labels,
  launchBrowser,
  login,
  newPage,
  openBookDialog,
  printA11ySummary,
  screenshotDir,
  setLocale,
  spaceRow,
  tableRows,
  withDiagnostics,
} from '../browser.mjs';

const RUN = Date.now().toString(36);
const BUILDING = `Bürgerhaus ${RUN}`;

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  printA11ySummary('admin');
});

async function assertFitsPhone(page, where) {
  await page.setViewportSize({ width: 360, height: 780 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${where}: ${overflow} px wider than a 360 px phone`);
  await assertNoA11yViolations(page, `${where} at 360×780`);
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function openTab(page, name) {
  await page.getByRole('tab', { name, exact: true }).click();
  await page.locator('[role="tabpanel"]:not([aria-hidden="true"])').first().waitFor();
}

test('a facility manager sets up a building: hours, holidays, a floor, a rule', { timeout: 120_000 }, async () => {
  const page = await newPage(browser, { width: 1280, height: 800 });
  try {
    await withDiagnostics(page, 'admin-building', async () => {
      await login(page, 'facility@example.com');
      await page.getByRole('heading', { level: 1, name: 'Gebäude verwalten' }).waitFor();
      await page.getByTestId('building-form').waitFor();
      await assertNoA11yViolations(page, 'buildings page');

      // A new building, open Monday to Friday and around the clock on Saturday.
      await page.getByRole('button', { name: 'Neues Gebäude' }).click();
      await page.getByRole('heading', { level: 2, name: 'Neues Gebäude anlegen' }).waitFor();
      const form = page.getByTestId('building-form');
      await form.getByLabel('Name').fill(BUILDING);
      await form.getByLabel('Adresse').fill('Marktplatz 2, 80331 München');
      const saturday = form.locator('[data-weekday="6"]');
      await saturday.getByRole('checkbox', { name: 'Samstag' }).check();
      await saturday.getByRole('checkbox', { name: 'durchgehend geöffnet' }).check();
      await assertFitsPhone(page, 'new building form');
      await form.getByRole('button', { name: 'Gebäude anlegen' }).click();
      await announcement(page, `„${BUILDING}“ wurde angelegt`).waitFor();
      await page.getByRole('tab', { name: 'Allgemein' }).waitFor();
      assert.equal(await saturday.locator('input.fd-time').count(), 0, '24-hour days have no times');

      // A year of Bavarian public holidays in one action.
      await openTab(page, 'Schließtage');
      await chooseOption(page, page.getByTestId('holiday-state'), 'Bayern');
      // Next year's: the building lists closures from a month ago on.
      await chooseOption(page, page.getByTestId('holiday-year'), String(new Date().getFullYear() + 1));
      await page.getByRole('button', { name: 'Feiertage übernehmen' }).click();
      await announcement(page, 'Schließtag(e) eingetragen').waitFor();
      await page.getByTestId('closures').getByText('Allerheiligen').first().waitFor();
      await assertNoA11yViolations(page, 'closures tab');
      await assertFitsPhone(page, 'closures tab');

      // A floor.
      await openTab(page, 'Etagen');
      await page.getByLabel('Name der neuen Etage').fill('Erdgeschoss');
      await page.getByRole('button', { name: 'Etage hinzufügen' }).click();
      await announcement(page, '„Erdgeschoss“ wurde hinzugefügt').waitFor();
      await page.locator('[data-floor="Erdgeschoss"]').waitFor();
      await assertNoA11yViolations(page, 'floors tab');
      await assertFitsPhone(page, 'floors tab');
      await openTab(page, 'Allgemein');
      await page.waitForTimeout(800); // the tabs' slide, and the snack bar, are over
      await page.screenshot({ path: join(screenshotDir, 'buildings-1280x800.png') });
      await page.setViewportSize({ width: 360, height: 780 });
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(screenshotDir, 'buildings-360x780.png') });
      await page.setViewportSize({ width: 1280, height: 800 });
      await openTab(page, 'Etagen');

      // Three weeks ahead for every kind of space.
      await openTab(page, 'Buchungsregeln');
      const wide = page.locator('form').filter({ has: page.getByRole('heading', { name: 'Für das ganze Gebäude' }) });
      await wide.getByLabel('Tage im Voraus buchbar').fill('21');
      const saved = page.waitForResponse((r) => r.url().endsWith('/policies') && r.request().method() === 'PUT');
      await wide.getByRole('button', { name: 'Für alle Arten übernehmen' }).click();
      const body = (await saved).request().postDataJSON();
      assert.deepEqual(
        ['desk', 'room', 'parking'].map((k) => body[k].horizonDays),
        [21, 21, 21],
      );
      await announcement(page, 'Buchungsregeln wurden gespeichert').waitFor();
      await assertNoA11yViolations(page, 'rules tab');
      await assertFitsPhone(page, 'rules tab');

      // The journeys share one database: the building goes again, so later journeys that take the
      // first building offered do not land on an empty one.
      const status = await page.evaluate(async (name) => {
        const xsrf = decodeURIComponent(document.cookie.match(/XSRF-TOKEN=([^;]+)/)?.[1] ?? '');
        const buildings = await (await fetch('/api/buildings')).json();
        const id = buildings.find((b) => b.name === name)?.id;
        return (await fetch(`/api/buildings/${id}`, { method: 'DELETE', headers: { 'x-xsrf-token': xsrf } })).status;
      }, BUILDING);
      assert.equal(status, 204, "the journey's building is deleted again");
    });
  } finally {
    await page.context().close();
  }
});

test('an administrator invites a person, gives a role and deactivates them', { timeout: 120_000 }, async () => {
  const page = await newPage(browser, { width: 1280, height: 800 });
  const email = `neu.${RUN}@example.com`;
  try {
    await withDiagnostics(page, 'admin-people', async () => {
      await login(page, 'admin@example.com');
      await page.getByRole('heading', { level: 1, name: 'Personen verwalten' }).waitFor();
      await page.getByTestId('people').locator('li').first().waitFor();
      await assertNoA11yViolations(page, 'people page');
      await page.screenshot({ path: join(screenshotDir, 'people-1280x800.png') });
      await assertFitsPhone(page, 'people page');

      await page.getByRole('button', { name: 'Person einladen' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Name').fill('Nora Neu');
      await dialog.getByLabel('E-Mail-Adresse').fill(email);
      await assertNoA11yViolations(page, 'invite dialog');
      await dialog.getByRole('button', { name: 'Einladen' }).click();
      const link = await dialog.getByTestId('password-link').innerText();
      assert.match(link, /\/set-password#token=/);
      await dialog.getByRole('button', { name: 'Fertig' }).click();
      await dialog.waitFor({ state: 'detached' });

      // The invited person opens the link (the token is in the fragment), chooses a password and signs in.
      const invitee = await newPage(browser, { width: 360, height: 780 });
      try {
        await invitee.goto(`${baseUrl}/set-password${new URL(link).hash}`);
        await invitee.getByText('Willkommen, Nora Neu!').waitFor();
        await assertNoA11yViolations(invitee, 'set-password page at 360×780');
        await invitee.locator('#new-password').fill(`${PASSWORD}-neu-${RUN}`);
        await invitee.locator('#repeat-password').fill(`${PASSWORD}-neu-${RUN}`);
        await invitee.getByRole('button', { name: 'Passwort speichern' }).click();
        await invitee.getByText('Ihr Passwort ist gespeichert').waitFor();
        await invitee.getByRole('link', { name: 'Zur Anmeldung' }).click();
        await invitee.locator('#login-email').fill(email);
        await invitee.locator('#login-password').fill(`${PASSWORD}-neu-${RUN}`);
        await invitee.locator('form button[type=submit]').click();
        await invitee.waitForURL((url) => url.pathname === '/book');
        // … and books a desk, on the phone.
        await chooseFloorAndDay(invitee, 2);
        const desk = (await tableRows(invitee)).find((r) => r.kind === labels('de').desk && r.stateClass.includes('state--free'));
        assert.ok(desk, 'a free desk for the new colleague');
        const booking = await openBookDialog(invitee, desk.label);
        await booking.getByRole('radio', { name: labels('de').wholeDay }).check();
        await booking.getByRole('button', { name: labels('de').submit, exact: true }).click();
        await spaceRow(invitee, desk.label).locator('.state--mine').waitFor();
      } finally {
        await invitee.context().close();
      }

      // Found by search; the facility team role added.
      await page.getByTestId('people-search').fill('Nora Neu');
      const row = page.locator(`[data-email="${email}"]`);
      await row.waitFor();
      await row.getByRole('button', { name: 'Nora Neu bearbeiten' }).click();
      await dialog.getByRole('checkbox', { name: 'Facility-Management' }).check();
      await dialog.getByRole('button', { name: 'Speichern' }).click();
      await announcement(page, 'Nora Neu wurden gespeichert').waitFor();
      await row.getByText('Beschäftigte, Facility-Management').waitFor();

      // Offboarding.
      await row.getByRole('button', { name: 'Nora Neu bearbeiten' }).click();
      await dialog.first().getByRole('button', { name: 'Deaktivieren' }).click();
      const confirm = page.getByRole('dialog').filter({ hasText: 'Nora Neu deaktivieren?' });
      await confirm.getByRole('button', { name: 'Deaktivieren' }).click();
      await announcement(page, 'Nora Neu wurde deaktiviert').waitFor();
      await row.getByText('deaktiviert').waitFor();

      // The other administration pages.
      await page.goto(page.url().replace('/admin/people', '/admin/groups'));
      await page.getByRole('heading', { level: 1, name: 'Gruppen verwalten' }).waitFor();
      await assertNoA11yViolations(page, 'groups page');
      await assertFitsPhone(page, 'groups page');
      await page.goto(page.url().replace('/admin/groups', '/admin/audit'));
      await page.getByRole('heading', { level: 1, name: 'Änderungsprotokoll' }).waitFor();
      await page.getByTestId('audit-table').getByRole('cell', { name: 'deactivate', exact: true }).first().waitFor();
      await assertNoA11yViolations(page, 'audit page');
      await assertFitsPhone(page, 'audit page');

      // The same pages in English.
      await setLocale(page, 'en');
      await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
      await assertNoA11yViolations(page, 'audit page (English)');
      for (const [path, heading] of [
        ['/admin/people', 'Manage people'],
        ['/admin/groups', 'Manage groups'],
        ['/buildings', 'Manage buildings'],
      ]) {
        await page.goto(new URL(path, page.url()).href);
        await page.getByRole('heading', { level: 1, name: heading }).waitFor();
        await assertNoA11yViolations(page, `${path} (English)`);
        await assertFitsPhone(page, `${path} (English)`);
      }
      await setLocale(page, 'de');
    });
  } finally {
    await page.context().close();
  }
});
