/**
 * @jest-environment node
 *
 * The fake Jira's answers cannot drift from Jira: testing/validate.mts checks them against the response schemas that
 * jira.js (an encoding of Atlassian's Jira Cloud OpenAPI description) ships. jira.js is an ES module only, so the
 * check runs in its own Node process.
 */
import { execFileSync } from 'child_process';
import { join } from 'path';

describe('fake Jira answers validate against the Jira Cloud API schemas (jira.js)', () => {
  let result: Record<string, string[]>;
  beforeAll(() => {
    const root = join(__dirname, '../../..');
    const output = execFileSync(
      process.execPath,
      [join(root, 'node_modules/tsx/dist/cli.mjs'), join(__dirname, 'testing/validate.mts')],
      {
        cwd: root,
        encoding: 'utf8',
      }
    );
    result = JSON.parse(output.trim().split('\n').pop() ?? '{}');
  }, 120000);

  it('search pages (with changelog, and the last page), fields and the signed-in user are valid', () => {
    expect({ ...result, 'drifted search page': [] }).toEqual({
      'search page': [],
      'last search page': [],
      fields: [],
      myself: [],
      'drifted search page': [],
    });
  });

  it('catches a drifted answer (the check can fail)', () => {
    expect(result['drifted search page'].length).toBeGreaterThanOrEqual(2);
  });
});
