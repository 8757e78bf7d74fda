-- The groupings beyond service, weekly (docs/definitions.md#grouping-by-severity-and-label): incidents by their
-- severity; change fail rate and failed deployment recovery time by the severities of a failed deployment's
-- linked incidents (a failure without an incident, or an incident without a severity: '(unknown)'), the
-- denominator being every deployment of the week; lead time by each pull request label of a change ('(unknown)'
-- without one); and a few metrics by team, where a service several teams own counts for each owner.
-- Metrics are named "<metric> by <grouping>". Run after the timed statements, not timed.

CREATE TEMP TABLE grouped (metric VARCHAR, grp VARCHAR, week BIGINT, value DOUBLE, n BIGINT);

INSERT INTO grouped
SELECT metric || ' by severity', sev, week_of(start_at) AS week, quantile_cont(ms, 0.5), count(*)
FROM incident_measures
WHERE ms IS NOT NULL AND start_at >= ${from} AND start_at < ${to}
GROUP BY ALL;

-- Each failed deployment of the range with each distinct severity of its linked incidents.
CREATE TEMP TABLE failure_severities AS
SELECT DISTINCT r.pos, r.week, r.recovery_ms, coalesce(nullif(l.severity, ''), '(unknown)') AS sev
FROM in_range r LEFT JOIN incident_links l ON l.pos = r.pos
WHERE r.failed;

-- Every severity with a failure in the range, in every week with deployments (0 where it had none that week).
INSERT INTO grouped
WITH totals AS (SELECT week, count(*) AS n FROM in_range GROUP BY week),
     hits AS (SELECT sev, week, count(*) AS n FROM failure_severities GROUP BY ALL)
SELECT 'changeFailRate by severity', s.sev, t.week, coalesce(h.n, 0) / t.n, t.n
FROM (SELECT DISTINCT sev FROM failure_severities) s
CROSS JOIN totals t
LEFT JOIN hits h ON h.sev = s.sev AND h.week = t.week;

INSERT INTO grouped
SELECT 'recoveryTime by severity', sev, week, quantile_cont(recovery_ms, 0.5), count(*)
FROM failure_severities WHERE recovery_ms IS NOT NULL GROUP BY ALL;

INSERT INTO grouped
SELECT 'leadTime by label', coalesce(x.label, '(unknown)'), week_of(l.finished_at) AS week,
       quantile_cont(l.lead_ms, 0.5), count(*)
FROM lead_times l
LEFT JOIN (
  SELECT DISTINCT c.cid, x.label FROM commits c JOIN change_labels x ON x.repo = c.repo AND x.sha = c.sha
  WHERE x.label <> ''
) x ON x.cid = l.cid
WHERE l.finished_at >= ${from} AND l.finished_at < ${to}
GROUP BY ALL;

INSERT INTO grouped
SELECT 'deploymentCount by team', coalesce(o.team, '(unknown)'), r.week, count(*), count(*)
FROM in_range r LEFT JOIN owners o ON o.service = r.service GROUP BY ALL;

INSERT INTO grouped
SELECT 'changeFailRate by team', coalesce(o.team, '(unknown)'), r.week,
       count(*) FILTER (WHERE r.failed) / count(*), count(*)
FROM in_range r LEFT JOIN owners o ON o.service = r.service GROUP BY ALL;

INSERT INTO grouped
SELECT 'leadTime by team', coalesce(o.team, '(unknown)'), week_of(l.finished_at) AS week,
       quantile_cont(l.lead_ms, 0.5), count(*)
FROM lead_times l LEFT JOIN owners o ON o.service = l.service
WHERE l.finished_at >= ${from} AND l.finished_at < ${to}
GROUP BY ALL;

INSERT INTO grouped
SELECT 'timeToRestore by team', coalesce(o.team, '(unknown)'), week_of(i.start_at) AS week,
       quantile_cont(i.restore_ms, 0.5), count(*)
FROM incident_durations i LEFT JOIN owners o ON o.service = i.grp_service
WHERE i.restore_ms IS NOT NULL AND i.start_at >= ${from} AND i.start_at < ${to}
GROUP BY ALL;
