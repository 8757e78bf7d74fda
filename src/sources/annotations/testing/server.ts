/**
 * A fake of Grafana's GET /api/annotations on loopback, filtering as Grafana does: time range (an annotation
 * overlapping [from, to]), all tags (matchAny=false), dashboardUID, type=annotation, newest first by end then
 * start, at most `limit`. Requests are logged (and any Authorization header with them, to prove none is sent).
 */
import { GrafanaAnnotation } from '../apiTypes';
import { Loopback, startLoopback } from '../../testing/loopback';

export interface FakeGrafanaAnnotations extends Loopback {
  annotations: GrafanaAnnotation[];
}

export async function startFakeGrafanaAnnotations(
  annotations: GrafanaAnnotation[],
  prefix = ''
): Promise<FakeGrafanaAnnotations> {
  const loopback = await startLoopback((r) => {
    if (r.method !== 'GET' || r.path !== `${prefix}/api/annotations`) {
      return { status: 404, body: { message: 'Not found' } };
    }
    const from = Number(r.query.get('from') ?? 0);
    const to = Number(r.query.get('to') ?? Number.MAX_SAFE_INTEGER);
    const limit = Number(r.query.get('limit') ?? 100);
    const tags = r.query.getAll('tags');
    const uid = r.query.get('dashboardUID');
    const found = fake.annotations
      .filter((a) => a.time <= to && (a.timeEnd ?? a.time) >= from)
      .filter((a) => tags.every((t) => (a.tags ?? []).indexOf(t) >= 0))
      .filter((a) => !uid || a.dashboardUID === uid)
      .sort((x, y) => (y.timeEnd ?? y.time) - (x.timeEnd ?? x.time) || y.time - x.time)
      .slice(0, limit);
    return { status: 200, body: found };
  });
  const fake: FakeGrafanaAnnotations = Object.assign(loopback, { annotations });
  return fake;
}
