/**
 * Starts the query worker: webpack bundles worker.ts as a chunk of its own next to module.js and resolves its URL
 * from the plugin's public path (Grafana's sub path and a plugin CDN included). Undefined where there are no
 * workers (tests); throws where the page may not start one (a Content-Security-Policy, a cross-origin script).
 */
import { fromWorker, WorkerLike } from './workerHost';

export function spawnQueryWorker(): WorkerLike | undefined {
  if (typeof Worker === 'undefined') {
    return undefined;
  }
  // module.js is an AMD module; the worker is a plain script (no library wrapper) that loads its other chunks from
  // its own folder ('auto': the page's public path is set at run time, which the worker does not see).
  const worker = new Worker(
    /* webpackEntryOptions: { library: false, publicPath: "auto" } */ new URL('./worker.ts', import.meta.url),
    { name: 'dora-query-worker' }
  );
  return fromWorker(worker);
}
