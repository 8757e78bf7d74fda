/**
 * Events files served over HTTP as a source: each configured URL is read through its plugin.json route
 * (`events/N`, or `events-auth/N` with the bearer token), validated exactly as the `dora` command validates a
 * file, and its valid events used. Conditional requests (ETag / Last-Modified) make an unchanged file cost a
 * 304 and hand back the very same events object, so attribution is not redone either. One file's failure is
 * a notice; the other files still count.
 */
import { DoraEvents, Instant, mergeEvents, messageOf, TimeRange } from '../../engine';
import { abortError } from '../abort';
import { BoundedMap } from '../boundedMap';
import { HttpClient, HttpResponse } from '../http';
import { EventSource, HealthCheckItem, SourceNotice, SourceResult } from '../types';
import { ParsedEvents, parseEventsJson } from './parse';
import {
  EventsUrlSettings,
  MAX_EVENTS_FILE_MB,
  resolveEventsUrlSettings,
  ResolvedEventsUrl,
  ResolvedEventsUrlSettings,
} from '../../settings/eventsUrl';

const SOURCE = 'events URL';
const MB = 1024 * 1024;
/** Problems listed in a notice; the rest are counted. */
const LISTED_PROBLEMS = 5;

export interface EventsUrlSourceOptions {
  http: HttpClient;
  /** Data source base URL (instanceSettings.url, empty on the server); the routes hang below it. */
  proxyUrl: string;
  settings: EventsUrlSettings | undefined;
  /** Whether a bearer token is stored: the files are then read through the `events-auth/N` routes. */
  hasToken: boolean;
  now?: () => Instant;
  /** Per URL what the last 200 said (default: shared by the instances of this page or runtime, bounded). */
  files?: FileCache;
}

/** One file as last read: its validators and its parsed, validated events. */
interface CachedFile {
  etag?: string;
  lastModified?: string;
  read: FileRead;
}

/** A file read and validated. */
interface FileRead {
  events: DoraEvents;
  /** Problems of the file (path, value, fix), at most MAX_ERRORS plus a count. */
  errors: string[];
  /** Items left out because they are invalid. */
  dropped: number;
  /** Items in the file. */
  total: number;
}

export type FileCache = BoundedMap<string, CachedFile>;

const sharedFiles: FileCache = new BoundedMap(20);

/** A file that could not be used at all: the message names the file and the fix. */
export class EventsFileError extends Error {}

export class EventsUrlSource implements EventSource {
  readonly name = 'events-url';
  private readonly files: FileCache;

  constructor(private readonly options: EventsUrlSourceOptions) {
    this.files = options.files ?? sharedFiles;
  }

  /** The whole of every file (an events file is one document; the engine selects the range). */
  async fetchEvents(_range: TimeRange, signal?: AbortSignal): Promise<SourceResult> {
    const settings = resolveEventsUrlSettings(this.options.settings);
    const reads = await Promise.all(
      settings.urls.map((file) =>
        this.read(file, settings, signal).then(
          (read) => ({ file, read, error: undefined }),
          (error: unknown) => ({ file, read: undefined, error })
        )
      )
    );
    if (signal?.aborted) {
      throw abortError();
    }
    const notices: SourceNotice[] = [];
    const used: DoraEvents[] = [];
    const failures: string[] = [];
    for (const { file, read, error } of reads) {
      if (!read) {
        const message = messageOf(error);
        failures.push(message);
        notices.push({ severity: 'error', text: `${message} The other sources' data is shown.` });
        continue;
      }
      used.push(read.events);
      const notice = problemsNotice(file, read);
      if (notice) {
        notices.push(notice);
      }
    }
    if (used.length === 0) {
      throw new Error(failures.join(' '));
    }
    return { events: used.length === 1 ? used[0] : mergeEvents(used), notices };
  }

  async healthCheck(signal?: AbortSignal): Promise<HealthCheckItem[]> {
    let settings: ResolvedEventsUrlSettings;
    try {
      settings = resolveEventsUrlSettings(this.options.settings);
    } catch (e) {
      return [{ source: SOURCE, status: 'error', message: messageOf(e) }];
    }
    return Promise.all(
      settings.urls.map(async (file): Promise<HealthCheckItem> => {
        try {
          const read = await this.read(file, settings, signal);
          const e = read.events;
          const counts =
            `${e.deployments.length} deployments, ${e.changes.length} changes, ${e.incidents.length} incidents, ` +
            `${e.pipelineRuns.length} pipeline runs`;
          const notice = problemsNotice(file, read);
          return notice
            ? { source: SOURCE, status: 'warning', message: `${file.label}: ${counts} used. ${notice.text}` }
            : { source: SOURCE, status: 'ok', message: `${file.label}: a valid events file, ${counts}.` };
        } catch (e) {
          if (signal?.aborted) {
            throw e;
          }
          return { source: SOURCE, status: 'error', message: messageOf(e) };
        }
      })
    );
  }

  /** The file at `file`, revalidated with the last ETag / Last-Modified; a 304 reuses the last read. */
  private async read(
    file: ResolvedEventsUrl,
    settings: ResolvedEventsUrlSettings,
    outer?: AbortSignal
  ): Promise<FileRead> {
    const route = `${this.options.proxyUrl}/${this.options.hasToken ? 'events-auth' : 'events'}/${file.index}`;
    const key = `${route}|${file.url}`;
    const cached = this.files.get(key);
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (cached?.etag) {
      headers['If-None-Match'] = cached.etag;
    }
    if (cached?.lastModified) {
      headers['If-Modified-Since'] = cached.lastModified;
    }
    const { signal, done, timedOut } = withTimeout(outer, settings.timeoutMs);
    let response: HttpResponse;
    try {
      response = await this.options.http.request({ method: 'GET', url: route, headers, signal, responseType: 'text' });
    } catch (e) {
      if (timedOut()) {
        throw new EventsFileError(
          `Events file ${file.label} did not arrive within ${settings.timeoutMs / 1000} s; ` +
            'check that Grafana can reach it, or raise the timeout in the data source settings.'
        );
      }
      if (outer?.aborted) {
        throw abortError();
      }
      throw new EventsFileError(`Events file ${file.label} could not be read: ${messageOf(e)}`);
    } finally {
      done();
    }
    if (response.status === 304 && cached) {
      return cached.read;
    }
    if (response.status !== 200) {
      throw new EventsFileError(`Events file ${file.label}: ${statusProblem(response.status, this.options.hasToken)}`);
    }
    const read = readFile(file, response);
    const etag = response.headers['etag'];
    const lastModified = response.headers['last-modified'];
    if (etag || lastModified) {
      this.files.set(key, { etag, lastModified, read });
    } else {
      this.files.delete(key);
    }
    return read;
  }
}

/** Validates a 200's body as an events file; too large or not an events file at all is an error. */
function readFile(file: ResolvedEventsUrl, response: HttpResponse): FileRead {
  const declared = Number(response.headers['content-length']);
  const body = response.data;
  const size = typeof body === 'string' ? body.length : isFinite(declared) ? declared : 0;
  if (size > MAX_EVENTS_FILE_MB * MB) {
    throw new EventsFileError(
      `Events file ${file.label} is ${(size / MB).toFixed(1)} MB, more than the ${MAX_EVENTS_FILE_MB} MB ` +
        'this data source reads; split it (one file per team or year) or keep events in a database and read them ' +
        'through a Grafana data source.'
    );
  }
  if (body === undefined || body === null || body === '') {
    throw new EventsFileError(
      `Events file ${file.label} is empty; it must hold a JSON object (docs/events-format.md).`
    );
  }
  const root = typeof body === 'string' ? parseJson(file, body) : body;
  const parsed: ParsedEvents = parseEventsJson(root);
  const total = itemCount(root);
  const kept = itemCount(parsed.events);
  if (parsed.errors.length > 0 && kept === 0 && total === 0) {
    throw new EventsFileError(`Events file ${file.label} is not an events file: ${parsed.errors.join('; ')}`);
  }
  return { events: parsed.events, errors: parsed.errors, dropped: total - kept, total };
}

/** JSON text to a value, with the line and column of a syntax error (the CLI's message). */
function parseJson(file: ResolvedEventsUrl, text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    const parsed = parseEventsJson(text);
    throw new EventsFileError(`Events file ${file.label}: ${parsed.errors.join('; ')}`);
  }
}

/** Items of the four lists (and catalog services) of a file's JSON value or of parsed events. */
function itemCount(root: unknown): number {
  if (root === null || typeof root !== 'object' || Array.isArray(root)) {
    return 0;
  }
  const record = root as Record<string, unknown>;
  let n = 0;
  for (const key of ['deployments', 'changes', 'incidents', 'pipelineRuns']) {
    const list = record[key];
    n += Array.isArray(list) ? list.length : 0;
  }
  return n;
}

function problemsNotice(file: ResolvedEventsUrl, read: FileRead): SourceNotice | undefined {
  if (read.errors.length === 0) {
    return undefined;
  }
  const listed = read.errors.slice(0, LISTED_PROBLEMS);
  const more = read.errors.length - listed.length;
  const left =
    read.dropped > 0
      ? `${read.dropped} of ${read.total} events are invalid and left out`
      : 'some content is invalid and left out';
  return {
    severity: 'warning',
    text:
      `Events file ${file.label}: ${left} (the valid ones are used). ${listed.join('; ')}` +
      `${more > 0 ? `; and ${more} more lines of problems` : ''}. Fix the file (docs/events-format.md); ` +
      '`npm run dora -- --events FILE` lists every problem.',
  };
}

function statusProblem(status: number, hasToken: boolean): string {
  if (status === 401 || status === 403) {
    return hasToken
      ? `the server refused the bearer token (HTTP ${status}); check the token in the data source settings.`
      : `the server asks for credentials (HTTP ${status}); enter a bearer token in the data source settings.`;
  }
  if (status === 404) {
    return 'not found (HTTP 404); check the URL in the data source settings.';
  }
  if (status === 413) {
    return `too large (HTTP 413); this data source reads files of up to ${MAX_EVENTS_FILE_MB} MB.`;
  }
  if (status === 429) {
    return 'the server asks to slow down (HTTP 429); try again later or refresh less often.';
  }
  if (status >= 500) {
    return `the server failed (HTTP ${status}); try again later.`;
  }
  if (status === 0) {
    return 'no response; check the URL and that Grafana can reach it.';
  }
  return `unexpected answer HTTP ${status}; the URL must serve the file itself (docs/events-format.md).`;
}

/** A signal that aborts with `outer` or after `ms`. */
function withTimeout(
  outer: AbortSignal | undefined,
  ms: number
): { signal: AbortSignal; done: () => void; timedOut: () => boolean } {
  const controller = new AbortController();
  let expired = false;
  const timer = setTimeout(() => {
    expired = true;
    controller.abort();
  }, ms);
  const onAbort = () => controller.abort();
  outer?.addEventListener('abort', onAbort);
  if (outer?.aborted) {
    controller.abort();
  }
  return {
    signal: controller.signal,
    done: () => {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onAbort);
    },
    timedOut: () => expired,
  };
}
