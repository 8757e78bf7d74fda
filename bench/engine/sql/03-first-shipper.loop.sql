-- The first deployment of each service that contains each commit (docs/definitions.md#change-lead-time: the changes
-- of a deployment are the commits reachable from its SHA and from no earlier deployment of the same service).
--
-- The first shipper of a commit is the smallest position among the deployments of the service whose SHA reaches
-- it. One step of the fixpoint: the commits just improved pass their position to their parents; a parent keeps
-- it only if no deployment at or before that position has reached it already. The runner repeats this step
-- until nothing improves (semi-naive evaluation; as many steps as the longest chain of new commits).
-- DuckDB's single-statement forms were slower on this data (see README.md, "Performance").

CREATE OR REPLACE TEMP TABLE frontier AS
WITH candidates AS (
  SELECT f.sid, e.parent AS cid, min(f.pos) AS pos
  FROM frontier f JOIN edges e ON e.child = f.cid
  GROUP BY f.sid, e.parent
),
known AS (
  SELECT r.sid, r.cid, min(r.pos) AS pos
  FROM reached r SEMI JOIN candidates c ON c.sid = r.sid AND c.cid = r.cid
  GROUP BY r.sid, r.cid
)
SELECT c.sid, c.cid, c.pos
FROM candidates c LEFT JOIN known k ON k.sid = c.sid AND k.cid = c.cid
WHERE k.pos IS NULL OR c.pos < k.pos;

INSERT INTO reached SELECT * FROM frontier;

SELECT count(*) FROM frontier;
