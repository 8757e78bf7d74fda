/**
 * The parts of incident.io API answers the source reads, in the shapes of incident.io's OpenAPI description
 * (testing/openapi-excerpt.json; fixtures.test.ts validates the fake's answers against it). incident.io adds
 * properties and enum values without notice: every field the source does not need is optional here.
 */

export interface IoUser {
  id: string;
  name: string;
  email?: string;
  role?: string;
  slack_user_id?: string;
}

export interface IoNamed {
  id: string;
  name: string;
}

export interface IoSeverity extends IoNamed {
  rank?: number;
  description?: string;
}

/** Status categories: triage, declined, merged, canceled, live (shown as Active), learning (Post-incident), closed, paused. */
export interface IoStatus extends IoNamed {
  category: string;
  rank?: number;
}

export interface IoIncidentType extends IoNamed {
  is_default?: boolean;
}

export interface IoCustomFieldValue {
  value_catalog_entry?: { id: string; name: string; external_id?: string; aliases?: string[] };
  value_link?: string;
  value_numeric?: string;
  value_option?: { id: string; value: string; custom_field_id?: string };
  value_text?: string;
}

export interface IoCustomFieldEntry {
  custom_field: { id: string; name: string; field_type?: string };
  values: IoCustomFieldValue[];
}

export interface IoRoleAssignment {
  role: { id: string; name: string; role_type?: string; shortform?: string };
  assignee?: IoUser;
}

export interface IoTimestampValue {
  incident_timestamp: { id: string; name: string; rank?: number };
  value?: { value?: string };
}

/** GET /v2/incidents: one incident (IncidentV2). */
export interface IoIncident {
  id: string;
  reference: string;
  name: string;
  summary?: string;
  permalink?: string;
  created_at: string;
  updated_at: string;
  mode: string;
  visibility?: string;
  incident_status: IoStatus;
  severity?: IoSeverity;
  incident_type?: IoIncidentType;
  custom_field_entries: IoCustomFieldEntry[];
  incident_role_assignments: IoRoleAssignment[];
  incident_timestamp_values?: IoTimestampValue[];
}

export interface IoPaginationMeta {
  after?: string;
  page_size?: number;
  total_record_count?: number;
}

export interface IoIncidentList {
  incidents: IoIncident[];
  pagination_meta?: IoPaginationMeta;
}

/** GET /v2/schedules: a schedule with its current shifts. */
export interface IoScheduleEntry {
  start_at: string;
  end_at: string;
  user?: IoUser;
  entry_id?: string;
  layer_id?: string;
  rotation_id?: string;
}

export interface IoSchedule {
  id: string;
  name: string;
  timezone?: string;
  permalink?: string;
  current_shifts?: IoScheduleEntry[];
}

export interface IoScheduleList {
  schedules: IoSchedule[];
  pagination_meta?: IoPaginationMeta;
}

/** GET /v1/identity: the API key's name and roles. */
export interface IoIdentity {
  identity: { name: string; roles: string[]; dashboard_url?: string };
}

/** Error answers: {"type": "authentication_error", "status": 401, "errors": [{"code", "message"}]}. */
export interface IoErrorBody {
  type?: string;
  status?: number;
  request_id?: string;
  errors?: Array<{ code?: string; message?: string; source?: { field?: string } }>;
}
