/**
 * The shipped dashboards on a GitLab-only data source: a simulated GitLab project (the bench's generator on the
 * loopback fake GitLab: a quarter of commits, squash-merged merge requests, production deployments by pipeline jobs,
 * 5 % failing, incidents) behind the real DataSource, GitLabSource and GitLabClient. Every panel answers without
 * error, and the headline numbers are the sensible ones for that project.
 */
import { lastValueFrom } from 'rxjs';
import {
  DataFrame,
  DataQueryRequest,
  DataSourceInstanceSettings,
  dateTime,
  PluginMeta,
  PluginType,
} from '@grafana/data';
import { DataSource } from '../datasource/DataSource';
import { DoraQuery } from '../query/model';
import { DoraJsonData } from '../settings/model';
import { nodeHttpClient } from '../sources/testing/nodeHttp';
import { generateProject } from '../sources/gitlab/testing/generate';
import { FakeGitLab, startFakeGitLab } from '../sources/gitlab/testing/server';
import { emptyWorld } from '../sources/gitlab/testing/world';
import { DASHBOARDS, DashboardJson } from './index';
import { PanelJson, pluginPanelsOf } from './testing/panels';
import { dashboardTemplateSrv } from './testing/templateSrv';

const NOW = Date.UTC(2026, 10, 16, 12, 0, 0);
const DAY = 24 * 3600 * 1000;
const PATH = 'acme/shop';

let fake: FakeGitLab;
beforeAll(async () => {
  const world = emptyWorld();
  world.projects[PATH] = generateProject({
    path: PATH,
    now: NOW,
    spanDays: 130,
    commits: 1300,
    deployments: 130,
    mergeRequests: 60,
    stagingDeployments: 20,
    incidents: 8,
  });
  fake = await startFakeGitLab(world);
});
afterAll(() => fake.close());

function gitlabDataSource(dashboard: DashboardJson): DataSource {
  const settings: DataSourceInstanceSettings<DoraJsonData> = {
    uid: 'dora-gitlab',
    type: 'opendora-dora-datasource',
    name: 'DORA Metrics (GitLab)',
    access: 'proxy',
    readOnly: false,
    url: fake.url,
    jsonData: { gitlab: { enabled: true, projects: PATH, apiUrl: 'https://gitlab.com/api/v4' } },
    meta: { id: 'opendora-dora-datasource', name: 'DORA Metrics', type: PluginType.datasource } as PluginMeta,
  };
  return new DataSource(settings, {
    now: () => NOW,
    http: nodeHttpClient(),
    templateSrv: dashboardTemplateSrv(dashboard, {}),
  });
}

function rangeOf(dashboard: DashboardJson, panel: PanelJson) {
  const relative = panel.timeFrom ?? dashboard.time!.from.replace(/^now-/, '');
  const days = Number(/^(\d+)d$/.exec(relative)![1]);
  return { from: dateTime(NOW - days * DAY), to: dateTime(NOW), raw: { from: `now-${days}d`, to: 'now' } };
}

async function run(ds: DataSource, dashboard: DashboardJson, panel: PanelJson, targets?: DoraQuery[]) {
  const request = {
    requestId: `panel-${panel.id}`,
    interval: '1h',
    intervalMs: 3600 * 1000,
    range: rangeOf(dashboard, panel),
    scopedVars: {},
    targets: targets ?? ((panel.targets ?? []) as unknown as DoraQuery[]),
    timezone: 'utc',
    app: 'dashboard',
    startTime: NOW,
  } as DataQueryRequest<DoraQuery>;
  return lastValueFrom(ds.query(request));
}

const rows = (frame: DataFrame) => frame.length ?? frame.fields[0]?.values.length ?? 0;

describe.each(DASHBOARDS.map((d) => [d.json.title, d.json] as [string, DashboardJson]))(
  '%s on a GitLab-only data source',
  (_t, dashboard) => {
    it.each(pluginPanelsOf(dashboard).map((p) => [p.title, p] as [string, PanelJson]))(
      'panel "%s" answers every query without error',
      async (_title, panel) => {
        const response = await run(gitlabDataSource(dashboard), dashboard, panel);
        expect(response.errors ?? []).toEqual([]);
        const refIds = new Set(response.data.map((f: DataFrame) => f.refId));
        for (const target of panel.targets ?? []) {
          expect([target.refId, refIds.has(target.refId)]).toEqual([target.refId, true]);
        }
        // No notice says a source failed.
        const notices = response.data.flatMap((f: DataFrame) => f.meta?.notices ?? []).map((n) => n.text);
        expect(notices.filter((t: string) => /GitLab/.test(t))).toEqual([]);
      }
    );
  }
);

describe('headline numbers of the simulated GitLab project', () => {
  it('a scorecard over 90 days: about 90 deployments, lead time of hours, change fail rate near 5 %', async () => {
    const [overview] = DASHBOARDS.map((d) => d.json);
    const panel = { id: 1, title: 'scorecard', type: 'table', targets: [], timeFrom: '90d' } as unknown as PanelJson;
    const response = await run(gitlabDataSource(overview), overview, panel, [
      { refId: 'A', kind: 'scorecard', groupBy: 'none' } as unknown as DoraQuery,
    ]);
    expect(response.errors ?? []).toEqual([]);
    const frame = response.data.find((f: DataFrame) => rows(f) > 0)!;
    const value = (name: string) => frame.fields.find((f: { name: string }) => f.name === name)?.values[0] as number;
    // 130 deployments spread evenly over 130 days, 5 % failing: about 85 successful ones in the last 90 days.
    expect(value('Deployments')).toBeGreaterThanOrEqual(80);
    expect(value('Deployments')).toBeLessThanOrEqual(95);
    // Commits every 2.4 h, a deployment of every tenth, 40 min after its commit: a median lead time of hours.
    expect(value('Lead time (median)')).toBeGreaterThan(3600 * 1000);
    expect(value('Lead time (median)')).toBeLessThan(2 * DAY);
    expect(value('Change fail rate')).toBeGreaterThanOrEqual(0);
    expect(value('Change fail rate')).toBeLessThan(0.3);
  });
});
