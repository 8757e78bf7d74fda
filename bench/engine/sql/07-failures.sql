-- Failed and rework deployments (docs/definitions.md#change-failure-rate,
-- docs/definitions.md#deployment-rework-rate), as reasons:
-- failure(pos, reason), rework(pos, reason) and fixes(fixer, failed) (for recovery time).

-- Messages of the commits each deployment shipped first; for reverts, what they name.
CREATE TEMP TABLE shipped_messages AS
WITH tested AS (
  SELECT s.pos, c.cid, c.repo, c.message, c.title,
         regexp_matches(c.message, ${revertPattern}, 'i') AS is_revert,
         regexp_matches(c.message, ${hotfixPattern}, 'i') AS is_hotfix_message
  FROM shipped s JOIN commits c ON c.cid = s.cid
  WHERE c.message IS NOT NULL
)
SELECT *,
       CASE WHEN is_revert THEN lower(regexp_extract(message, '(?i)this reverts commit ([0-9a-f]{7,64})', 1)) END AS named_sha,
       CASE WHEN is_revert THEN regexp_extract(title, '(?i)^revert\s+"(.+)"\s*$', 1) END AS quoted_title
FROM tested;

-- Reverted commits: the SHA git names, else the commits of the repository whose title is the quoted one.
CREATE TEMP TABLE reverted AS
SELECT m.pos, m.cid AS revert_cid, t.cid AS target
FROM shipped_messages m
JOIN commits t ON t.repo = m.repo AND t.short7 = left(m.named_sha, 7) AND starts_with(lower(t.sha), m.named_sha)
WHERE m.is_revert AND m.named_sha <> ''
UNION ALL
SELECT m.pos, m.cid, t.cid
FROM shipped_messages m
JOIN commits t ON t.repo = m.repo AND t.title = m.quoted_title AND t.cid <> m.cid
WHERE m.is_revert AND m.named_sha = '' AND m.quoted_title <> '';

-- A reverted commit's failed deployment: the one of the same service that first shipped it, before the revert.
CREATE TEMP TABLE revert_targets AS
SELECT DISTINCT r.pos, r.revert_cid, f.pos AS failed
FROM reverted r
JOIN deps d ON d.pos = r.pos
JOIN first_ship f ON f.service = d.service AND f.cid = r.target
WHERE f.pos < r.pos;

-- A revert change is rework when it names nothing findable, or something production had.
CREATE TEMP TABLE revert_deployments AS
SELECT DISTINCT m.pos
FROM shipped_messages m
WHERE m.is_revert
  AND (NOT EXISTS (SELECT 1 FROM reverted r WHERE r.pos = m.pos AND r.revert_cid = m.cid)
       OR EXISTS (SELECT 1 FROM revert_targets t WHERE t.pos = m.pos AND t.revert_cid = m.cid));

CREATE TEMP TABLE hotfix_deployments AS
SELECT pos, prev_env FROM deps
WHERE hotfix_hint
   OR coalesce(regexp_matches(title, ${hotfixPattern}, 'i'), false)
   OR coalesce(regexp_matches(ref, ${hotfixPattern}, 'i'), false);

-- A fix comes after what it fixes: a named deployment that finished later is not its target.
CREATE TEMP TABLE explicit_fixes AS
SELECT d.pos, CASE WHEN a.pos < d.pos THEN a.pos END AS failed
FROM deps d LEFT JOIN aliases a ON a.job_id = d.fixes_deployment_id
WHERE d.fixes_deployment_id IS NOT NULL AND d.fixes_deployment_id <> '';

-- Fix-forward of an incident: the first later deployment of the failed deployment's service that finishes after
-- the incident started and within the window after it was resolved (or started), and is a hotfix deployment or
-- ships a revert or hotfix commit.
CREATE TEMP TABLE fix_like AS
SELECT pos FROM shipped_messages WHERE is_revert OR is_hotfix_message
UNION SELECT pos FROM hotfix_deployments;

CREATE TEMP TABLE incident_fixes AS
SELECT l.pos AS failed, min(p.pos) AS pos
FROM incident_links l
JOIN deps f ON f.pos = l.pos
JOIN deps p ON p.service = f.service AND p.pos > f.pos
  AND p.finished_at > l.start_at AND p.finished_at <= coalesce(l.resolved_at, l.start_at) + ${windowMs}
WHERE l.pos IS NOT NULL AND p.pos IN (SELECT pos FROM fix_like)
GROUP BY l.id, l.pos;

CREATE TEMP TABLE failures AS
SELECT DISTINCT pos, 'incident' AS reason FROM incident_links WHERE pos IS NOT NULL
UNION ALL SELECT DISTINCT rolled_back, 'rolled-back' FROM rollbacks WHERE rolled_back IS NOT NULL
UNION ALL SELECT DISTINCT prev_env, 'hotfix' FROM hotfix_deployments WHERE prev_env IS NOT NULL
UNION ALL SELECT DISTINCT failed, 'revert' FROM revert_targets
UNION ALL SELECT DISTINCT failed, 'fix-forward' FROM explicit_fixes WHERE failed IS NOT NULL;

CREATE TEMP TABLE rework AS
SELECT DISTINCT pos, 'rollback' AS reason FROM rollbacks WHERE ${rollbacksAreRework}
UNION ALL SELECT DISTINCT pos, 'hotfix' FROM hotfix_deployments
UNION ALL SELECT DISTINCT pos, 'revert' FROM revert_deployments
UNION ALL SELECT DISTINCT pos, 'fix-forward' FROM (SELECT pos FROM explicit_fixes UNION SELECT pos FROM incident_fixes);

CREATE TEMP TABLE fixes AS
SELECT DISTINCT fixer, failed FROM (
  SELECT pos AS fixer, rolled_back AS failed FROM rollbacks WHERE rolled_back IS NOT NULL
  UNION ALL SELECT pos, prev_env FROM hotfix_deployments WHERE prev_env IS NOT NULL
  UNION ALL SELECT pos, failed FROM revert_targets
  UNION ALL SELECT pos, failed FROM explicit_fixes WHERE failed IS NOT NULL
  UNION ALL SELECT pos, failed FROM incident_fixes
);
