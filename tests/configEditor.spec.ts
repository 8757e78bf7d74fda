/**
 * The ConfigEditor inside a real Grafana (docker compose, hosted CI): sections render, invalid settings are shown
 * before saving, and "Save & test" of a data source on the demo data succeeds.
 */
import { expect, test } from '@grafana/plugin-e2e';

const PLUGIN_TYPE = 'opendora-dora-datasource';

test('shows every section of the settings', async ({ createDataSourceConfigPage, page }) => {
  await createDataSourceConfigPage({ type: PLUGIN_TYPE });
  for (const title of [
    'Demo data',
    'What is a deployment',
    'What is a failure',
    'Service catalog',
    'Levels and history',
  ]) {
    await expect(page.getByRole('heading', { name: title })).toBeVisible();
  }
});

test('an invalid pattern is shown under its field before saving', async ({ createDataSourceConfigPage, page }) => {
  await createDataSourceConfigPage({ type: PLUGIN_TYPE });
  await page.getByLabel(/^Hotfix pattern/).fill('hotfix[');
  await expect(page.getByText(/Hotfix pattern "hotfix\[" is not a valid regular expression/).first()).toBeVisible();
  await expect(page.getByText('1 setting needs attention')).toBeVisible();
  await page.getByLabel(/^Hotfix pattern/).fill('hotfix');
  await expect(page.getByText(/is not a valid regular expression/)).toHaveCount(0);
});

test('a catalog error is shown with its line', async ({ createDataSourceConfigPage, page }) => {
  await createDataSourceConfigPage({ type: PLUGIN_TYPE });
  await page
    .getByLabel(/^Catalog \(YAML\)/)
    .fill('services:\n  - name: checkout\n    team: storefront\n    owner: alice\n');
  await expect(page.getByTestId('dora-catalog-errors')).toContainText('Line 4: Unknown service key "owner"');
});

test('"Save & test" on the demo data succeeds', async ({ createDataSourceConfigPage, page, selectors }) => {
  const configPage = await createDataSourceConfigPage({ type: PLUGIN_TYPE });
  await page.getByLabel(/^Enable demo data/).check({ force: true });
  // A frontend data source tests itself in the browser: the request to wait for is the save of the settings.
  const saved = configPage.saveAndTest({ path: selectors.apis.DataSource.datasourceByUID(configPage.datasource.uid) });
  await expect(saved).toBeOK();
  await expect(configPage).toHaveAlert('success');
});
