/**
 * incident.io settings: defaults and validation, shared by the source (which refuses to run on invalid settings)
 * and the config editor (which shows the same messages as the user types).
 */
import { IncidentIoServiceFrom, IncidentIoSettings } from './model';
import { splitList } from './pagerduty';
import { settingsError, SettingsProblem, timeoutProblem } from './settingsProblem';

/** The API's one host (plugin.json route incidentio/api). */
export const API_URL = 'https://api.incident.io';
export const DEFAULT_TIMEOUT_SECONDS = 30;
export const MODES = ['standard', 'retrospective', 'test', 'tutorial'] as const;
export type IncidentIoMode = (typeof MODES)[number];
/** incident.io's own default: test and tutorial incidents are not incidents. */
export const DEFAULT_MODES: IncidentIoMode[] = ['standard', 'retrospective'];
export const SERVICE_FROM: IncidentIoServiceFrom[] = ['customField', 'incidentType'];
export const DEFAULT_SERVICE_FIELD = 'Affected services';
export const DEFAULT_IMPACT_START = ['Impact started'];
export const DEFAULT_ACKNOWLEDGED = ['Acknowledged', 'Accepted'];
export const DEFAULT_RESOLVED = ['Resolved', 'Closed'];

export interface ResolvedIncidentIoSettings {
  /** Lower-cased names; empty: every incident. */
  severities: string[];
  incidentTypes: string[];
  modes: IncidentIoMode[];
  service: { from: 'customField'; field: string } | { from: 'incidentType' };
  /** Timestamp names in order of preference (as typed; matched by incidentIoName). */
  impactStart: string[];
  acknowledged: string[];
  resolved: string[];
  causeField?: string;
  /** Schedule names or IDs as typed; empty: every schedule. */
  schedules: string[];
  timeoutMs: number;
}

/** How incident.io names are compared: case, spacing and a trailing " at" ignored ("Impact started at" = "impact started"). */
export function incidentIoName(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ').replace(/ at$/, '');
}

export function validateIncidentIoSettings(s: IncidentIoSettings | undefined): SettingsProblem[] {
  const settings = s ?? {};
  const problems: SettingsProblem[] = [];
  for (const mode of splitList(settings.modes)) {
    if ((MODES as readonly string[]).indexOf(mode.toLowerCase()) < 0) {
      problems.push({
        field: 'modes',
        message: `mode "${mode}" is unknown; use ${MODES.join(', ')} (default standard, retrospective).`,
      });
    }
  }
  if (settings.serviceFrom !== undefined && SERVICE_FROM.indexOf(settings.serviceFrom) < 0) {
    problems.push({
      field: 'serviceFrom',
      message: `serviceFrom "${String(settings.serviceFrom)}" is unknown; use customField or incidentType.`,
    });
  }
  const timeout = timeoutProblem(settings.timeoutSeconds);
  return timeout ? problems.concat(timeout) : problems;
}

function names(text: string | undefined, defaults: string[]): string[] {
  const list = splitList(text);
  return list.length > 0 ? list : defaults.slice();
}

/** Settings with defaults applied. Throws an Error listing every problem when they are invalid. */
export function resolveIncidentIoSettings(s: IncidentIoSettings | undefined): ResolvedIncidentIoSettings {
  const problems = validateIncidentIoSettings(s);
  if (problems.length > 0) {
    throw settingsError('incident.io', problems);
  }
  const settings = s ?? {};
  const modes = splitList(settings.modes).map((m) => m.toLowerCase() as IncidentIoMode);
  const causeField = (settings.causeField ?? '').trim();
  return {
    severities: splitList(settings.severities).map(incidentIoName),
    incidentTypes: splitList(settings.incidentTypes).map(incidentIoName),
    modes: modes.length > 0 ? modes : DEFAULT_MODES.slice(),
    service:
      settings.serviceFrom === 'incidentType'
        ? { from: 'incidentType' }
        : { from: 'customField', field: (settings.serviceField ?? '').trim() || DEFAULT_SERVICE_FIELD },
    impactStart: names(settings.impactStartTimestamps, DEFAULT_IMPACT_START),
    acknowledged: names(settings.acknowledgedTimestamps, DEFAULT_ACKNOWLEDGED),
    resolved: names(settings.resolvedTimestamps, DEFAULT_RESOLVED),
    causeField: causeField === '' ? undefined : causeField,
    schedules: splitList(settings.schedules),
    timeoutMs: (settings.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000,
  };
}
