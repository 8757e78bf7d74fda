/**
 * @jest-environment node
 */
// Every reference to a document resolves inside the repository: cited docs files and #anchors exist, Markdown
// links land on a file and heading, and no code cites documents the repository does not hold.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { anchors, brokenReferences, references, slug } from './docReferences.mjs';

const root = path.resolve(__dirname, '..');
// Spelled in two parts, so this file does not cite them itself.
const OUTSIDE_METRICS = ['METRICS', 'md'].join('.');
const OUTSIDE_DESIGN = ['DESIGN', 'md'].join('.');

describe('document references', () => {
  it('all resolve in the repository', () => {
    expect(brokenReferences(root)).toEqual([]);
  });

  it('make anchors as GitHub does', () => {
    expect(slug('Failed deployment recovery time')).toBe('failed-deployment-recovery-time');
    expect(slug('Events files and the `dora` command')).toBe('events-files-and-the-dora-command');
    expect(slug('Incident -> deployment links')).toBe('incident---deployment-links');
    expect(slug('Memory (issue 14)')).toBe('memory-issue-14');
    const text = '# Title\n## Deployments\n```\n## Not a heading\n```\n### Deployments\n';
    expect([...anchors(text)]).toEqual(['title', 'deployments', 'deployments-1']);
  });

  it('find citations in code, links in Markdown, and documents kept elsewhere', () => {
    const code = `/** Lead time (docs/definitions.md#change-lead-time), see ${OUTSIDE_METRICS} "Deployments". */\n`;
    expect(references('src/engine/x.ts', code)).toEqual([
      { line: 1, target: OUTSIDE_METRICS, kind: 'outside' },
      { line: 1, target: 'docs/definitions.md', anchor: 'change-lead-time', kind: 'citation' },
    ]);
    // A URL that happens to contain docs/ is not a citation of the repository.
    expect(references('src/x.ts', '// https://grafana.com/docs/grafana/latest/x.md')).toEqual([]);
    expect(references('docs/design.md', 'See [the numbers](definitions.md#buckets) and [site](https://x.io).')).toEqual(
      [{ line: 1, target: 'docs/definitions.md', anchor: 'buckets', kind: 'link' }]
    );
    expect(references('README.md', 'Jump to [queries](#queries).')).toEqual([
      { line: 1, target: 'README.md', anchor: 'queries', kind: 'link' },
    ]);
  });

  it('fail on a missing file, a missing anchor or a document kept elsewhere', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doc-refs-'));
    try {
      fs.mkdirSync(path.join(dir, 'docs'));
      fs.mkdirSync(path.join(dir, 'src'));
      fs.writeFileSync(path.join(dir, 'docs', 'definitions.md'), '# Definitions\n## Deployments\n');
      fs.writeFileSync(
        path.join(dir, 'src', 'a.ts'),
        [
          '// Deployments (docs/definitions.md#deployments): fine.',
          '// Lead time (docs/definitions.md#lead-time): no such heading.',
          '// Design (docs/design.md): no such file.',
          `// Events (${OUTSIDE_DESIGN} "Events"): not in the repository.`,
        ].join('\n')
      );
      fs.writeFileSync(path.join(dir, 'README.md'), 'See [definitions](docs/definitions.md#deployment).\n');
      expect(brokenReferences(dir, ['src', 'docs', 'README.md'])).toEqual([
        'src/a.ts:2: docs/definitions.md has no heading #lead-time',
        'src/a.ts:3: docs/design.md does not exist',
        `src/a.ts:4: cites ${OUTSIDE_DESIGN}, which is not in the repository; cite docs/ instead`,
        'README.md:1: docs/definitions.md has no heading #deployment',
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
