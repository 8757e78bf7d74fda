-- The scorecard per team over the whole range: the four keys, rework rate, levels (2023 table) and the DORA
-- score (2025 Quick Check). Deployment frequency is per wall-clock day of the range; deployment days per week
-- is the median over the Monday weeks overlapping the range of the distinct days with a deployment. A service
-- several teams own counts in each owner's row.

CREATE TEMP TABLE team_deps AS
SELECT coalesce(o.team, '(unknown)') AS grp, r.* FROM in_range r LEFT JOIN owners o ON o.service = r.service;

CREATE TEMP TABLE team_leads AS
SELECT coalesce(o.team, '(unknown)') AS grp, l.lead_ms
FROM lead_times l LEFT JOIN owners o ON o.service = l.service
WHERE l.finished_at >= ${from} AND l.finished_at < ${to};

CREATE TEMP TABLE team_restores AS
SELECT coalesce(o.team, '(unknown)') AS grp, i.restore_ms
FROM incident_durations i LEFT JOIN owners o ON o.service = i.grp_service
WHERE i.restore_ms IS NOT NULL AND i.start_at >= ${from} AND i.start_at < ${to};

CREATE TEMP TABLE team_stats AS
WITH groups AS (
  SELECT grp FROM team_deps
  UNION SELECT grp FROM team_leads
  UNION SELECT grp FROM team_restores
),
deploy AS (
  SELECT grp, count(*) AS deployments,
         count(*) FILTER (WHERE failed) AS failed,
         count(*) FILTER (WHERE is_rework) AS rework,
         quantile_cont(recovery_ms, 0.5) AS recovery_median
  FROM team_deps GROUP BY grp
),
days AS (
  SELECT g.grp, quantile_cont(coalesce(d.n, 0), 0.5) AS days_per_week
  FROM groups g CROSS JOIN weeks w
  LEFT JOIN (SELECT grp, week, count(DISTINCT day_of(finished_at)) AS n FROM team_deps GROUP BY ALL) d
    ON d.grp = g.grp AND d.week = w.week
  GROUP BY g.grp
),
lead AS (
  SELECT grp, quantile_cont(lead_ms, 0.5) AS lead_median FROM team_leads GROUP BY ALL
),
restore AS (
  SELECT grp, quantile_cont(restore_ms, 0.5) AS restore_median FROM team_restores GROUP BY ALL
)
SELECT g.grp,
       coalesce(d.deployments, 0) AS deployments,
       coalesce(d.deployments, 0) / ((${to} - ${from}) / 86400000.0) AS per_day,
       coalesce(d.deployments, 0) / ((${to} - ${from}) / 86400000.0) * 7 AS per_week,
       y.days_per_week,
       l.lead_median,
       CASE WHEN coalesce(d.deployments, 0) > 0 THEN d.failed / d.deployments END AS change_fail_rate,
       d.recovery_median,
       r.restore_median,
       CASE WHEN coalesce(d.deployments, 0) > 0 THEN d.rework / d.deployments END AS rework_rate
FROM groups g
LEFT JOIN deploy d USING (grp)
LEFT JOIN days y USING (grp)
LEFT JOIN lead l USING (grp)
LEFT JOIN restore r USING (grp);

CREATE OR REPLACE TEMP MACRO duration_level(ms) AS CASE
  WHEN ms IS NULL THEN NULL WHEN ms < 86400000 THEN 'elite' WHEN ms < 7 * 86400000 THEN 'high'
  WHEN ms < 30 * 86400000 THEN 'medium' ELSE 'low' END;
CREATE OR REPLACE TEMP MACRO recovery_level(ms) AS CASE
  WHEN ms IS NULL THEN NULL WHEN ms < 3600000 THEN 'elite' WHEN ms < 86400000 THEN 'high'
  WHEN ms < 7 * 86400000 THEN 'medium' ELSE 'low' END;
CREATE OR REPLACE TEMP MACRO frequency_level(per_day) AS CASE
  WHEN per_day >= 1 THEN 'elite' WHEN per_day >= 1 / 7 THEN 'high' WHEN per_day >= 1 / 30 THEN 'medium' ELSE 'low' END;
CREATE OR REPLACE TEMP MACRO rate_level(rate) AS CASE
  WHEN rate IS NULL THEN NULL WHEN rate <= 0.05 THEN 'elite' WHEN rate <= 0.1 THEN 'high'
  WHEN rate <= 0.15 THEN 'medium' ELSE 'low' END;
CREATE OR REPLACE TEMP MACRO duration_score(ms) AS CASE
  WHEN ms IS NULL THEN NULL WHEN ms < 3600000 THEN 10 WHEN ms < 86400000 THEN 8 WHEN ms < 7 * 86400000 THEN 6
  WHEN ms < 30 * 86400000 THEN 4 WHEN ms < 180 * 86400000 THEN 2 ELSE 0 END;
CREATE OR REPLACE TEMP MACRO frequency_score(per_day) AS CASE
  WHEN per_day >= 1 THEN 10 WHEN per_day >= 3 / 7 THEN 8 WHEN per_day >= 1 / 7 THEN 6 WHEN per_day >= 1 / 30 THEN 4
  WHEN per_day >= 1 / 180 THEN 2 ELSE 0 END;
CREATE OR REPLACE TEMP MACRO rate_score(rate) AS CASE WHEN rate IS NOT NULL THEN least(10, greatest(0, 10 - (rate * 100) / 10)) END;
-- Mean of the known scores (null when none is known), adding in the engine's order.
CREATE OR REPLACE TEMP MACRO mean_known3(a, b, c) AS CASE
  WHEN a IS NULL AND b IS NULL AND c IS NULL THEN NULL
  ELSE (coalesce(a, 0) + coalesce(b, 0) + coalesce(c, 0)) /
       ((a IS NOT NULL)::INTEGER + (b IS NOT NULL)::INTEGER + (c IS NOT NULL)::INTEGER) END;

CREATE TEMP TABLE scorecard AS
SELECT *,
       frequency_level(per_day) AS level_deployment_frequency,
       duration_level(lead_median) AS level_lead_time,
       rate_level(change_fail_rate) AS level_change_fail_rate,
       recovery_level(recovery_median) AS level_recovery_time,
       mean_known3(duration_score(lead_median), frequency_score(per_day), duration_score(recovery_median)) AS throughput,
       mean_known3(rate_score(change_fail_rate), rate_score(rework_rate), NULL) AS instability
FROM team_stats;
