/**
 * The provisioned DORA overview dashboard on the demo data (docker compose, hosted CI): its key panels show
 * values without errors, and its links to the other DORA dashboards keep the time range and variables.
 */
import { expect, test } from '@grafana/plugin-e2e';

const OVERVIEW_UID = 'dora-overview';

test('the key metrics and the scorecard show data', async ({ gotoDashboardPage }) => {
  const dashboard = await gotoDashboardPage({ uid: OVERVIEW_UID });
  for (const title of [
    'Deployment frequency',
    'Change lead time',
    'Change fail rate',
    'Failed deployment recovery time',
    'Deployment rework rate',
  ]) {
    const panel = dashboard.getPanelByTitle(title);
    await expect(panel.getErrorIcon()).toHaveCount(0);
    await expect(panel.locator).not.toContainText('No data');
  }
  const scorecard = dashboard.getPanelByTitle('Scorecard per team');
  await scorecard.scrollIntoView();
  await expect(scorecard.fieldNames).toContainText(['Team', 'Deployments']);
  await expect(scorecard.data).toContainText(['storefront']);
});

test('links to the other DORA dashboards keep the time range and the team', async ({ gotoDashboardPage, page }) => {
  await gotoDashboardPage({ uid: OVERVIEW_UID, queryParams: new URLSearchParams({ 'var-team': 'platform' }) });
  const link = page.getByRole('link', { name: /DORA team and service/ });
  await expect(link).toBeVisible();
  await expect(link).toHaveAttribute('href', /var-team=platform/);
  await expect(link).toHaveAttribute('href', /from=/);
});
