/**
 * PagerDuty settings: defaults and validation, shared by the source (which refuses to run on invalid settings)
 * and the config editor (which shows the same messages as the user types).
 */
import { PagerDutyServiceScope, PagerDutySettings } from './model';

export const DEFAULT_API_URL = 'https://api.pagerduty.com';
export const EU_API_URL = 'https://api.eu.pagerduty.com';
export const DEFAULT_TIMEOUT_SECONDS = 30;
export const URGENCIES = ['high', 'low'] as const;
export type Urgency = (typeof URGENCIES)[number];
export const SERVICE_SCOPES: PagerDutyServiceScope[] = ['all', 'services', 'teams'];

export interface ResolvedPagerDutySettings {
  apiUrl: string;
  scope: PagerDutyServiceScope;
  /** IDs or names as typed ('services' scope). */
  services: string[];
  /** IDs or names as typed ('teams' scope). */
  teams: string[];
  urgencies: Urgency[];
  /** Lower-cased priority names; empty: every incident. */
  priorities: string[];
  severityFrom: 'priority' | 'urgency';
  timeoutMs: number;
}

export interface SettingsProblem {
  field: string;
  message: string;
}

/** "a, b\nc" -> ["a", "b", "c"] */
export function splitList(text: string | undefined): string[] {
  return (text ?? '')
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '' && s.charAt(0) !== '#');
}

export function validatePagerDutySettings(s: PagerDutySettings | undefined): SettingsProblem[] {
  const settings = s ?? {};
  const problems: SettingsProblem[] = [];
  const url = (settings.apiUrl ?? '').trim();
  if (url === '') {
    problems.push({
      field: 'apiUrl',
      message: `apiUrl is empty; set ${DEFAULT_API_URL} or, for EU accounts, ${EU_API_URL} (Grafana's proxy route reads it).`,
    });
  } else if (!/^https:\/\/[^\s/]+\/?$/i.test(url)) {
    problems.push({
      field: 'apiUrl',
      message: `apiUrl "${settings.apiUrl}" is not an https API URL; use ${DEFAULT_API_URL} or, for EU accounts, ${EU_API_URL}.`,
    });
  }
  const scope = settings.serviceScope ?? 'all';
  if (SERVICE_SCOPES.indexOf(scope) < 0) {
    problems.push({
      field: 'serviceScope',
      message: `serviceScope "${scope}" is unknown; use one of ${SERVICE_SCOPES.join(', ')}.`,
    });
  }
  if (scope === 'services' && splitList(settings.services).length === 0) {
    problems.push({
      field: 'services',
      message: 'no service listed; add service IDs (e.g. PIJ90N7) or names, or read all services.',
    });
  }
  if (scope === 'teams' && splitList(settings.teams).length === 0) {
    problems.push({
      field: 'teams',
      message: 'no team listed; add team IDs (e.g. PQ9K7I8) or names, or read all services.',
    });
  }
  const urgencies = splitList(settings.urgencies);
  for (const u of urgencies) {
    if ((URGENCIES as readonly string[]).indexOf(u.toLowerCase()) < 0) {
      problems.push({ field: 'urgencies', message: `urgency "${u}" is unknown; use high, low or both.` });
    }
  }
  if (
    settings.severityFrom !== undefined &&
    settings.severityFrom !== 'priority' &&
    settings.severityFrom !== 'urgency'
  ) {
    problems.push({
      field: 'severityFrom',
      message: `severityFrom "${String(settings.severityFrom)}" is unknown; use priority or urgency.`,
    });
  }
  const timeout = settings.timeoutSeconds;
  if (timeout !== undefined && (typeof timeout !== 'number' || !(timeout > 0) || timeout > 600)) {
    problems.push({ field: 'timeoutSeconds', message: `timeoutSeconds ${String(timeout)} must be between 1 and 600.` });
  }
  return problems;
}

/** Settings with defaults applied. Throws an Error listing every problem when they are invalid. */
export function resolvePagerDutySettings(s: PagerDutySettings | undefined): ResolvedPagerDutySettings {
  const problems = validatePagerDutySettings(s);
  if (problems.length > 0) {
    throw new Error(`PagerDuty settings are invalid: ${problems.map((p) => `${p.field}: ${p.message}`).join(' ')}`);
  }
  const settings = s ?? {};
  const urgencies = splitList(settings.urgencies).map((u) => u.toLowerCase() as Urgency);
  return {
    apiUrl: (settings.apiUrl ?? '').trim().replace(/\/+$/, ''),
    scope: settings.serviceScope ?? 'all',
    services: splitList(settings.services),
    teams: splitList(settings.teams),
    urgencies: urgencies.length > 0 ? urgencies : URGENCIES.slice(),
    priorities: splitList(settings.priorities).map((p) => p.toLowerCase()),
    severityFrom: settings.severityFrom ?? 'priority',
    timeoutMs: (settings.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000,
  };
}
