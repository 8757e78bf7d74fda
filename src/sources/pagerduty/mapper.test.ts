/** The pure PagerDuty mapping: which incidents count, severity and labels, acknowledgements, causes, on-call. */
import { PdIncident, PdLogEntry, PdOncall, PdService } from './apiTypes';
import { counts, foldLogEntries, mapIncident, mapOnCalls, MapRules } from './mapper';

const RULES: MapRules = { urgencies: ['high', 'low'], priorities: [], severityFrom: 'priority' };

function incident(extra: Partial<PdIncident> = {}): PdIncident {
  return {
    id: 'PT4KHLK',
    title: 'The server is on fire.',
    created_at: '2026-02-03T10:00:00Z',
    status: 'resolved',
    service: { id: 'PIJ90N7', summary: 'My Mail Service' },
    resolved_at: '2026-02-03T11:00:00Z',
    urgency: 'high',
    html_url: 'https://acme.pagerduty.com/incidents/PT4KHLK',
    ...extra,
  };
}

function entry(type: string, createdAt: string, extra: Partial<PdLogEntry> = {}): PdLogEntry {
  return { id: `${type}-${createdAt}`, type, created_at: createdAt, incident: { id: 'PT4KHLK' }, ...extra };
}

describe('PagerDuty mapper', () => {
  it('counts by urgency and priority', () => {
    expect(counts(incident({ urgency: 'low' }), { ...RULES, urgencies: ['high'] })).toBe(false);
    expect(counts(incident({ priority: { id: 'P', summary: 'P1' } }), { ...RULES, priorities: ['p1', 'p2'] })).toBe(
      true
    );
    expect(counts(incident({ priority: { id: 'P', summary: 'P3' } }), { ...RULES, priorities: ['p1', 'p2'] })).toBe(
      false
    );
    // With a priority filter, incidents without a priority do not count.
    expect(counts(incident({ priority: null }), { ...RULES, priorities: ['p1'] })).toBe(false);
  });

  it('takes the earliest acknowledgement of the log and of the incident, never before creation', () => {
    const logs = foldLogEntries([
      entry('acknowledge_log_entry', '2026-02-03T10:20:00Z', { agent: { id: 'U2', summary: 'Ben' } }),
      entry('acknowledge_log_entry', '2026-02-03T10:07:00Z', { agent: { id: 'U1', summary: 'Ana' } }),
    ]);
    const mapped = mapIncident(
      incident({ acknowledgements: [{ at: '2026-02-03T10:09:00Z', acknowledger: { id: 'U3' } }] }),
      logs.PT4KHLK,
      RULES
    );
    expect(mapped?.acknowledgedAt).toBe(Date.parse('2026-02-03T10:07:00Z'));
    expect(mapped?.labels).toEqual(['urgency:high', 'assignee:Ana', 'assignee:Ben']);
    const early = foldLogEntries([entry('acknowledge_log_entry', '2026-02-03T09:00:00Z')]);
    expect(mapIncident(incident(), early.PT4KHLK, RULES)?.acknowledgedAt).toBeUndefined();
  });

  it('severity is the priority (lower-cased), else the urgency; labels carry urgency, priority, teams and type', () => {
    const mapped = mapIncident(
      incident({
        priority: { id: 'P', summary: 'SEV-1' },
        teams: [{ id: 'T', summary: 'Payments' }],
        incident_type: { name: 'security' },
      }),
      undefined,
      RULES
    );
    expect(mapped).toMatchObject({
      severity: 'sev-1',
      labels: ['urgency:high', 'priority:SEV-1', 'team:Payments', 'type:security'],
    });
    expect(mapIncident(incident(), undefined, RULES)?.severity).toBe('high');
    expect(
      mapIncident(incident({ priority: { id: 'P', summary: 'P1' } }), undefined, { ...RULES, severityFrom: 'urgency' })
        ?.severity
    ).toBe('high');
  });

  it('a resolved incident without resolved_at is resolved at its last status change', () => {
    const mapped = mapIncident(
      incident({ resolved_at: null, last_status_change_at: '2026-02-03T12:00:00Z' }),
      undefined,
      RULES
    );
    expect(mapped?.resolvedAt).toBe(Date.parse('2026-02-03T12:00:00Z'));
    expect(
      mapIncident(incident({ status: 'triggered', resolved_at: null }), undefined, RULES)?.resolvedAt
    ).toBeUndefined();
  });

  it('cause: custom field first, then the trigger custom details, then a note', () => {
    const trigger = {
      ...entry('trigger_log_entry', '2026-02-03T10:00:00Z'),
      channel: {
        type: 'api',
        cef_details: { details: { sha: 'abcdef12', repo: 'acme/shop', impact_start: '2026-02-03T09:45:00Z' } },
      },
    };
    const withDetails = incident({ first_trigger_log_entry: trigger });
    const note = entry('annotate_log_entry', '2026-02-03T10:30:00Z', {
      channel: { type: 'note', summary: 'Caused by PR #77' },
    });
    const field = entry('custom_field_value_change_log_entry', '2026-02-03T10:40:00Z', {
      channel: { type: 'web_trigger', changeset: { customer_fields: [{ name: 'deployment_id', value: ['dep-9'] }] } },
    });
    expect(mapIncident(withDetails, foldLogEntries([note, field]).PT4KHLK, RULES)?.cause).toEqual({
      deploymentId: 'dep-9',
    });
    expect(mapIncident(withDetails, foldLogEntries([note]).PT4KHLK, RULES)?.cause).toEqual({
      sha: 'abcdef12',
      repo: 'acme/shop',
    });
    expect(mapIncident(withDetails, undefined, RULES)?.startedAt).toBe(Date.parse('2026-02-03T09:45:00Z'));
    const noteOnly = mapIncident(
      incident({ first_trigger_log_entry: { ...trigger, channel: { type: 'api', details: { repo: 'acme/web' } } } }),
      foldLogEntries([note]).PT4KHLK,
      RULES
    );
    expect(noteOnly?.cause).toEqual({ pullRequest: 77, repo: 'acme/web' });
  });

  it('on-call owners per service, lowest escalation level first, one row per person and level', () => {
    const services: PdService[] = [
      { id: 'S1', name: 'Checkout', escalation_policy: { id: 'EP1', summary: 'Checkout EP' } },
      { id: 'S2', name: 'Search', escalation_policy: { id: 'EP2', summary: 'Search EP' } },
      { id: 'S3', name: 'Legacy' },
    ];
    const oncalls: PdOncall[] = [
      { escalation_policy: { id: 'EP1' }, user: { id: 'U2', summary: 'Dana' }, escalation_level: 2 },
      {
        escalation_policy: { id: 'EP1' },
        user: { id: 'U1', summary: 'Ana' },
        escalation_level: 1,
        schedule: { id: 'S', summary: 'Primary' },
      },
      {
        escalation_policy: { id: 'EP1' },
        user: { id: 'U1', summary: 'Ana' },
        escalation_level: 1,
        schedule: { id: 'S2', summary: 'Backup' },
      },
    ];
    expect(mapOnCalls(services, oncalls).map((o) => [o.service, o.level, o.user, o.schedule ?? ''])).toEqual([
      ['Checkout', 1, 'Ana', 'Primary'],
      ['Checkout', 2, 'Dana', ''],
    ]);
  });
});
