-- Every metric weekly per service (Monday weeks, UTC), over the range [from, to): one row per metric, service
-- and week with items, value and the number of items behind it. Medians are quantile_cont, the engine's
-- percentile definition (linear interpolation between closest ranks).

CREATE TEMP TABLE weeks AS
SELECT w AS week, greatest(w, ${from}) AS lo, least(w + 7 * 86400000, ${to}) AS hi
FROM range(week_of(${from}), ${to}, 7 * 86400000) t(w);

CREATE TEMP TABLE in_range AS
SELECT j.*, week_of(j.finished_at) AS week
FROM judged j WHERE j.finished_at >= ${from} AND j.finished_at < ${to};

CREATE TEMP TABLE weekly (metric VARCHAR, grp VARCHAR, week BIGINT, value DOUBLE, n BIGINT);

INSERT INTO weekly
SELECT 'deploymentCount', service, week, count(*), count(*) FROM in_range GROUP BY ALL;

INSERT INTO weekly
SELECT 'deploymentsPerDay', r.service, r.week, count(*) / ((w.hi - w.lo) / 86400000.0), count(*)
FROM in_range r JOIN weeks w USING (week) GROUP BY r.service, r.week, w.hi, w.lo;

INSERT INTO weekly
SELECT 'deploymentsPerWeek', r.service, r.week, count(*) / ((w.hi - w.lo) / 86400000.0) * 7, count(*)
FROM in_range r JOIN weeks w USING (week) GROUP BY r.service, r.week, w.hi, w.lo;

-- One Monday week per bucket: the median over its weeks is its number of distinct deployment days.
INSERT INTO weekly
SELECT 'deploymentDaysPerWeek', service, week, count(DISTINCT day_of(finished_at)), count(*) FROM in_range GROUP BY ALL;

INSERT INTO weekly
SELECT 'deploymentGap', service, week, quantile_cont(gap, 0.5), count(*)
FROM (
  SELECT service, finished_at, week_of(finished_at) AS week,
         finished_at - lag(finished_at) OVER (PARTITION BY service ORDER BY pos) AS gap
  FROM judged
)
WHERE gap IS NOT NULL AND finished_at >= ${from} AND finished_at < ${to}
GROUP BY ALL;

INSERT INTO weekly
SELECT 'leadTime', service, week_of(finished_at) AS week, quantile_cont(lead_ms, 0.5), count(*)
FROM lead_times WHERE finished_at >= ${from} AND finished_at < ${to} GROUP BY ALL;

INSERT INTO weekly
SELECT 'changeFailRate', service, week, count(*) FILTER (WHERE failed) / count(*), count(*) FROM in_range GROUP BY ALL;

INSERT INTO weekly
SELECT 'reworkRate', service, week, count(*) FILTER (WHERE is_rework) / count(*), count(*) FROM in_range GROUP BY ALL;

INSERT INTO weekly
SELECT 'recoveryTime', service, week, quantile_cont(recovery_ms, 0.5), count(*)
FROM in_range WHERE recovery_ms IS NOT NULL GROUP BY ALL;

INSERT INTO weekly
SELECT 'deploymentDuration', service, week, quantile_cont(finished_at - started_at, 0.5), count(*)
FROM in_range WHERE started_at IS NOT NULL AND finished_at >= started_at GROUP BY ALL;

-- Days since the last deployment, as of each week's end (clipped to the range): the latest one may be before it.
INSERT INTO weekly
SELECT 'daysSinceLastDeployment', d.service, w.week, (w.hi - max(d.finished_at)) / 86400000.0, 1
FROM weeks w JOIN deps d ON d.finished_at < w.hi
GROUP BY d.service, w.week, w.hi;

-- Failed attempts (not cancelled ones) against all finished attempts.
INSERT INTO weekly
SELECT 'deployAttemptFailureRate', service, week_of(finished_at) AS week, sum(hit) / count(*), count(*)
FROM (
  SELECT service, finished_at, 0 AS hit FROM deps
  UNION ALL SELECT service, finished_at, 1 FROM failed_attempts WHERE status = 'failure'
)
WHERE finished_at >= ${from} AND finished_at < ${to}
GROUP BY ALL;

INSERT INTO weekly
SELECT metric, grp_service, week_of(start_at) AS week, quantile_cont(ms, 0.5), count(*)
FROM incident_measures
WHERE ms IS NOT NULL AND start_at >= ${from} AND start_at < ${to}
GROUP BY ALL;

-- Mean time between failures: (bucket - impaired time) / incidents starting in it. Impaired time is the union
-- of the group's incidents [start, resolved or range end), merged where they overlap or touch.
INSERT INTO weekly
WITH spans AS (
  SELECT grp_service, start_at, coalesce(resolved_at, ${to}) AS end_at FROM incident_durations
  WHERE coalesce(resolved_at, ${to}) > start_at
),
marked AS (
  SELECT *, CASE WHEN start_at <= max(end_at) OVER (PARTITION BY grp_service ORDER BY start_at, end_at
                                                     ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
                 THEN 0 ELSE 1 END AS opens
  FROM spans
),
islands AS (
  SELECT grp_service, min(start_at) AS island_start, max(end_at) AS island_end
  FROM (SELECT *, sum(opens) OVER (PARTITION BY grp_service ORDER BY start_at, end_at) AS island FROM marked)
  GROUP BY grp_service, island
),
counts AS (
  SELECT grp_service, week_of(start_at) AS week, count(*) AS n
  FROM incident_durations WHERE start_at >= ${from} AND start_at < ${to} GROUP BY ALL
)
SELECT 'meanTimeBetweenFailures', c.grp_service, c.week,
       (w.hi - w.lo - coalesce(sum(greatest(0, least(w.hi, i.island_end) - greatest(w.lo, i.island_start))), 0)) / c.n,
       c.n
FROM counts c
JOIN weeks w USING (week)
LEFT JOIN islands i ON i.grp_service = c.grp_service AND i.island_start < w.hi AND i.island_end > w.lo
GROUP BY c.grp_service, c.week, c.n, w.hi, w.lo;
