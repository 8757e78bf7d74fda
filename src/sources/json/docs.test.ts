/** @jest-environment node */
/** docs/events-format.md stays true to the code: every field of the format is documented, the examples parse. */
import { readFileSync } from 'fs';
import { join } from 'path';
import { parseCatalogYaml } from '../../settings/catalog';
import { parseEventsJson } from './parse';
import {
  CAUSE_SHAPE,
  CHANGE_SHAPE,
  DEPLOYMENT_SHAPE,
  INCIDENT_SHAPE,
  PIPELINE_RUN_SHAPE,
  PULL_REQUEST_SHAPE,
  SERVICE_SHAPE,
} from './schema';

const DOC = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'events-format.md'), 'utf8');

/** The text of the "## <title>" section. */
function section(title: string): string {
  const start = DOC.indexOf(`\n## ${title}\n`);
  expect(start).toBeGreaterThan(0);
  const end = DOC.indexOf('\n## ', start + 1);
  return DOC.slice(start, end < 0 ? undefined : end);
}

/** Field names in the first column of the section's tables. */
function documentedFields(text: string): string[] {
  const out: string[] = [];
  const row = /^\|\s*`([A-Za-z]+)`\s*\|/gm;
  for (let m = row.exec(text); m; m = row.exec(text)) {
    out.push(m[1]);
  }
  return out;
}

describe('docs/events-format.md', () => {
  it.each([
    ['Changes (commits)', [CHANGE_SHAPE, PULL_REQUEST_SHAPE]],
    ['Deployments', [DEPLOYMENT_SHAPE]],
    ['Incidents', [INCIDENT_SHAPE, CAUSE_SHAPE]],
    ['Pipeline runs', [PIPELINE_RUN_SHAPE]],
    ['The service catalog', [SERVICE_SHAPE]],
  ])('documents every field of "%s", and no other', (title, shapes) => {
    const fields = shapes.map((s) => Object.keys(s)).reduce((a, b) => a.concat(b), []);
    expect(new Set(documentedFields(section(title as string)))).toEqual(new Set(fields));
  });

  it('has a catalog YAML example the settings parser reads without problems', () => {
    const yaml = /```yaml\n([\s\S]*?)```/.exec(section('The service catalog'))![1];
    const parsed = parseCatalogYaml(yaml);
    expect(parsed.errors).toEqual([]);
    expect(parsed.catalog?.services.map((s) => s.name)).toEqual(['checkout', 'billing']);
  });

  it('quotes validation messages the parser really gives', () => {
    const quoted = /```\n(deployments\[3\][\s\S]*?)```/.exec(DOC)![1].trim().split('\n');
    const deployment = {
      id: 'd',
      service: 's',
      environment: 'production',
      repo: 'r',
      sha: 'a',
      finishedAt: '2024-03-01T10:00:00Z',
      status: 'success',
    };
    const incident = { id: 'i', createdAt: '2024-03-01T10:00:00Z' };
    const { errors } = parseEventsJson({
      deployments: [
        deployment,
        deployment,
        deployment,
        { ...deployment, finishedAt: '2024-03-01 10:00' },
        { ...deployment, status: 'Success' },
      ],
      changes: [{ sha: 'a', repo: 'r', committedAt: '2024-03-01T10:00:00Z' }],
      incidents: [incident, incident, { ...incident, resolvedat: '2024-03-01T11:00:00Z' }],
    });
    expect(quoted).toHaveLength(4);
    // The doc shortens the last message with "...".
    expect(errors.map((e, i) => (quoted[i].endsWith('...') ? e.slice(0, quoted[i].length - 3) + '...' : e))).toEqual(
      quoted
    );
  });
});
