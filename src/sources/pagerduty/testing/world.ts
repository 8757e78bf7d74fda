/** What the fake PagerDuty knows: services, teams, incidents with their log entries, and who is on call. */

export interface FakeService {
  id: string;
  name: string;
  policyId: string;
  policyName: string;
  teamIds: string[];
}

export interface FakeTeam {
  id: string;
  name: string;
}

export interface FakeIncident {
  id: string;
  number: number;
  title: string;
  serviceId: string;
  createdAt: string;
  status: 'triggered' | 'acknowledged' | 'resolved';
  urgency: 'high' | 'low';
  priority?: string;
  resolvedAt?: string;
  /** Current acknowledgements (only while acknowledged, as PagerDuty clears them). */
  acknowledgedAt?: string;
  acknowledgedBy?: string;
  /** Current assignees (PagerDuty empties the list on resolution). */
  assignees: string[];
  teamIds: string[];
  /** Custom details of the triggering event (Events API v2). */
  details?: Record<string, unknown>;
}

export interface FakeLogEntry {
  id: string;
  type:
    | 'trigger_log_entry'
    | 'acknowledge_log_entry'
    | 'annotate_log_entry'
    | 'resolve_log_entry'
    | 'custom_field_value_change_log_entry'
    | 'notify_log_entry';
  createdAt: string;
  incidentId: string;
  /** User name of the agent (acknowledgements, notes). */
  agent?: string;
  /** Note text (annotate entries). */
  note?: string;
  /** Custom field values set (field change entries). */
  fields?: Array<{ name: string; value: unknown }>;
}

export interface FakeOncall {
  policyId: string;
  policyName: string;
  user: string;
  level: number;
  schedule?: string;
  start?: string;
  end?: string;
}

export interface PagerDutyWorld {
  abilities: string[];
  services: FakeService[];
  teams: FakeTeam[];
  incidents: FakeIncident[];
  logEntries: FakeLogEntry[];
  oncalls: FakeOncall[];
}

export function emptyWorld(): PagerDutyWorld {
  return { abilities: ['teams', 'urgencies'], services: [], teams: [], incidents: [], logEntries: [], oncalls: [] };
}
