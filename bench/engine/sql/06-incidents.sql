-- Incident -> deployment (docs/definitions.md#change-failure-rate), the first rule that applies:
-- (1) explicit: the deployment the incident names (a job id counts for its run), else the first deployment that
--     shipped the commit it names (SHA or a prefix of at least 7 hex digits; its own service first);
-- (2) same service: the latest deployment of its service that finished at or before the impact start, at most
--     the window before it;
-- (3) none.

CREATE TEMP TABLE incident_facts AS
SELECT i.*,
       coalesce(i.started_at, i.created_at) AS start_at,
       coalesce(i.service, '') AS svc,
       coalesce(s.team, '') AS team,
       CASE WHEN regexp_full_match(lower(trim(i.cause_sha)), '[0-9a-f]{7,}') THEN lower(trim(i.cause_sha)) END AS sha_prefix
FROM incidents i LEFT JOIN services s ON s.service = i.service;

CREATE TEMP TABLE link_by_id AS
SELECT i.id, a.pos
FROM incident_facts i JOIN aliases a ON a.job_id = i.cause_deployment_id;

-- Commits named by SHA prefix, and the first shipper of each in every service.
CREATE TEMP TABLE link_by_sha AS
WITH named AS (
  SELECT i.id, i.svc, c.cid
  FROM incident_facts i
  JOIN commits c ON c.short7 = left(i.sha_prefix, 7) AND starts_with(lower(c.sha), i.sha_prefix)
    AND (i.cause_repo IS NULL OR c.repo = i.cause_repo)
  WHERE i.sha_prefix IS NOT NULL AND i.id NOT IN (SELECT id FROM link_by_id)
),
shippers AS (
  SELECT n.id, f.pos, d.service = n.svc AS own
  FROM named n JOIN first_ship f ON f.cid = n.cid JOIN deps d ON d.pos = f.pos
)
SELECT id, CASE WHEN bool_or(own) THEN min(pos) FILTER (WHERE own) ELSE min(pos) END AS pos
FROM shippers GROUP BY id;

-- (Fallback of rule 1 when no fetched commit matches: a deployment whose own SHA starts with the prefix.)
CREATE TEMP TABLE link_by_deployed_sha AS
SELECT i.id, CASE WHEN bool_or(d.service = i.svc) THEN min(d.pos) FILTER (WHERE d.service = i.svc) ELSE min(d.pos) END AS pos
FROM incident_facts i JOIN deps d ON lower(left(d.sha, 7)) = left(i.sha_prefix, 7) AND starts_with(lower(d.sha), i.sha_prefix)
WHERE i.sha_prefix IS NOT NULL
  AND i.id NOT IN (SELECT id FROM link_by_id)
  AND i.id NOT IN (SELECT id FROM link_by_sha)
  AND NOT EXISTS (
    SELECT 1 FROM commits c JOIN first_ship f ON f.cid = c.cid
    WHERE c.short7 = left(i.sha_prefix, 7) AND starts_with(lower(c.sha), i.sha_prefix)
      AND (i.cause_repo IS NULL OR c.repo = i.cause_repo))
GROUP BY i.id;

CREATE TEMP TABLE explicit_links AS
SELECT * FROM link_by_id UNION ALL SELECT * FROM link_by_sha UNION ALL SELECT * FROM link_by_deployed_sha;

-- Rule 2: an as-of join on finish time within the incident's service.
CREATE TEMP TABLE window_links AS
SELECT i.id, d.pos
FROM incident_facts i
ASOF JOIN deps d ON d.service = i.svc AND d.finished_at <= i.start_at
WHERE i.svc <> '' AND i.id NOT IN (SELECT id FROM explicit_links)
  AND i.start_at - d.finished_at <= ${windowMs};

CREATE TEMP TABLE incident_links AS
SELECT i.*, coalesce(e.pos, w.pos) AS pos
FROM incident_facts i
LEFT JOIN explicit_links e ON e.id = i.id
LEFT JOIN window_links w ON w.id = i.id;
