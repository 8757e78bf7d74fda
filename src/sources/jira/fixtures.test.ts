/**
 * @jest-environment node
 *
 * The fake Jira's answers cannot drift from Jira: testing/validate.mts checks them against the response schemas that
 * jira.js (an encoding of Atlassian's Jira Cloud OpenAPI description) ships, closed (AUDIT_SCHEMAS=true: no field the
 * description lacks). jira.js is an ES module only, so the check runs in its own Node process.
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
        env: { ...process.env, AUDIT_SCHEMAS: 'true' },
      }
    );
    result = JSON.parse(output.trim().split('\n').pop() ?? '{}');
  }, 120000);

  it('search pages (with changelog, and the last page), assignees, fields and the signed-in user are valid', () => {
    expect({ ...result, 'drifted search page': [], 'drifted assignee': [] }).toEqual({
      'search page': [],
      'last search page': [],
      'assignee of INC-1': [],
      'assignee of INC-3': [],
      fields: [],
      myself: [],
      'drifted search page': [],
      'drifted assignee': [],
    });
  });

  it('catches a drifted answer (the check can fail)', () => {
    expect(result['drifted search page'].length).toBeGreaterThanOrEqual(2);
    expect(result['drifted assignee']).toEqual([
      'accountId: Invalid input: expected string, received number',
      // Data Center's username is no field of Cloud's user details.
      ': Unrecognized key: "name"',
    ]);
  });
});
