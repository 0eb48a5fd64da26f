// Insights: the facility manager opens /insights on its default range, last month, which the demo's
// weeks of history fill; sees the figures and their tables, and downloads a CSV; /privacy renders in
// German and in English. axe checks each page. The floor's plan heatmap downloads as a PNG.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { assertNoA11yViolations, launchBrowser, login, newPage, printA11ySummary, withDiagnostics, baseUrl } from '../browser.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  printA11ySummary('insights');
});

test('facility manager: figures, tables and a CSV export', async () => {
  const page = await newPage(browser);
  await withDiagnostics(page, 'insights', async () => {
    await login(page, 'facility@example.com');
    await page.getByRole('link', { name: 'Auswertungen' }).first().click();
    await page.waitForURL((url) => url.pathname === '/insights');
    await page.getByLabel('Gebäude').selectOption({ label: 'Rathaus Musterstadt' });
    await page.getByLabel('Etage').selectOption({ label: 'Erdgeschoss' });
    assert.equal(await page.getByLabel('Zeitraum').inputValue(), 'month');
    await page.getByTestId('insights-show').click();
    await page.getByTestId('insights-plan').waitFor();
    const totals = await page.getByTestId('insights-totals').innerText();
    // The demo starts with eight weeks of history: last month's floor was booked, and people checked in.
    assert.match(totals, /Auslastung gebucht\s+([1-9]\d*(,\d)?)\s?%/, `a booked share above 0: ${totals}`);
    assert.match(totals, /Auslastung eingecheckt\s+([1-9]\d*(,\d)?)\s?%/, `a checked-in share above 0: ${totals}`);
    assert.ok((await page.getByTestId('insights-grid').locator('tbody tr').count()) >= 5, 'weekday rows');
    assert.ok((await page.getByTestId('insights-spaces').locator('tbody tr').count()) > 20, 'a row per space');
    // Charts beside their tables, and the plan heatmap with a figure written in every space.
    assert.equal(await page.locator('fd-insights-chart [role=img] svg').count(), 2, 'two charts drawn');
    const plan = page.getByTestId('insights-plan');
    await plan.waitFor();
    const written = await plan.locator('text').allTextContents();
    assert.ok(written.length > 20 && written.every((t) => /%|weniger als 5|–/.test(t)), 'every space carries its figure');
    await assertNoA11yViolations(page, 'insights');
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
    assert.equal(readFileSync(await png.path()).subarray(1, 4).toString(), 'PNG');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv-weeks').click()]);
    const text = readFileSync(await download.path(), 'utf8');
    assert.match(text.replace(/^\uFEFF/, ''), /^Woche;Montag;/);
    assert.match(download.suggestedFilename(), /flexdesk-insights-weeks-.*\.csv/);
  });
  await page.context().close();
});

test('privacy sheet in German and English', async () => {
  const page = await newPage(browser);
  await withDiagnostics(page, 'privacy', async () => {
    await login(page, 'employee@example.com');
    await page.goto(`${baseUrl}/privacy`);
    const sheet = page.getByTestId('privacy-sheet');
    await sheet.waitFor();
    assert.match(await sheet.innerText(), /Was über eine Person gespeichert wird[\s\S]*90 Tage/);
    await assertNoA11yViolations(page, 'privacy (de)');
    await page.getByTestId('privacy-lang').selectOption('en');
    await page.getByText('Account: name, e-mail address').waitFor();
    assert.equal(await sheet.getAttribute('lang'), 'en');
    await assertNoA11yViolations(page, 'privacy (en)');
  });
  await page.context().close();
});
