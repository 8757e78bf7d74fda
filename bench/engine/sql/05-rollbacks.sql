-- Rollbacks (docs/definitions.md#deployments): a deployment whose SHA an earlier deployment of the same service already
-- contained, while a newer SHA is live, rolls back the deployment live before it in its environment. "Newer" is
-- read by ancestry: when the live SHA is an ancestor of the deployed one it is a roll-forward. A provider hint
-- (rollback) makes a rollback of whatever was live.

-- Deployments that go back to an already shipped SHA, with the SHA live before them.
CREATE TEMP TABLE back_to_shipped AS
SELECT s.pos, s.service, s.cid, live.cid AS live_cid, lf.pos AS live_first
FROM shipments s
JOIN deps d ON d.pos = s.pos
JOIN shipments live ON live.pos = d.prev_env
LEFT JOIN first_ship lf ON lf.service = s.service AND lf.cid = live.cid
WHERE NOT d.rollback_hint AND NOT s.is_redeploy AND s.shipped_before;

-- Is the live SHA an ancestor of the deployed one? Walk down from the deployed SHA. Only commits first shipped
-- between the live SHA and the deployed one can lie on a path to it (whatever contains them contains the live
-- SHA; the deployed SHA's ancestors were all shipped by the time it was), so each walk stays in that slice of
-- history, cut out first so that the walk's steps join small tables.
CREATE TEMP TABLE slice AS
SELECT b.pos, f.cid
FROM back_to_shipped b
JOIN first_ship mine ON mine.service = b.service AND mine.cid = b.cid
JOIN first_ship f ON f.service = b.service AND f.pos BETWEEN b.live_first AND mine.pos
WHERE b.cid IS NOT NULL AND b.live_cid IS NOT NULL;

CREATE TEMP TABLE slice_edges AS
SELECT s.pos, e.child, e.parent
FROM slice s JOIN edges e ON e.child = s.cid
SEMI JOIN slice p ON p.pos = s.pos AND p.cid = e.parent;

CREATE TEMP TABLE roll_forward AS
WITH RECURSIVE down(pos, cid, live_cid) AS (
  SELECT pos, cid, live_cid FROM back_to_shipped
  WHERE cid IS NOT NULL AND live_cid IS NOT NULL AND cid <> live_cid
  UNION
  SELECT w.pos, e.parent, w.live_cid
  FROM down w JOIN slice_edges e ON e.pos = w.pos AND e.child = w.cid
  WHERE w.cid <> w.live_cid
)
SELECT DISTINCT pos FROM down WHERE cid = live_cid;

CREATE TEMP TABLE rollbacks AS
SELECT d.pos, d.prev_env AS rolled_back
FROM deps d WHERE d.rollback_hint
UNION ALL
SELECT b.pos, d.prev_env
FROM back_to_shipped b JOIN deps d ON d.pos = b.pos
WHERE b.pos NOT IN (SELECT pos FROM roll_forward);
