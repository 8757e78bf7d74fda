-- Which deployments count (docs/definitions.md#deployments): successful production deployments (the source's own
-- verdict, else the environment and pipeline patterns), the jobs of one
-- pipeline run deploying one service collapsed into the last job; failed and cancelled attempts kept apart.
-- Order everywhere: finish, then id (pos is the position in that order, as in the engine).

CREATE OR REPLACE TEMP MACRO week_of(t) AS ((t // 86400000 + 3) // 7 * 7 - 3) * 86400000;
CREATE OR REPLACE TEMP MACRO day_of(t) AS t // 86400000;

CREATE TEMP TABLE production AS
SELECT *,
       CASE WHEN pipeline_run_id IS NULL OR pipeline_run_id = '' THEN 'job:' || id
            ELSE 'run:' || pipeline_run_id || chr(1) || service END AS run_key
FROM deployments
WHERE CASE
  -- A source that applied its own production rule has decided already.
  WHEN production_flag IS NOT NULL THEN production_flag
  ELSE regexp_matches(environment, ${productionPattern}, 'i')
       AND (${pipelinePattern} = ''
            OR coalesce(regexp_matches(title, ${pipelinePattern}, 'i'), false)
            OR coalesce(regexp_matches(ref, ${pipelinePattern}, 'i'), false))
END;

-- Successful jobs: the last one of each run stands for the run, starting at the first start, with every hint.
CREATE TEMP TABLE deps AS
WITH runs AS (
  SELECT run_key,
         arg_max(id, (finished_at, id)) AS last_id,
         min(started_at) AS run_started_at,
         bool_or(rollback_hint) AS run_rollback,
         bool_or(hotfix_hint) AS run_hotfix,
         arg_min(fixes_deployment_id, (finished_at, id)) FILTER (WHERE fixes_deployment_id IS NOT NULL) AS first_fixes
  FROM production
  WHERE status = 'success'
  GROUP BY run_key
),
numbered AS (
  SELECT p.id, p.service, p.environment, p.repo, p.sha, r.run_started_at AS started_at, p.finished_at, p.title,
         p.ref, p.run_key, r.run_rollback AS rollback_hint, r.run_hotfix AS hotfix_hint,
         coalesce(p.fixes_deployment_id, r.first_fixes) AS fixes_deployment_id,
         coalesce(s.team, '') AS team,
         (row_number() OVER (ORDER BY p.finished_at, p.id) - 1)::INTEGER AS pos
  FROM runs r
  JOIN production p ON p.id = r.last_id
  LEFT JOIN services s ON s.service = p.service
)
SELECT *, lag(pos) OVER (PARTITION BY service, environment ORDER BY pos) AS prev_env
FROM numbered;

-- Any job id -> the id of the deployment its run was collapsed into.
CREATE TEMP TABLE aliases AS
SELECT p.id AS job_id, d.id AS kept_id, d.pos
FROM production p JOIN deps d USING (run_key)
WHERE p.status = 'success';

-- Failed and cancelled attempts, collapsed the same way (the last job's status stands for the run).
CREATE TEMP TABLE failed_attempts AS
SELECT p.service, p.environment, p.repo, p.status, p.finished_at, coalesce(s.team, '') AS team
FROM (
  SELECT arg_max(id, (finished_at, id)) AS last_id FROM production
  WHERE status IN ('failure', 'cancelled') GROUP BY run_key
) r
JOIN production p ON p.id = r.last_id
LEFT JOIN services s ON s.service = p.service;
