-- Per deployment: failed, rework, and for failed ones the recovery (docs/definitions.md#failed-deployment-recovery-time):
-- restored - failure start. Failure start = the earliest impact start of its linked incidents, else its
-- finish. Restored = the earliest of a linked incident resolved and the finish of a rollback or fix deployment
-- (the deployment wins a tie). A restore before the failure start gives no recovery time.

CREATE TEMP TABLE judged AS
WITH incident_times AS (
  SELECT pos, min(start_at) AS first_start, min(resolved_at) AS first_resolved
  FROM incident_links WHERE pos IS NOT NULL GROUP BY pos
),
fixer_times AS (
  SELECT x.failed AS pos, min(d.finished_at) AS first_fix
  FROM fixes x JOIN deps d ON d.pos = x.fixer GROUP BY x.failed
),
restore AS (
  SELECT d.pos, d.service, d.team, d.finished_at, d.started_at,
         d.pos IN (SELECT pos FROM failures) AS failed,
         d.pos IN (SELECT pos FROM rework) AS is_rework,
         coalesce(i.first_start, d.finished_at) AS failure_start,
         CASE WHEN f.first_fix IS NOT NULL AND (i.first_resolved IS NULL OR f.first_fix <= i.first_resolved)
              THEN f.first_fix ELSE i.first_resolved END AS restored_at
  FROM deps d
  LEFT JOIN incident_times i ON i.pos = d.pos
  LEFT JOIN fixer_times f ON f.pos = d.pos
)
SELECT *,
       CASE WHEN failed AND restored_at - failure_start >= 0 THEN restored_at - failure_start END AS recovery_ms
FROM restore;

-- Lead time of each change: finish of the deployment that shipped it first minus its commit time; dropped when
-- not positive.
CREATE TEMP TABLE lead_times AS
SELECT d.service, d.team, d.finished_at, d.finished_at - c.committed_at AS lead_ms, c.cid
FROM shipped s
JOIN deps d ON d.pos = s.pos
JOIN commits c ON c.cid = s.cid
WHERE d.finished_at - c.committed_at > 0;

-- Incident durations; a negative span (timestamps out of order) is not a duration.
CREATE TEMP TABLE incident_durations AS
SELECT coalesce(nullif(svc, ''), '(unknown)') AS grp_service,
       coalesce(nullif(team, ''), '(unknown)') AS grp_team,
       start_at, resolved_at,
       CASE WHEN resolved_at >= start_at THEN resolved_at - start_at END AS restore_ms,
       CASE WHEN started_at IS NOT NULL AND created_at >= started_at THEN created_at - started_at END AS detect_ms,
       CASE WHEN acknowledged_at >= created_at THEN acknowledged_at - created_at END AS acknowledge_ms,
       coalesce(nullif(severity, ''), '(unknown)') AS sev
FROM incident_links;

-- One row per incident and duration metric, to group by service or by severity alike.
CREATE TEMP TABLE incident_measures AS
SELECT 'timeToRestore' AS metric, grp_service, sev, start_at, restore_ms AS ms FROM incident_durations
UNION ALL SELECT 'timeToDetect', grp_service, sev, start_at, detect_ms FROM incident_durations
UNION ALL SELECT 'timeToAcknowledge', grp_service, sev, start_at, acknowledge_ms FROM incident_durations;
