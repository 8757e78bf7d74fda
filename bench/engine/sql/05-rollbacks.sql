-- Rollbacks (METRICS.md "Deployments"): a deployment whose SHA an earlier deployment of the same service already
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

-- Is the live SHA an ancestor of the deployed one? Walk down from the deployed SHA. Only commits first shipped no
-- earlier than the live SHA can lie on a path to it (whatever contains them contains the live SHA), so the walk
-- stays within the history shipped since then.
CREATE TEMP TABLE roll_forward AS
WITH RECURSIVE down(pos, service, cid, live_cid, live_first) AS (
  SELECT pos, service, cid, live_cid, live_first FROM back_to_shipped
  WHERE cid IS NOT NULL AND live_cid IS NOT NULL AND cid <> live_cid
  UNION
  SELECT w.pos, w.service, e.parent, w.live_cid, w.live_first
  FROM down w
  JOIN edges e ON e.child = w.cid
  JOIN first_ship f ON f.service = w.service AND f.cid = e.parent
  WHERE w.cid <> w.live_cid AND f.pos >= w.live_first
)
SELECT DISTINCT pos FROM down WHERE cid = live_cid;

CREATE TEMP TABLE rollbacks AS
SELECT d.pos, d.prev_env AS rolled_back
FROM deps d WHERE d.rollback_hint
UNION ALL
SELECT b.pos, d.prev_env
FROM back_to_shipped b JOIN deps d ON d.pos = b.pos
WHERE b.pos NOT IN (SELECT pos FROM roll_forward);
