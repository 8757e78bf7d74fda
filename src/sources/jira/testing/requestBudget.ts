/**
 * Counts the Jira requests of a dashboard refresh against the fake: `issues` incidents spread over the window,
 * first refresh of N panels sharing one fetch (EventCache), the unchanged refresh after the cache's TTL, and what
 * a naive client would send (per panel: the search pages, then each issue's changelog for its status times).
 */
import { DoraEvents } from '../../../engine';
import { measureRefreshes } from '../../testing/refreshBudget';
import { nodeHttpClient } from '../../testing/nodeHttp';
import { JiraSnapshots, JiraSource } from '../source';
import { LoggedRequest, startFakeJira } from './server';
import { FakeIssue } from './world';

const DAY = 24 * 3600 * 1000;
const MIN = 60 * 1000;

export interface JiraBudget {
  first: number;
  unchanged: number;
  onePanel: number;
  naive: number;
  events: DoraEvents;
  firstRequests: LoggedRequest[];
}

function time(t: number): string {
  return new Date(t).toISOString().replace('Z', '+0000');
}

export async function measureJiraRequests(o: {
  issues: number;
  panels: number;
  windowDays: number;
  now: number;
}): Promise<JiraBudget> {
  const start = o.now - (o.windowDays - 1) * DAY;
  const step = (o.now - 2 * 3600 * 1000 - start) / o.issues;
  const issues: FakeIssue[] = Array.from({ length: o.issues }, (_, i) => {
    const created = Math.floor(start + i * step);
    const ack = created + (2 + (i % 13)) * MIN;
    const done = ack + (10 + (i % 97)) * MIN;
    return {
      key: `INC-${i + 1}`,
      summary: `Incident ${i}`,
      created: time(created),
      updated: time(done),
      issueType: 'Incident',
      status: { name: 'Done', done: true },
      resolutiondate: time(done),
      priority: ['Highest', 'High', 'Medium'][i % 3],
      labels: [],
      components: [`Service ${i % 10}`],
      histories: [
        {
          id: `${i}a`,
          created: time(ack),
          items: [{ field: 'status', fieldId: 'status', fromString: 'Open', toString: 'In Progress' }],
        },
        {
          id: `${i}b`,
          created: time(done),
          items: [{ field: 'status', fieldId: 'status', fromString: 'In Progress', toString: 'Done' }],
        },
      ],
    };
  });
  const fake = await startFakeJira({
    user: { accountId: 'a', displayName: 'bench', emailAddress: 'b@x.test' },
    fields: [],
    issues,
  });
  const snapshots = new JiraSnapshots();
  const settings = {
    enabled: true,
    url: 'https://acme.atlassian.net',
    deployment: 'cloud' as const,
    email: 'b@x.test',
    acknowledgedField: 'status',
  };
  try {
    const counts = await measureRefreshes({
      panels: o.panels,
      windowDays: o.windowDays,
      now: o.now,
      source: (clock) =>
        new JiraSource({
          http: nodeHttpClient(),
          proxyUrl: fake.url,
          settings,
          now: clock,
          snapshots,
        }),
      requests: () => fake.requests,
      forget: () => {
        snapshots.clear();
      },
    });
    const naivePerPanel = Math.ceil(o.issues / 100) + o.issues;
    return {
      first: counts.first,
      unchanged: counts.unchanged,
      onePanel: counts.onePanel,
      naive: o.panels * naivePerPanel,
      events: counts.events,
      firstRequests: counts.firstRequests,
    };
  } finally {
    await fake.close();
  }
}
