/** The QueryEditor in a real panel editor on the provisioned demo data source (docker compose, hosted CI). */
import { expect, test } from '@grafana/plugin-e2e';

test('a scorecard query fills a table with every DORA metric per group', async ({
  panelEditPage,
  readProvisionedDataSource,
}) => {
  const ds = await readProvisionedDataSource({ fileName: 'datasources.yml' });
  await panelEditPage.datasource.set(ds.name);
  await panelEditPage.setVisualization('Table');
  const row = panelEditPage.getQueryEditorRow('A');
  await row.getByRole('radio', { name: 'Scorecard', exact: true }).click();
  await expect(panelEditPage.panel.fieldNames).toContainText(['Deployments', 'Lead time (median)', 'Change fail rate']);
  await expect(panelEditPage.panel.getErrorIcon()).toHaveCount(0);
});

test('choosing a metric shows its series with a duration unit', async ({
  panelEditPage,
  readProvisionedDataSource,
  page,
}) => {
  const ds = await readProvisionedDataSource({ fileName: 'datasources.yml' });
  await panelEditPage.datasource.set(ds.name);
  await panelEditPage.setVisualization('Table');
  const row = panelEditPage.getQueryEditorRow('A');
  await row.getByRole('radio', { name: 'Metric', exact: true }).click();
  const metric = row.locator('#dora-metric-A');
  await metric.click();
  await metric.fill('Change lead time');
  await page
    .getByRole('option', { name: /^Change lead time/ })
    .first()
    .click();
  await expect(panelEditPage.panel.fieldNames).toContainText(['Time', 'Change lead time (median)']);
  await expect(panelEditPage.panel.getErrorIcon()).toHaveCount(0);
});
