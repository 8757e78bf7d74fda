-- Which deployments count (METRICS.md "Deployments"): successful production deployments, the jobs of one
-- pipeline run deploying one service collapsed into the last job; failed and cancelled attempts kept apart.
-- Order everywhere: finish, then id (pos is the position in that order, as in the engine).

CREATE OR REPLACE TEMP MACRO week_of(t) AS ((t // 86400000 + 3) // 7 * 7 - 3) * 86400000;
CREATE OR REPLACE TEMP MACRO day_of(t) AS t // 86400000;

CREATE TEMP TABLE production AS
SELECT *,
       CASE WHEN pipeline_run_id IS NULL OR pipeline_run_id = '' THEN 'job:' || id
            ELSE 'run:' || pipeline_run_id || chr(1) || service END AS run_key
FROM deployments
WHERE regexp_matches(environment, ${productionPattern}, 'i');

-- Successful jobs: the last one of each run stands for the run, starting at the first start, with every hint.
CREATE TEMP TABLE deps AS
WITH jobs AS (
  SELECT *,
         row_number() OVER (PARTITION BY run_key ORDER BY finished_at DESC, id DESC) AS from_last,
         min(started_at) OVER (PARTITION BY run_key) AS run_started_at,
         bool_or(rollback_hint) OVER (PARTITION BY run_key) AS run_rollback,
         bool_or(hotfix_hint) OVER (PARTITION BY run_key) AS run_hotfix,
         first_value(fixes_deployment_id IGNORE NULLS) OVER (PARTITION BY run_key ORDER BY finished_at, id
           ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS first_fixes
  FROM production
  WHERE status = 'success'
),
kept AS (
  SELECT id, service, environment, repo, sha, run_started_at AS started_at, finished_at, title, ref, run_key,
         run_rollback AS rollback_hint, run_hotfix AS hotfix_hint, coalesce(fixes_deployment_id, first_fixes) AS fixes_deployment_id
  FROM jobs WHERE from_last = 1
),
numbered AS (
  SELECT kept.*, coalesce(s.team, '') AS team, (row_number() OVER (ORDER BY finished_at, id) - 1)::INTEGER AS pos
  FROM kept LEFT JOIN services s USING (service)
)
SELECT *,
       lag(pos) OVER (PARTITION BY service, environment ORDER BY pos) AS prev_env,
       row_number() OVER (PARTITION BY service ORDER BY pos) AS nth_of_service
FROM numbered;

-- Any job id -> the id of the deployment its run was collapsed into.
CREATE TEMP TABLE aliases AS
SELECT p.id AS job_id, d.id AS kept_id, d.pos
FROM production p JOIN deps d USING (run_key)
WHERE p.status = 'success';

-- Failed and cancelled attempts, collapsed the same way (the last job's status stands for the run).
CREATE TEMP TABLE failed_attempts AS
SELECT service, environment, repo, status, finished_at, coalesce(s.team, '') AS team
FROM (
  SELECT *, row_number() OVER (PARTITION BY run_key ORDER BY finished_at DESC, id DESC) AS from_last
  FROM production WHERE status IN ('failure', 'cancelled')
) LEFT JOIN services s USING (service)
WHERE from_last = 1;
