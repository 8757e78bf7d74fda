import { DataFrame, FieldType } from '@grafana/data';
import {
  AttributedChange,
  AttributedDeployment,
  AttributedIncident,
  AttributedPipelineRun,
  commitKey,
  DataQualityFinding,
  PipelineRun,
} from '../engine';
import { dataQualityFrame } from './dataQualityFrame';
import { changesFrame, deploymentsFrame, incidentLinkMethods, incidentsFrame, pipelineRunsFrame } from './eventsFrames';
import { toDataFrame } from './dataFrame';

const H = 3600 * 1000;
const T = Date.UTC(2026, 4, 4, 9);

const deployment = (
  id: string,
  finishedAt: number,
  extra: Partial<AttributedDeployment> = {}
): AttributedDeployment => ({
  deployment: {
    id,
    service: 'checkout',
    environment: 'production',
    repo: 'acme/checkout',
    sha: `sha-${id}`,
    finishedAt,
    status: 'success',
    source: 'demo',
    url: `https://example.test/deploy/${id}`,
  },
  team: 'payments',
  changeShas: ['a', 'b'],
  changeMethod: 'ancestry',
  isRedeploy: false,
  isRollback: false,
  failed: false,
  failureReasons: [],
  isRework: false,
  reworkReasons: [],
  incidentIds: [],
  ...extra,
});

const incident: AttributedIncident = {
  incident: {
    id: 'INC-1',
    service: 'checkout',
    title: 'Checkout 500s',
    createdAt: T + 2 * H,
    startedAt: T + H,
    source: 'demo',
  },
  team: 'payments',
  link: {
    incidentId: 'INC-1',
    deploymentId: 'd2',
    method: 'service-window',
    detail: 'latest deploy of checkout 1h before',
  },
  timeToRestoreMs: 3 * H,
  timeToDetectMs: H,
  timeToAcknowledgeMs: null,
};

function values(frame: DataFrame, name: string): unknown[] {
  const field = frame.fields.find((f) => f.name === name);
  if (!field) {
    throw new Error(`no field ${name} in ${frame.fields.map((f) => f.name).join(', ')}`);
  }
  return field.values;
}

describe('deploymentsFrame', () => {
  const frame = toDataFrame(
    deploymentsFrame(
      [
        deployment('d1', T - 24 * H, { changeShas: null, changeMethod: 'unknown' }),
        deployment('d2', T, {
          failed: true,
          failureReasons: ['incident', 'rolled-back'],
          incidentIds: ['INC-1'],
          recoveryMs: 3 * H,
          restoredBy: 'd3',
        }),
      ],
      {
        incidentLinks: incidentLinkMethods([incident]),
        contexts: { d1: { next: 'd2', authors: [] }, d2: { previous: 'd1', authors: ['Ana Lopez', 'Ben Okafor'] } },
      },
      'E'
    )
  );

  it('lists deployments newest first with their attribution', () => {
    expect(values(frame, 'Deployment')).toEqual(['d2', 'd1']);
    expect(values(frame, 'Finished')).toEqual([T, T - 24 * H]);
    expect(values(frame, 'Changes')).toEqual([2, null]);
    expect(values(frame, 'Change method')).toEqual(['ancestry', 'unknown']);
    expect(values(frame, 'Failed')).toEqual([true, false]);
    expect(values(frame, 'Failure reasons')).toEqual(['incident, rolled-back', '']);
    expect(values(frame, 'Incidents')).toEqual(['INC-1', '']);
    expect(values(frame, 'Incident link methods')).toEqual(['service-window', '']);
    expect(values(frame, 'Recovery time')).toEqual([3 * H, null]);
    expect(values(frame, 'Restored by')).toEqual(['d3', '']);
  });

  it('names the outcome, the authors shipped and the deployments before and after each one', () => {
    expect(values(frame, 'Outcome')).toEqual(['failed', 'success']);
    expect(values(frame, 'Authors')).toEqual(['Ana Lopez, Ben Okafor', '']);
    expect(values(frame, 'Replaced')).toEqual(['d1', '']);
    expect(values(frame, 'Replaced by')).toEqual(['', 'd2']);
  });

  it('makes the URL a data link', () => {
    const url = frame.fields.find((f) => f.name === 'URL')!;
    expect(url.values[0]).toBe('https://example.test/deploy/d2');
    expect(url.config.links?.[0]).toMatchObject({ url: '${__value.raw}', targetBlank: true });
    expect(frame.fields.find((f) => f.name === 'Finished')!.type).toBe(FieldType.time);
  });
});

describe('changesFrame', () => {
  const change = (sha: string, deployedAt: number, extra: Partial<AttributedChange> = {}): AttributedChange => ({
    change: { sha, repo: 'acme/checkout', committedAt: deployedAt - 5 * H },
    deploymentId: 'd2',
    service: 'checkout',
    team: 'payments',
    environment: 'production',
    deployedAt,
    startAt: deployedAt - 5 * H,
    leadTimeMs: 5 * H,
    ...extra,
  });

  it('lists changes with lead time, pull request and breakdown', () => {
    const frame = toDataFrame(
      changesFrame(
        [
          change('old', T - H, { leadTimeMs: null }),
          change('new', T, {
            change: {
              sha: 'new',
              repo: 'acme/checkout',
              committedAt: T - 5 * H,
              author: 'alice',
              pullRequest: { number: 42, title: 'Faster checkout', url: 'https://example.test/pr/42' },
            },
            breakdown: { codingMs: H, pickupMs: 2 * H, reviewMs: H, deployMs: H },
          }),
        ],
        'C'
      )
    );
    expect(values(frame, 'SHA')).toEqual(['new', 'old']);
    expect(values(frame, 'Lead time')).toEqual([5 * H, null]);
    expect(values(frame, 'PR')).toEqual([42, null]);
    expect(values(frame, 'PR title')).toEqual(['Faster checkout', '']);
    // Who wrote it; empty (shown as "not reported") where the code host does not say.
    expect(values(frame, 'Author')).toEqual(['alice', '']);
    expect(values(frame, 'Pickup')).toEqual([2 * H, null]);
    expect(values(frame, 'Deployment')).toEqual(['d2', 'd2']);
  });
});

describe('incidentsFrame', () => {
  it('shows how each incident was linked and its times', () => {
    const frame = toDataFrame(incidentsFrame([incident], 'I'));
    expect(values(frame, 'Incident')).toEqual(['INC-1']);
    expect(values(frame, 'Link method')).toEqual(['service-window']);
    expect(values(frame, 'Linked deployment')).toEqual(['d2']);
    expect(values(frame, 'Link detail')).toEqual(['latest deploy of checkout 1h before']);
    expect(values(frame, 'Started')).toEqual([T + H]);
    expect(values(frame, 'Resolved')).toEqual([null]);
    expect(values(frame, 'Time to detect')).toEqual([H]);
    expect(values(frame, 'Time to acknowledge')).toEqual([null]);
  });

  it('shows status, owner and the runbook of the service from the catalog as a data link', () => {
    const owned = {
      ...incident,
      incident: { ...incident.incident, id: 'INC-2', owner: 'Ana Lopez', resolvedAt: T + 4 * H },
    };
    const elsewhere = {
      ...incident,
      incident: { ...incident.incident, id: 'INC-3', service: 'search', acknowledgedAt: T + 2 * H },
    };
    const frame = toDataFrame(
      incidentsFrame([owned, elsewhere], 'I', { checkout: 'https://wiki.example.test/runbooks/checkout' })
    );
    expect(values(frame, 'Status')).toEqual(['resolved', 'acknowledged']);
    expect(values(frame, 'Owner')).toEqual(['Ana Lopez', '']);
    expect(values(frame, 'Runbook')).toEqual(['https://wiki.example.test/runbooks/checkout', '']);
    const runbook = frame.fields.find((f) => f.name === 'Runbook')!;
    expect(runbook.config.links?.[0]).toMatchObject({
      title: 'Open runbook',
      url: '${__value.raw}',
      targetBlank: true,
    });
  });
});

describe('pipelineRunsFrame', () => {
  const M = 60 * 1000;
  const run = (extra: Partial<PipelineRun>, flaky = false): AttributedPipelineRun => ({
    run: {
      id: 'r1',
      repo: 'acme/checkout',
      workflow: 'build',
      sha: 'abc',
      attempt: 1,
      startedAt: T,
      finishedAt: T + 10 * M,
      conclusion: 'success',
      branch: 'main',
      url: 'https://example.test/runs/r1/attempts/1',
      ...extra,
    },
    flaky,
    service: 'checkout',
    team: 'payments',
  });
  const runs = [
    run({ conclusion: 'failure' }, true),
    run({ attempt: 2, startedAt: T + 12 * M, finishedAt: T + 20 * M, url: 'https://example.test/runs/r1/attempts/2' }),
    run({
      id: 'r2',
      workflow: 'test',
      sha: 'def',
      startedAt: T + 30 * M,
      finishedAt: undefined,
      conclusion: 'in_progress',
    }),
  ];
  const shipped = new Map([[commitKey('acme/checkout', 'abc'), 'd1']]);
  const frame = toDataFrame(pipelineRunsFrame(runs, shipped, 'A'));

  it('lists runs and re-runs newest first with workflow, attempt, status, duration and the flaky failure', () => {
    expect(frame.refId).toBe('A');
    expect(values(frame, 'Workflow')).toEqual(['test', 'build', 'build']);
    expect(values(frame, 'Attempt')).toEqual([1, 2, 1]);
    expect(values(frame, 'Status')).toEqual(['in_progress', 'success', 'failure']);
    expect(values(frame, 'Duration')).toEqual([null, 8 * M, 10 * M]);
    expect(values(frame, 'Finished')).toEqual([null, T + 20 * M, T + 10 * M]);
    expect(values(frame, 'Flaky')).toEqual([false, false, true]);
    expect(values(frame, 'Service')).toEqual(['checkout', 'checkout', 'checkout']);
    expect(frame.fields.find((f) => f.name === 'Duration')!.config).toMatchObject({
      unit: 'dtdurationms',
      noValue: 'running',
    });
  });

  it('names the deployment that first shipped each SHA, and links each attempt', () => {
    expect(values(frame, 'Deployment')).toEqual(['', 'd1', 'd1']);
    const url = frame.fields.find((f) => f.name === 'URL')!;
    expect(url.values[1]).toBe('https://example.test/runs/r1/attempts/2');
    expect(url.config.links?.[0]).toMatchObject({ title: 'Open run', url: '${__value.raw}', targetBlank: true });
    expect(frame.fields.find((f) => f.name === 'Started')!.type).toBe(FieldType.time);
    expect(frame.fields.find((f) => f.name === 'Flaky')!.type).toBe(FieldType.boolean);
  });
});

describe('the Team column of a service several teams own', () => {
  const owners = { checkout: ['payments', 'platform'] };
  const item = { service: 'checkout', team: 'payments' };
  const shipped = new Map<string, string>();
  const frames = (given: Record<string, string[]> | undefined) => [
    toDataFrame(deploymentsFrame([deployment('d1', T)], { incidentLinks: {}, contexts: {}, owners: given }, 'A')),
    toDataFrame(
      changesFrame(
        [
          {
            change: { sha: 'a', repo: 'acme/checkout', committedAt: T - H },
            deploymentId: 'd1',
            environment: 'production',
            deployedAt: T,
            startAt: T - H,
            leadTimeMs: H,
            ...item,
          },
        ],
        'B',
        given
      )
    ),
    toDataFrame(incidentsFrame([incident], 'C', {}, given)),
    toDataFrame(
      pipelineRunsFrame(
        [
          {
            run: {
              id: 'r1',
              repo: 'acme/checkout',
              workflow: 'build',
              sha: 'a',
              attempt: 1,
              startedAt: T,
              conclusion: 'success',
            },
            flaky: false,
            ...item,
          },
        ],
        shipped,
        'D',
        given
      )
    ),
  ];

  it("names every owner, since the item counts in each owner's group", () => {
    for (const frame of frames(owners)) {
      expect(values(frame, 'Team')).toEqual(['payments, platform']);
    }
  });

  it('names the one team of a service only one team owns', () => {
    for (const frame of frames(undefined)) {
      expect(values(frame, 'Team')).toEqual(['payments']);
    }
    for (const frame of frames({ search: ['discovery', 'platform'] })) {
      expect(values(frame, 'Team')).toEqual(['payments']);
    }
  });
});

describe('dataQualityFrame', () => {
  it('lists findings, errors and warnings first', () => {
    const findings: DataQualityFinding[] = [
      {
        kind: 'unknown-changes',
        severity: 'info',
        subject: 'd1',
        service: 'checkout',
        message: 'first deployment',
        at: T,
      },
      {
        kind: 'unlinked-incident',
        severity: 'warning',
        subject: 'INC-9',
        message: 'no deployment of search before it',
      },
    ];
    const frame = toDataFrame(dataQualityFrame(findings, 'Q'));
    expect(values(frame, 'Kind')).toEqual(['unlinked-incident', 'unknown-changes']);
    expect(values(frame, 'Service')).toEqual(['', 'checkout']);
    expect(values(frame, 'At')).toEqual([null, T]);
  });
});
