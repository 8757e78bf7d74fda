/** mapIncident on answers in incident.io's shapes: timestamps by name, retrospective incidents, services, owner, labels, causes, what does not count. */
import { resolveIncidentIoSettings } from '../../settings/incidentio';
import { IncidentIoSettings } from '../../settings/model';
import { mapIncident, mapSchedules } from './mapper';
import { FakeIncident, incidentJson } from './testing/shapes';

const at = (hhmm: string) => `2026-02-03T${hhmm}:00.000000Z`;
const ms = (hhmm: string) => Date.parse(`2026-02-03T${hhmm}:00Z`);

const base: FakeIncident = {
  id: '01HQ1',
  reference: 'INC-7',
  name: 'Checkout down',
  createdAt: at('10:00'),
  updatedAt: at('11:00'),
  status: { name: 'Closed', category: 'closed' },
  severity: { name: 'SEV1', rank: 3 },
};

const map = (incident: Partial<FakeIncident>, settings: IncidentIoSettings = {}) =>
  mapIncident(incidentJson({ ...base, ...incident }), resolveIncidentIoSettings(settings));

describe('mapIncident', () => {
  it('reads timestamps by name, whatever the case or a trailing "at"; acknowledgement falls back to Accepted', () => {
    const event = map({
      timestamps: {
        'impact started at': at('09:40'),
        'Accepted at': at('10:05'),
        'RESOLVED AT': at('10:50'),
        'Closed at': at('12:00'),
      },
    });
    expect(event).toEqual({
      id: 'incidentio:INC-7',
      title: 'Checkout down',
      createdAt: ms('10:00'),
      startedAt: ms('09:40'),
      acknowledgedAt: ms('10:05'),
      resolvedAt: ms('10:50'),
      severity: 'sev1',
      url: 'https://app.incident.io/acme/incidents/7',
      source: 'incidentio',
      labels: ['status:Closed'],
    });
  });

  it('a retrospective incident counts from its "Reported" time; configured names win over the defaults', () => {
    const event = map(
      {
        mode: 'retrospective',
        createdAt: at('15:00'),
        timestamps: { 'Reported at': at('09:00'), 'Fixed at': at('09:30'), 'Resolved at': at('14:00') },
      },
      { resolvedTimestamps: 'Fixed, Resolved' }
    );
    expect([event?.createdAt, event?.resolvedAt, event?.labels]).toEqual([
      ms('09:00'),
      ms('09:30'),
      ['status:Closed', 'mode:retrospective'],
    ]);
  });

  it('service: the first value of the field (more as labels), or the type; the lead is the owner', () => {
    const event = map({
      type: 'Production outage',
      lead: 'Ana Lopez',
      catalog: { 'Affected services': ['Checkout API', 'Payments'] },
    });
    expect([event?.service, event?.owner, event?.labels]).toEqual([
      'Checkout API',
      'Ana Lopez',
      [
        'service:Payments',
        'type:Production outage',
        'status:Closed',
        'Affected services:Checkout API',
        'Affected services:Payments',
      ],
    ]);
    expect(map({ type: 'Production outage' }, { serviceFrom: 'incidentType' })?.service).toBe('Production outage');
    expect(map({ catalog: { Service: ['Search'] } }, { serviceField: 'service' })?.service).toBe('Search');
  });

  it('causes: the cause field, fields named by the convention, explicit wording in the summary', () => {
    expect(map({ texts: { 'Root cause': 'acme/shop#128' } })?.cause).toEqual({ repo: 'acme/shop', pullRequest: 128 });
    expect(map({ texts: { Trigger: 'deploy d-9' } }, { causeField: 'trigger' })?.cause).toEqual({
      deploymentId: 'd-9',
    });
    expect(map({ summary: 'Caused by commit 1a2b3c4d in the cart service.' })?.cause).toEqual({ sha: '1a2b3c4d' });
    expect(map({ summary: 'We saw 1a2b3c4d in the logs.' })?.cause).toBeUndefined();
  });

  it('declined, merged and canceled incidents, other modes, severities and types do not count', () => {
    for (const category of ['declined', 'merged', 'canceled']) {
      expect(map({ status: { name: category, category } })).toBeUndefined();
    }
    expect(map({ status: { name: 'Triage', category: 'triage' } })).toBeDefined();
    expect(map({ mode: 'tutorial' })).toBeUndefined();
    expect(map({}, { severities: 'SEV2' })).toBeUndefined();
    expect(map({ severity: undefined }, { severities: 'SEV1' })).toBeUndefined();
    expect(map({ type: 'Security' }, { incidentTypes: 'Production outage' })).toBeUndefined();
  });

  it('drops an impact start after the report and an acknowledgement before it', () => {
    const event = map({ timestamps: { 'Impact started': at('10:30'), Acknowledged: at('09:00') } });
    expect([event?.startedAt, event?.acknowledgedAt]).toEqual([undefined, undefined]);
  });
});

describe('mapSchedules', () => {
  it('keeps the shifts current at now, with a person', () => {
    const schedule = {
      id: 'S1',
      name: 'Payments',
      current_shifts: [
        { start_at: at('08:00'), end_at: at('20:00'), user: { id: 'U1', name: 'Ana' } },
        { start_at: at('08:00'), end_at: at('09:00'), user: { id: 'U2', name: 'Ben' } },
        { start_at: at('08:00'), end_at: at('20:00') },
      ],
    };
    expect(mapSchedules([schedule], ms('10:00')).map((o) => [o.service, o.user, o.level])).toEqual([
      ['Payments', 'Ana', 1],
    ]);
  });
});
