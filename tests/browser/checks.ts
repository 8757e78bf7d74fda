/**
 * What the browser test checks on the harness page: the real editors, in Grafana's theme, react to a user.
 * Each check reads the JSON the page shows next to the editor, which is what Grafana would store or run.
 */
import { Locator, Page } from 'playwright-core';

export interface Check {
  name: string;
  run(page: Page, screenshots: string): Promise<void>;
}

const TIMEOUT = 10000;

/** The JSON an editor produced, as the page shows it. */
async function shownJson(page: Page, testId: string): Promise<Record<string, unknown>> {
  return JSON.parse((await page.getByTestId(`${testId}-json`).textContent()) ?? '{}');
}

/** Waits until the shown JSON satisfies the predicate; fails with the last JSON seen. */
async function untilJson(page: Page, testId: string, what: string, ok: (json: Record<string, unknown>) => boolean) {
  try {
    await page.waitForFunction(
      ([id, src]) => {
        const text = document.querySelector(`[data-testid="${id}-json"]`)?.textContent ?? '{}';
        return new Function('json', `return (${src})(json)`)(JSON.parse(text));
      },
      [testId, ok.toString()] as const,
      { timeout: TIMEOUT }
    );
  } catch {
    throw new Error(`${what}; the page shows ${JSON.stringify(await shownJson(page, testId))}`);
  }
}

async function visible(page: Page, text: string | RegExp, what: string) {
  try {
    await page.getByText(text).first().waitFor({ state: 'visible', timeout: TIMEOUT });
  } catch {
    throw new Error(`${what}: no visible text ${String(text)}`);
  }
}

async function hidden(page: Page, text: string | RegExp, what: string) {
  try {
    await page.getByText(text).first().waitFor({ state: 'hidden', timeout: TIMEOUT });
  } catch {
    throw new Error(`${what}: text ${String(text)} is still visible`);
  }
}

/** One screenshot of the area the locators cover together (plus a margin). */
async function screenshotAround(page: Page, parts: Locator[], path: string) {
  const boxes = (await Promise.all(parts.map((p) => p.boundingBox()))).filter((b): b is NonNullable<typeof b> => !!b);
  const x = Math.min(...boxes.map((b) => b.x)) - 16;
  const y = Math.min(...boxes.map((b) => b.y)) - 16;
  const right = Math.max(...boxes.map((b) => b.x + b.width)) + 16;
  const bottom = Math.max(...boxes.map((b) => b.y + b.height)) + 16;
  // Boxes are relative to the viewport; the clip of a full-page screenshot is relative to the page.
  const [scrollX, scrollY] = await page.evaluate(() => [window.scrollX, window.scrollY]);
  const clip = { x: x + scrollX, y: y + scrollY, width: right - x, height: bottom - y };
  await page.screenshot({ path, fullPage: true, clip });
}

const config = (page: Page) => page.getByTestId('config-editor');
const queryEditor = (page: Page) => page.getByTestId('query-editor');
const queryHelp = (page: Page) => page.getByTestId('query-help');
const variableEditor = (page: Page) => page.getByTestId('variable-editor');
const annotationsEditor = (page: Page) => page.getByTestId('annotations-editor');

/** Opens a Combobox or MultiCombobox (by its input's id), waits for options and picks one by its name. */
async function pickOption(page: Page, inputId: string, option: RegExp, expected: RegExp[] = []) {
  const input = page.locator(`#${inputId}`);
  await input.click();
  for (const name of expected) {
    await page.getByRole('option', { name }).first().waitFor({ state: 'visible', timeout: TIMEOUT });
  }
  await page.getByRole('option', { name: option }).first().click();
}

/**
 * Types into the query editor's metric field and picks the option named `option`. Type part of a name: the whole
 * name would be offered first as a custom value.
 */
async function typeMetric(page: Page, typed: string, option: RegExp) {
  const metric = queryEditor(page).locator('#dora-metric-A');
  await metric.click();
  await metric.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
}

export const CHECKS: Check[] = [
  {
    name: 'both editors render in the Grafana theme',
    async run(page, screenshots) {
      await visible(page, 'What is a deployment', 'config editor');
      await visible(page, 'Service catalog', 'config editor');
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      // Grafana's dark theme canvas (#111217), set by GlobalStyles.
      if (background !== 'rgb(17, 18, 23)') {
        throw new Error(`body background is ${background}, not the dark theme's canvas: GlobalStyles did not apply`);
      }
      await page.mouse.move(0, 0);
      await config(page).screenshot({ path: `${screenshots}/config-editor.png` });
      await queryEditor(page).screenshot({ path: `${screenshots}/query-editor.png` });
    },
  },
  {
    name: 'a valid production pattern is stored in jsonData',
    async run(page) {
      const input = config(page).getByLabel(/^Production environment pattern/);
      await input.fill('^(prod|production)-eu$');
      await untilJson(
        page,
        'config-editor',
        'productionEnvironmentPattern not stored',
        (j) => j.productionEnvironmentPattern === '^(prod|production)-eu$'
      );
    },
  },
  {
    name: 'a bad hotfix regex shows its error under the field, and clears when fixed',
    async run(page, screenshots) {
      const input = config(page).getByLabel(/^Hotfix pattern/);
      await input.fill('hotfix[');
      await visible(page, /Hotfix pattern "hotfix\[" is not a valid regular expression/, 'bad regex');
      await visible(page, '1 setting needs attention', 'summary of issues');
      await page.getByText('What is a failure').scrollIntoViewIfNeeded();
      await config(page).screenshot({ path: `${screenshots}/config-editor-invalid-pattern.png` });
      await input.fill('hotfix\\[');
      await hidden(page, /is not a valid regular expression/, 'fixed regex');
      await untilJson(page, 'config-editor', 'fixed pattern not stored', (j) => j.hotfixPattern === 'hotfix\\[');
    },
  },
  {
    name: 'a catalog entry with an unknown key shows the line of the error',
    async run(page, screenshots) {
      const area = config(page).getByLabel(/^Catalog \(YAML\)/);
      await area.fill('services:\n  - name: checkout\n    team: storefront\n    owner: alice\n');
      await visible(page, /Line 4: Unknown service key "owner"/, 'catalog error');
      await page.getByTestId('dora-catalog-errors').scrollIntoViewIfNeeded();
      await screenshotAround(
        page,
        [area, page.getByTestId('dora-catalog-errors')],
        `${screenshots}/config-editor-catalog-error.png`
      );
      await area.fill('services:\n  - name: checkout\n    team: storefront\n  - name: search\n    team: data\n');
      await visible(page, 'Valid: 2 services, 2 teams, 0 repositories.', 'catalog summary');
      await untilJson(
        page,
        'config-editor',
        'catalog not stored',
        (j) => String(j.catalogYaml).indexOf('name: search') > 0
      );
    },
  },
  {
    name: 'the benchmark year and look-back are stored',
    async run(page) {
      await config(page).getByLabel('2022', { exact: true }).check({ force: true });
      await config(page)
        .getByLabel(/^Look-back \(days\)/)
        .fill('60');
      await untilJson(
        page,
        'config-editor',
        'year/look-back not stored',
        (j) => j.benchmarkYear === 2022 && j.lookbackDays === 60
      );
    },
  },
  {
    name: 'the GitHub provider section is part of the settings and stores its switch',
    async run(page) {
      await config(page)
        .getByLabel(/^Enable GitHub/)
        .check({ force: true });
      await untilJson(
        page,
        'config-editor',
        'github.enabled not stored',
        (j) => (j.github as { enabled?: boolean })?.enabled === true
      );
      await config(page)
        .getByLabel(/^Enable GitHub/)
        .uncheck({ force: true });
      await untilJson(
        page,
        'config-editor',
        'github.enabled not cleared',
        (j) => (j.github as { enabled?: boolean })?.enabled === false
      );
    },
  },
  {
    name: 'the GitLab section stores a self-managed instance and its projects, and the token only as a secure key',
    async run(page, screenshots) {
      const section = config(page);
      const token = 'glpat-harnessToken1234567890';
      await section.getByLabel(/^Enable GitLab/).check({ force: true });
      await section.locator('#dora-gitlab-url').fill('example.com/gitlab');
      await visible(page, /url "example.com\/gitlab" is not an https URL/, 'a URL without https is refused');
      await section.locator('#dora-gitlab-url').fill('https://example.com/gitlab');
      await hidden(page, /is not an https URL/, 'the URL error clears once the URL is valid');
      await section.locator('#dora-gitlab-projects').fill('acme/platform/checkout deploy=jobs job=^deploy-prod');
      await section.locator('#dora-gitlab-token').fill(token);
      await untilJson(page, 'config-editor', 'GitLab settings not stored', (j) => {
        const gitlab = j.gitlab as { enabled?: boolean; url?: string; apiUrl?: string; projects?: string } | undefined;
        return (
          gitlab?.enabled === true &&
          gitlab.url === 'https://example.com/gitlab' &&
          gitlab.apiUrl === 'https://example.com/gitlab/api/v4' &&
          String(gitlab.projects).startsWith('acme/platform/checkout deploy=jobs') &&
          (j._secureJsonKeys as string[]).includes('gitlabToken')
        );
      });
      if (JSON.stringify(await shownJson(page, 'config-editor')).includes(token)) {
        throw new Error('the GitLab token appears in jsonData');
      }
      const box = section.getByText('GitLab', { exact: true }).first();
      await screenshotAround(
        page,
        [
          box,
          section.locator('#dora-gitlab-url'),
          section.locator('#dora-gitlab-projects'),
          section.locator('#dora-gitlab-timeout'),
        ],
        `${screenshots}/config-editor-gitlab.png`
      );
      await section.getByLabel(/^Enable GitLab/).uncheck({ force: true });
      await untilJson(
        page,
        'config-editor',
        'GitLab switch not cleared',
        (j) => (j.gitlab as { enabled?: boolean })?.enabled === false
      );
    },
  },
  {
    name: 'the Argo CD section names a bad URL, stores the scope, and keeps the token a secure key',
    async run(page, screenshots) {
      const section = config(page);
      const token = 'eyJhbGciOiJIUzI1NiJ9.harness-argocd-token';
      await section.getByLabel(/^Enable Argo CD/).check({ force: true });
      await section.locator('#dora-argocd-url').fill('argocd.example.com');
      await visible(page, /url "argocd.example.com" is not an http\(s\) URL/, 'a URL without a scheme is refused');
      await section.locator('#dora-argocd-url').fill('https://argocd.example.com');
      await hidden(page, /url "argocd.example.com" is not/, 'the URL error clears once the URL is valid');
      await section.getByRole('radio', { name: 'Projects' }).check({ force: true });
      await section.locator('#dora-argocd-projects').fill('payments, storefront');
      await section.locator('#dora-argocd-token').fill(token);
      await untilJson(page, 'config-editor', 'Argo CD settings not stored', (j) => {
        const argocd = j.argocd as { enabled?: boolean; url?: string; applications?: string; projects?: string };
        return (
          argocd?.enabled === true &&
          argocd.url === 'https://argocd.example.com' &&
          argocd.applications === 'projects' &&
          argocd.projects === 'payments, storefront' &&
          (j._secureJsonKeys as string[]).includes('argocdToken')
        );
      });
      if (JSON.stringify(await shownJson(page, 'config-editor')).includes(token)) {
        throw new Error('the Argo CD token appears in jsonData');
      }
      await screenshotAround(
        page,
        [
          section.getByText('Argo CD', { exact: true }).first(),
          section.locator('#dora-argocd-url'),
          section.locator('#dora-argocd-timeout'),
        ],
        `${screenshots}/config-editor-argocd.png`
      );
      await section.getByLabel(/^Enable Argo CD/).uncheck({ force: true });
      await untilJson(page, 'config-editor', 'Argo CD switch not cleared', (j) => {
        return (j.argocd as { enabled?: boolean })?.enabled === false;
      });
    },
  },
  {
    name: 'Grafana annotations bring the Grafana API section; the service account token stays a secure key',
    async run(page, screenshots) {
      const section = config(page);
      const token = 'glsa_harnessToken0123456789abcdef_01234567';
      await section.getByLabel(/^Enable Grafana annotations/).check({ force: true });
      await section.locator('#dora-annotations-incident-tags').fill('deploy');
      await visible(page, /incidentTags "deploy" are the deployment tags/, 'the same tags for both kinds are refused');
      await section.locator('#dora-annotations-incident-tags').fill('incident');
      await section.locator('#dora-grafana-api-token').fill(token);
      await untilJson(page, 'config-editor', 'annotations settings not stored', (j) => {
        const annotations = j.annotations as { enabled?: boolean; incidentTags?: string };
        const grafanaApi = j.grafanaApi as { url?: string } | undefined;
        return (
          annotations?.enabled === true &&
          annotations.incidentTags === 'incident' &&
          grafanaApi?.url === 'http://localhost:3000' &&
          (j._secureJsonKeys as string[]).includes('grafanaToken')
        );
      });
      if (JSON.stringify(await shownJson(page, 'config-editor')).includes(token)) {
        throw new Error('the service account token appears in jsonData');
      }
      // Screenshots clip the viewport: each area is scrolled to its top first.
      await section.getByText('Grafana annotations', { exact: true }).first().scrollIntoViewIfNeeded();
      await screenshotAround(
        page,
        [
          section.getByText('Grafana annotations', { exact: true }).first(),
          section.locator('#dora-annotations-deployment-tags'),
          section.locator('#dora-annotations-dashboard'),
        ],
        `${screenshots}/config-editor-annotations.png`
      );
      await screenshotAround(
        page,
        [section.locator('#dora-grafana-api-url'), section.locator('#dora-grafana-api-token')],
        `${screenshots}/config-editor-grafana-api.png`
      );
      await section.getByLabel(/^Enable Grafana annotations/).uncheck({ force: true });
      await hidden(page, 'Grafana API on the server', 'the Grafana API section hides with its sources');
    },
  },
  {
    name: "the data source bridge loads a query's columns into each field's picker and previews the first rows",
    async run(page, screenshots) {
      const section = config(page);
      await section.getByLabel(/^Enable data source mappings/).check({ force: true });
      await visible(page, /no mapping yet; add one/, 'the data source bridge asks for a mapping');
      await section.getByRole('button', { name: /Add mapping/ }).click();
      await section.locator('#dora-bridge-0-name').fill('Warehouse deployments');
      // Grafana's data source picker, listing the harness's data source service.
      await section.locator('#dora-bridge-0-datasource').click();
      await page.getByText('Warehouse', { exact: true }).first().click();
      await section
        .locator('#dora-bridge-0-query')
        .fill(
          'SELECT finished_at, service, env, repository, commit_sha, outcome FROM deployments WHERE finished_at BETWEEN $__timeFrom() AND $__timeTo()'
        );
      await section.getByRole('button', { name: 'Load columns' }).click();
      await visible(page, '6 columns from Warehouse', 'the columns load through the data source service');
      const required: Array<[string, RegExp]> = [
        ['service', /^service/],
        ['environment', /^env/],
        ['repo', /^repository/],
        ['sha', /^commit_sha/],
        ['finishedAt', /^finished_at/],
        ['status', /^outcome/],
      ];
      for (const [field, column] of required) {
        await pickOption(page, `dora-bridge-0-column-${field}`, column, [/^finished_at/, /^outcome/]);
      }
      await untilJson(page, 'config-editor', 'the chosen columns are not stored', (j) => {
        const bridge = j.datasourceBridge as {
          mappings?: Array<{ datasource?: { uid?: string }; columns?: Record<string, string> }>;
        };
        const m = bridge?.mappings?.[0];
        return (
          m?.datasource?.uid === 'warehouse' &&
          m.columns?.sha === 'commit_sha' &&
          m.columns?.environment === 'env' &&
          m.columns?.finishedAt === 'finished_at' &&
          m.columns?.status === 'outcome'
        );
      });
      await visible(page, /6 rows in the last 7 days, 6 valid deployments/, 'the preview counts the valid rows');
      // The clear icon empties a field: the column leaves jsonData and the missing required field is named.
      await section.locator('#dora-bridge-0-column-status').locator('..').getByRole('button').first().click();
      await untilJson(page, 'config-editor', 'the cleared column is still stored', (j) => {
        const bridge = j.datasourceBridge as { mappings?: Array<{ columns?: Record<string, string> }> };
        return bridge?.mappings?.[0]?.columns?.status === undefined;
      });
      await visible(page, /choose the column of status \(required for deployments\)/, 'a cleared required column');
      await pickOption(page, 'dora-bridge-0-column-status', /^outcome/);
      await visible(page, /6 rows in the last 7 days, 6 valid deployments/, 'the preview is back');
      const preview = section.getByTestId('dora-bridge-0-preview');
      // The first row's commit (src/sources/datasource/testing/frames.ts) is shown, never stored.
      const firstSha = 'a1'.repeat(20);
      await preview.getByText(firstSha).first().waitFor({ state: 'visible', timeout: TIMEOUT });
      const shown = JSON.stringify(await shownJson(page, 'config-editor'));
      if (shown.includes(firstSha)) {
        throw new Error('the preview rows leaked into jsonData');
      }
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await section.getByText('Mapping 1: Warehouse deployments').first().scrollIntoViewIfNeeded();
      await screenshotAround(
        page,
        [section.getByText('Mapping 1: Warehouse deployments').first(), preview],
        `${screenshots}/config-editor-datasource-bridge.png`
      );
      await section.getByRole('button', { name: 'Remove mapping 1' }).click();
      await section.getByLabel(/^Enable data source mappings/).uncheck({ force: true });
      await untilJson(page, 'config-editor', 'the bridge switch not cleared', (j) => {
        return (j.datasourceBridge as { enabled?: boolean })?.enabled === false;
      });
    },
  },
  {
    name: 'choosing a metric in the query editor changes the query and runs it',
    async run(page, screenshots) {
      const before = Number((await shownJson(page, 'query-editor')).runs);
      await typeMetric(page, 'Change fail', /Change fail rate/);
      await untilJson(
        page,
        'query-editor',
        'metric not changed to changeFailRate',
        (j) => (j.query as { metric?: string }).metric === 'changeFailRate'
      );
      await page.mouse.move(0, 0);
      await queryEditor(page).screenshot({ path: `${screenshots}/query-editor-metric.png` });
      const after = Number((await shownJson(page, 'query-editor')).runs);
      if (!(after > before)) {
        throw new Error(`onRunQuery was not called (runs ${before} -> ${after})`);
      }
    },
  },
  {
    name: 'switching the query kind to scorecard changes the query',
    async run(page) {
      await queryEditor(page).getByRole('radio', { name: 'Scorecard', exact: true }).click();
      await untilJson(
        page,
        'query-editor',
        'kind not scorecard',
        (j) => (j.query as { kind?: string }).kind === 'scorecard'
      );
      await queryEditor(page).getByRole('radio', { name: 'Metric', exact: true }).click();
      await untilJson(
        page,
        'query-editor',
        'kind not back to metric',
        (j) => (j.query as { kind?: string }).kind === 'metric'
      );
    },
  },
  {
    name: 'a scorecard query groups by team and starts lead time at the pull request',
    async run(page, screenshots) {
      await queryEditor(page).getByRole('radio', { name: 'Scorecard', exact: true }).click();
      await pickOption(page, 'dora-group-by-A', /^Team/);
      await pickOption(page, 'dora-lead-time-start-A', /^PR opened/);
      await untilJson(page, 'query-editor', 'scorecard not grouped by team from PR opened', (j) => {
        const q = j.query as Record<string, unknown>;
        return q.kind === 'scorecard' && q.groupBy === 'team' && q.leadTimeStart === 'prOpened';
      });
      await page.mouse.move(0, 0);
      await queryEditor(page).screenshot({ path: `${screenshots}/query-editor-scorecard.png` });
    },
  },
  {
    name: 'the team filter lists the demo teams and the dashboard variables, and filters by the one picked',
    async run(page, screenshots) {
      await pickOption(page, 'dora-A-filter-teams', /^storefront/, [/^\$team/, /^platform/, /^finance/]);
      await untilJson(page, 'query-editor', 'team filter not stored', (j) => {
        const f = (j.query as { filters?: { teams?: string[] } }).filters;
        return !!f && JSON.stringify(f.teams) === '["storefront"]';
      });
      // The menu is still open with the other teams: that is the picture of what a user chooses from.
      await page
        .getByRole('option', { name: /^platform/ })
        .first()
        .waitFor({ state: 'visible', timeout: TIMEOUT });
      await page.screenshot({ path: `${screenshots}/query-editor-filters.png` });
      await page.keyboard.press('Escape');
    },
  },
  {
    name: 'an events query lists failed deployments',
    async run(page, screenshots) {
      await queryEditor(page).getByRole('radio', { name: 'Events', exact: true }).click();
      await queryEditor(page).getByRole('radio', { name: 'Failed', exact: true }).click();
      await untilJson(page, 'query-editor', 'not an events query of failed deployments', (j) => {
        const q = j.query as Record<string, unknown>;
        return q.kind === 'events' && q.entity === 'deployments' && q.outcome === 'failed';
      });
      await page.mouse.move(0, 0);
      await queryEditor(page).screenshot({ path: `${screenshots}/query-editor-events.png` });
    },
  },
  {
    name: 'an events query lists pipeline runs, as a table only (no outcome, no annotation format)',
    async run(page, screenshots) {
      await queryEditor(page).getByRole('radio', { name: 'Pipeline runs', exact: true }).click();
      await untilJson(page, 'query-editor', 'not an events query of pipeline runs', (j) => {
        const q = j.query as Record<string, unknown>;
        return q.kind === 'events' && q.entity === 'pipelineRuns' && !('outcome' in q) && !('format' in q);
      });
      for (const gone of ['Failed', 'Annotations']) {
        if ((await queryEditor(page).getByRole('radio', { name: gone, exact: true }).count()) !== 0) {
          throw new Error(`the "${gone}" option still shows for pipeline runs`);
        }
      }
      // Runs have neither incident severities nor labels: those filters are not offered.
      for (const key of ['severities', 'labels']) {
        if ((await queryEditor(page).locator(`#dora-A-filter-${key}`).count()) !== 0) {
          throw new Error(`the ${key} filter still shows for pipeline runs`);
        }
      }
      await page.mouse.move(0, 0);
      await queryEditor(page).screenshot({ path: `${screenshots}/query-editor-pipeline-runs.png` });
    },
  },
  {
    name: 'an unknown metric typed in shows why the query cannot run',
    async run(page, screenshots) {
      await queryEditor(page).getByRole('radio', { name: 'Metric', exact: true }).click();
      await typeMetric(page, 'leadtime', /^leadtime/);
      await visible(page, 'This query cannot run', 'query problem');
      await visible(page, /metric "leadtime" is not known/, 'query problem text');
      await page.mouse.move(0, 0);
      await queryEditor(page).screenshot({ path: `${screenshots}/query-editor-invalid.png` });
    },
  },
  {
    name: 'a query help example replaces the query',
    async run(page, screenshots) {
      await queryHelp(page)
        .getByRole('button', { name: 'Use example: Change lead time, slow tail, squash merges' })
        .click();
      await untilJson(page, 'query-editor', 'example not taken', (j) => {
        const q = j.query as Record<string, unknown>;
        return (
          q.refId === 'A' && q.metric === 'leadTime' && q.aggregation === 'p90' && q.leadTimeStart === 'prFirstCommit'
        );
      });
      await hidden(page, 'This query cannot run', 'valid example');
      await page.mouse.move(0, 0);
      await queryHelp(page).screenshot({ path: `${screenshots}/query-help.png` });
    },
  },
  {
    name: 'grouping a metric by severity: the option is chosen, and a metric without severities says so',
    async run(page, screenshots) {
      await queryEditor(page).getByRole('radio', { name: 'Metric', exact: true }).click();
      await typeMetric(page, 'per day', /^Deployments per day/);
      // Both dimensions a metric's items may lack are offered beside the ones every item has.
      await pickOption(page, 'dora-group-by-A', /^Severity/, [/^Service/, /^Label/]);
      await untilJson(page, 'query-editor', 'deployments per day not grouped by severity', (j) => {
        const q = j.query as Record<string, unknown>;
        return q.kind === 'metric' && q.metric === 'deploymentsPerDay' && q.groupBy === 'severity';
      });
      const shown = await queryEditor(page).locator('#dora-group-by-A').inputValue();
      if (shown !== 'Severity') {
        throw new Error(`the group by field shows "${shown}", not "Severity"`);
      }
      await visible(page, /^Grouped by severity, but this metric counts items without one/, 'severity note');
      await page.mouse.move(0, 0);
      await queryEditor(page).screenshot({ path: `${screenshots}/query-editor-group-by-severity.png` });
      // Time to restore has a severity on every item: the note goes.
      await typeMetric(page, 'to restore', /^Time to restore service/);
      await untilJson(page, 'query-editor', 'time to restore not grouped by severity', (j) => {
        const q = j.query as Record<string, unknown>;
        return q.metric === 'timeToRestore' && q.groupBy === 'severity';
      });
      await hidden(page, /^Grouped by severity, but this metric/, 'time to restore by severity');
    },
  },
  {
    name: 'the severities filter lists the severities of the demo incidents, and filters by the one picked',
    async run(page, screenshots) {
      await pickOption(page, 'dora-A-filter-severities', /^sev1/, [/^sev2/, /^sev3/]);
      await untilJson(page, 'query-editor', 'severity filter not stored', (j) => {
        const f = (j.query as { filters?: { severities?: string[] } }).filters;
        return !!f && JSON.stringify(f.severities) === '["sev1"]';
      });
      const menu = page.getByRole('listbox').first();
      await page.getByRole('option', { name: /^sev2/ }).first().waitFor({ state: 'visible', timeout: TIMEOUT });
      await screenshotAround(page, [queryEditor(page), menu], `${screenshots}/query-editor-filter-severities.png`);
      await page.keyboard.press('Escape');
    },
  },
  {
    name: 'a template variable lists the services of $team',
    async run(page, screenshots) {
      await variableEditor(page).getByRole('radio', { name: 'Teams', exact: true }).click();
      await untilJson(page, 'variable-editor', 'not a team variable', (j) => j.values === 'teams');
      await variableEditor(page).getByRole('radio', { name: 'Services', exact: true }).click();
      await pickOption(page, 'dora-variable-service-filter-teams', /^\$team/);
      await untilJson(
        page,
        'variable-editor',
        'services not narrowed by $team',
        (j) => j.values === 'services' && JSON.stringify(j.filters) === '{"teams":["$team"]}'
      );
      await page.keyboard.press('Escape');
      await page.mouse.move(0, 0);
      await variableEditor(page).screenshot({ path: `${screenshots}/variable-editor.png` });
    },
  },
  {
    name: 'a template variable lists incident severities or labels (of pull requests and incidents)',
    async run(page, screenshots) {
      await variableEditor(page).getByRole('radio', { name: 'Severities', exact: true }).click();
      await untilJson(page, 'variable-editor', 'not a severity variable', (j) => j.values === 'severities');
      await variableEditor(page).getByRole('radio', { name: 'Labels', exact: true }).click();
      await untilJson(page, 'variable-editor', 'not a label variable', (j) => j.values === 'labels');
      // Still narrowed by team: the labels of the changes and incidents of $team's services.
      await variableEditor(page)
        .locator('#dora-variable-service-filter-teams')
        .waitFor({ state: 'visible', timeout: TIMEOUT });
      await page.mouse.move(0, 0);
      await variableEditor(page).screenshot({ path: `${screenshots}/variable-editor-labels.png` });
    },
  },
  {
    name: 'an annotation query shows rollbacks, then incidents',
    async run(page, screenshots) {
      await annotationsEditor(page).getByRole('radio', { name: 'Rollback', exact: true }).click();
      await untilJson(
        page,
        'annotations-editor',
        'not rollbacks',
        (j) => j.entity === 'deployments' && j.outcome === 'rollback'
      );
      await page.mouse.move(0, 0);
      await annotationsEditor(page).screenshot({ path: `${screenshots}/annotations-editor.png` });
      await annotationsEditor(page).getByRole('radio', { name: 'Incidents', exact: true }).click();
      await untilJson(
        page,
        'annotations-editor',
        'not incidents',
        (j) => j.entity === 'incidents' && !('outcome' in j)
      );
    },
  },
];
