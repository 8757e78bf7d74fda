/**
 * The parts of PagerDuty REST API v2 answers the source reads (reference/REST/openapiv3.json of PagerDuty's
 * api-schema; testing/openapi-excerpt.json keeps the schemas these come from). Fields PagerDuty may leave out or
 * send as null are optional.
 */

export interface Reference {
  id: string;
  type?: string;
  summary?: string | null;
  self?: string | null;
  html_url?: string | null;
}

/** Offset paging: every list answer carries these. */
export interface Pagination {
  offset?: number;
  limit?: number;
  more?: boolean;
  total?: number | null;
}

export interface PdChannel {
  type?: string;
  summary?: string;
  /** API / email / nagios triggers: the event's custom details. */
  details?: unknown;
  /** Events API v2 triggers: details inside cef_details. */
  cef_details?: { details?: unknown } & Record<string, unknown>;
  changeset?: {
    customer_fields?: Array<{ name?: string; value?: unknown }>;
    custom_attributes?: Record<string, string>;
  };
}

export interface PdLogEntry extends Reference {
  type: string;
  created_at: string;
  agent?: Reference | null;
  channel?: PdChannel | null;
  note?: string | null;
  incident?: Reference | null;
  service?: Reference | null;
}

export interface PdIncident extends Reference {
  incident_number?: number;
  title?: string;
  created_at: string;
  updated_at?: string;
  status: 'triggered' | 'acknowledged' | 'resolved';
  service: Reference;
  assignments?: Array<{ at: string; assignee: Reference }>;
  acknowledgements?: Array<{ at: string; acknowledger: Reference }>;
  resolved_at?: string | null;
  last_status_change_at?: string;
  first_trigger_log_entry?: PdLogEntry | Reference;
  escalation_policy?: Reference;
  teams?: Reference[];
  priority?: (Reference & { name?: string }) | null;
  urgency?: 'high' | 'low';
  incident_type?: { name?: string };
}

export interface PdService extends Reference {
  name: string;
  status?: string;
  escalation_policy?: Reference;
  teams?: Reference[];
}

export interface PdTeam extends Reference {
  name: string;
}

export interface PdOncall {
  escalation_policy: Reference;
  user: Reference;
  schedule?: Reference | null;
  escalation_level?: number;
  start?: string | null;
  end?: string | null;
}

export type IncidentsPage = Pagination & { incidents: PdIncident[] };
export type LogEntriesPage = Pagination & { log_entries: PdLogEntry[] };
export type ServicesPage = Pagination & { services: PdService[] };
export type TeamsPage = Pagination & { teams: PdTeam[] };
export type OncallsPage = Pagination & { oncalls: PdOncall[] };
export interface AbilitiesAnswer {
  abilities: string[];
}
/** GET /users/me (user tokens only; account API keys answer 400). */
export interface CurrentUserAnswer {
  user: Reference & { name?: string; email?: string; role?: string };
}
/** Error bodies: {"error": {"message": "...", "code": 2001, "errors": [...]}}. */
export interface PdErrorBody {
  error?: { message?: string; code?: number; errors?: string[] };
}
