/**
 * testDatasource for Jira: are the credentials valid (and whose), does the JQL run, do the configured custom fields
 * exist? Each failure names what failed and how to fix it.
 */
import { isAbortError } from '../abort';
import { HealthCheckItem } from '../types';
import { EnhancedSearchPage, JiraField, JiraUser, OffsetSearchPage } from './apiTypes';
import { CallContext, JiraClient } from './client';
import { describeError } from './errors';
import { ResolvedJiraSettings } from '../../settings/jira';

const SOURCE = 'jira';

export async function checkHealth(
  client: JiraClient,
  s: ResolvedJiraSettings,
  call: CallContext,
  now: () => number
): Promise<HealthCheckItem[]> {
  const items: HealthCheckItem[] = [];
  try {
    const me = await client.get<JiraUser>('/myself', {}, call);
    items.push({
      source: SOURCE,
      status: 'ok',
      message: `Signed in to ${s.url} as ${me.displayName ?? me.emailAddress ?? me.name ?? 'unknown user'}. Use an account that can only browse the incident projects.`,
    });
  } catch (e) {
    if (isAbortError(e)) {
      throw e;
    }
    return [{ source: SOURCE, status: 'error', message: describeError('Jira credentials', e, now()) }];
  }
  try {
    const path = s.deployment === 'cloud' ? '/search/jql' : '/search';
    const page = await client.get<EnhancedSearchPage & OffsetSearchPage>(
      path,
      { jql: s.jql, maxResults: 1, fields: 'id' },
      call
    );
    const found = (page.issues ?? []).length > 0;
    items.push({
      source: SOURCE,
      status: found ? 'ok' : 'warning',
      message: found
        ? `JQL "${s.jql}" selects issues.`
        : `JQL "${s.jql}" selects no issue the account can see; check the project, the issue type and the account's permissions.`,
    });
  } catch (e) {
    if (isAbortError(e)) {
      throw e;
    }
    items.push({ source: SOURCE, status: 'error', message: describeError(`Jira JQL "${s.jql}"`, e, now()) });
  }
  const configured: Array<[string, string | undefined]> = [
    ['service field', typeof s.service === 'object' ? s.service.field : undefined],
    ['severity field', s.severityField],
    ['impact start field', s.impactStartField],
    ['resolved field', s.resolvedField],
    ['acknowledged field', s.acknowledgedField],
    ['cause field', s.causeField],
  ];
  const custom = configured.filter(([, id]) => id !== undefined && /^customfield_/.test(id));
  if (custom.length > 0) {
    try {
      const fields = await client.get<JiraField[]>('/field', {}, call);
      const known: Record<string, string> = {};
      fields.forEach((f) => (known[f.id] = f.name ?? f.id));
      for (const [what, id] of custom) {
        items.push(
          known[id!]
            ? { source: SOURCE, status: 'ok', message: `${what} ${id} is "${known[id!]}".` }
            : {
                source: SOURCE,
                status: 'error',
                message: `${what} ${id} does not exist (or the account cannot see it); pick the field's id from Jira's field list.`,
              }
        );
      }
    } catch (e) {
      if (isAbortError(e)) {
        throw e;
      }
      items.push({ source: SOURCE, status: 'warning', message: describeError('Jira fields', e, now()) });
    }
  }
  return items;
}
