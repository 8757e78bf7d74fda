/**
 * The service catalog from the data source settings (YAML). Parsing is forgiving about shape (a list of
 * services or a map keyed by name; a repository as "owner/name" or { repo, paths }), strict about types,
 * and reports every problem with its line instead of throwing.
 *
 *   services:
 *     - name: checkout
 *       team: payments                # or several owners: teams: [payments, platform]
 *       repositories: [acme/checkout, { repo: acme/monorepo, paths: [services/checkout] }]
 *       pipelines: [deploy-checkout]
 *       environments: [production]
 *       incidentServices: [Checkout API]
 *       runbook: https://wiki.example.com/runbooks/checkout
 *       objective: { availability: 99.9%, window: 30d }
 */
import { isMap, isScalar, isSeq, LineCounter, Node, Pair, parseDocument, YAMLMap } from 'yaml';
import {
  AvailabilityObjective,
  CatalogRepository,
  CatalogService,
  MAX_OBJECTIVE_WINDOW_DAYS,
  ServiceCatalog,
} from '../engine';

export interface CatalogError {
  /** 1-based line in the YAML text, where known. */
  line?: number;
  message: string;
}

export interface CatalogParseResult {
  /** Absent when the text is empty or so broken that no service could be read. */
  catalog?: ServiceCatalog;
  errors: CatalogError[];
}

const SERVICE_KEYS = [
  'name',
  'team',
  'teams',
  'repositories',
  'pipelines',
  'environments',
  'incidentServices',
  'runbook',
  'objective',
];
const OBJECTIVE_KEYS = ['availability', 'window'];
/** The window of an objective that names none. */
export const DEFAULT_OBJECTIVE_WINDOW_DAYS = 30;
const STRING_LIST_KEYS: Array<'pipelines' | 'environments' | 'incidentServices'> = [
  'pipelines',
  'environments',
  'incidentServices',
];

export function parseCatalogYaml(text: string | undefined): CatalogParseResult {
  if (!text || text.trim() === '') {
    return { errors: [] };
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const errors: CatalogError[] = doc.errors.map((e) => ({
    line: lines.linePos(e.pos[0]).line,
    message: `Catalog YAML is not valid: ${firstLine(e.message)}`,
  }));
  if (errors.length > 0) {
    return { errors };
  }
  const reader = new CatalogReader(lines, errors);
  const services = reader.services(doc.contents);
  return { catalog: services ? { services } : undefined, errors };
}

class CatalogReader {
  constructor(
    private readonly lines: LineCounter,
    private readonly errors: CatalogError[]
  ) {}

  services(root: unknown): CatalogService[] | undefined {
    if (root === null || root === undefined || (isScalar(root) && root.value === null)) {
      return undefined;
    }
    if (!isMap(root)) {
      this.fail(root, 'The catalog must be a mapping with a "services" key, e.g. "services:\\n  - name: checkout".');
      return undefined;
    }
    for (const pair of root.items) {
      const key = keyOf(pair);
      if (key !== 'services') {
        this.fail(pair.key, `Unknown top-level key "${key}" in the catalog; only "services" is read.`);
      }
    }
    const list = root.get('services', true);
    if (list === undefined) {
      this.fail(root, 'The catalog has no "services" key; add "services:" with one entry per service.');
      return undefined;
    }
    const out: CatalogService[] = [];
    if (isSeq(list)) {
      list.items.forEach((item) => this.pushService(out, item, undefined));
    } else if (isMap(list)) {
      for (const pair of list.items) {
        this.pushService(out, pair.value, keyOf(pair));
      }
    } else {
      this.fail(list, '"services" must be a list of services (or a map keyed by service name).');
      return undefined;
    }
    const seen = new Set<string>();
    for (const service of out) {
      if (seen.has(service.name)) {
        this.errors.push({ message: `Service "${service.name}" appears twice in the catalog; keep one entry.` });
      }
      seen.add(service.name);
    }
    return out;
  }

  private pushService(out: CatalogService[], node: unknown, nameFromKey: string | undefined): void {
    const service = this.service(node, nameFromKey);
    if (service) {
      out.push(service);
    }
  }

  private service(node: unknown, nameFromKey: string | undefined): CatalogService | undefined {
    if (!isMap(node)) {
      if (nameFromKey && (node === null || (isScalar(node) && node.value === null))) {
        return { name: nameFromKey };
      }
      this.fail(node, 'Each service must be a mapping such as "{ name: checkout, team: payments }".');
      return undefined;
    }
    for (const pair of node.items) {
      const key = keyOf(pair);
      if (SERVICE_KEYS.indexOf(key) < 0) {
        this.fail(pair.key, `Unknown service key "${key}"; expected one of ${SERVICE_KEYS.join(', ')}.`);
      }
    }
    const name = nameFromKey ?? this.string(node, 'name');
    if (!name) {
      this.fail(node, 'A service has no name; add "name: <service>".');
      return undefined;
    }
    const service: CatalogService = { name };
    const team = this.string(node, 'team');
    if (team) {
      service.team = team;
    }
    // Several owning teams: the service counts in each one's group (team totals may then exceed the whole).
    const teams = this.stringList(node, 'teams');
    if (teams) {
      const owners = teams.map((t) => t.trim()).filter((t) => t !== '' && t !== team);
      if (owners.length > 0) {
        service.teams = owners;
      }
    }
    const repositories = this.repositories(node);
    if (repositories) {
      service.repositories = repositories;
    }
    for (const key of STRING_LIST_KEYS) {
      const list = this.stringList(node, key);
      if (list) {
        service[key] = list;
      }
    }
    const runbook = this.runbook(node, name);
    if (runbook) {
      service.runbook = runbook;
    }
    const objective = this.objective(node, name);
    if (objective) {
      service.objective = objective;
    }
    return service;
  }

  /** An http(s) URL; anything else is reported with the service, the value and the fix. */
  private runbook(service: YAMLMap, name: string): string | undefined {
    const node = service.get('runbook', true);
    const value = this.string(service, 'runbook');
    if (value === undefined) {
      return undefined;
    }
    if (!/^https?:\/\/[^\s/]+/i.test(value)) {
      this.fail(
        node,
        `"runbook" of service "${name}" is "${value}", not a web address; ` +
          'write the full URL, e.g. "runbook: https://wiki.example.com/runbooks/checkout".'
      );
      return undefined;
    }
    return value;
  }

  /** "{ availability: 99.9%, window: 30d }" (availability in percent, window in days, default 30d). */
  private objective(service: YAMLMap, name: string): AvailabilityObjective | undefined {
    const node = service.get('objective', true);
    if (node === undefined) {
      return undefined;
    }
    const example = 'e.g. "objective: { availability: 99.9%, window: 30d }"';
    if (!isMap(node)) {
      this.fail(node, `"objective" of service "${name}" must be a mapping, ${example}.`);
      return undefined;
    }
    for (const pair of node.items) {
      const key = keyOf(pair);
      if (OBJECTIVE_KEYS.indexOf(key) < 0) {
        this.fail(
          pair.key,
          `Unknown objective key "${key}" in service "${name}"; expected ${OBJECTIVE_KEYS.join(', ')}.`
        );
      }
    }
    const availabilityNode = node.get('availability', true);
    if (availabilityNode === undefined) {
      this.fail(node, `The objective of service "${name}" has no availability; add it, ${example}.`);
      return undefined;
    }
    const raw = isScalar(availabilityNode) ? availabilityNode.value : undefined;
    const percent = numberOf(raw, '%');
    if (percent === undefined || !(percent > 0 && percent < 100)) {
      this.fail(
        availabilityNode,
        `"availability" of service "${name}" is ${quote(raw)}; use a percentage above 0 and below 100, ` +
          'e.g. "99.9%" (100% would allow no downtime at all).'
      );
      return undefined;
    }
    const windowNode = node.get('window', true);
    let windowDays = DEFAULT_OBJECTIVE_WINDOW_DAYS;
    if (windowNode !== undefined) {
      const rawWindow = isScalar(windowNode) ? windowNode.value : undefined;
      const days = numberOf(rawWindow, 'd');
      if (days === undefined || !(days >= 1 && days <= MAX_OBJECTIVE_WINDOW_DAYS)) {
        this.fail(
          windowNode,
          `"window" of the objective of service "${name}" is ${quote(rawWindow)}; use whole days from 1d to ${MAX_OBJECTIVE_WINDOW_DAYS}d, e.g. "30d".`
        );
        return undefined;
      }
      windowDays = days;
    }
    return { target: Math.round(percent * 1e6) / 1e8, windowDays };
  }

  private repositories(service: YAMLMap): CatalogRepository[] | undefined {
    const node = service.get('repositories', true);
    if (node === undefined) {
      return undefined;
    }
    if (!isSeq(node)) {
      this.fail(node, '"repositories" must be a list, e.g. "[acme/checkout]".');
      return undefined;
    }
    const out: CatalogRepository[] = [];
    for (const item of node.items) {
      if (isScalar(item) && typeof item.value === 'string' && item.value.trim()) {
        out.push({ repo: item.value.trim() });
      } else if (isMap(item)) {
        const repo = this.string(item, 'repo');
        if (!repo) {
          this.fail(item, 'A repository entry needs "repo: owner/name".');
          continue;
        }
        const paths = this.stringList(item, 'paths');
        out.push(paths ? { repo, paths } : { repo });
      } else {
        this.fail(item, 'A repository must be "owner/name" or "{ repo: owner/name, paths: [dir/] }".');
      }
    }
    return out;
  }

  private string(map: YAMLMap, key: string): string | undefined {
    const node = map.get(key, true);
    if (node === undefined) {
      return undefined;
    }
    if (isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number')) {
      const value = String(node.value).trim();
      return value === '' ? undefined : value;
    }
    this.fail(node, `"${key}" must be a text value.`);
    return undefined;
  }

  private stringList(map: YAMLMap, key: string): string[] | undefined {
    const node = map.get(key, true);
    if (node === undefined) {
      return undefined;
    }
    if (isScalar(node) && typeof node.value === 'string') {
      return [node.value];
    }
    if (!isSeq(node)) {
      this.fail(node, `"${key}" must be a list of names, e.g. "[a, b]".`);
      return undefined;
    }
    const out: string[] = [];
    for (const item of node.items) {
      if (isScalar(item) && (typeof item.value === 'string' || typeof item.value === 'number')) {
        out.push(String(item.value));
      } else {
        this.fail(item, `Every entry of "${key}" must be a name.`);
      }
    }
    return out;
  }

  private fail(node: unknown, message: string): void {
    this.errors.push({ line: this.lineOf(node), message });
  }

  private lineOf(node: unknown): number | undefined {
    const range = (node as Node | undefined)?.range;
    return range ? this.lines.linePos(range[0]).line : undefined;
  }
}

function keyOf(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}

/** 99.9, "99.9" or "99.9%" (with suffix "%"); undefined when not a finite number. */
function numberOf(value: unknown, suffix: string): number | undefined {
  if (typeof value === 'number') {
    return isFinite(value) ? value : undefined;
  }
  if (typeof value !== 'string') {
    return undefined;
  }
  const text = value.trim();
  const bare = text.endsWith(suffix) ? text.slice(0, -suffix.length).trim() : text;
  if (!/^\d+(\.\d+)?$/.test(bare)) {
    return undefined;
  }
  return Number(bare);
}

function quote(value: unknown): string {
  return value === undefined || value === null ? 'empty' : `"${String(value)}"`;
}

function firstLine(message: string): string {
  const nl = message.indexOf('\n');
  return nl < 0 ? message : message.slice(0, nl);
}
