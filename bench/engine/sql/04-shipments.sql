-- What each deployment shipped, in the engine's order of rules: a redeploy of the live SHA ships nothing; before
-- any deployment of the service is at a known commit, changes are unknown; a SHA outside the fetched commits has
-- unknown changes; otherwise the commits it reached first.

CREATE TEMP TABLE first_ship AS
SELECT s.service, r.cid, min(r.pos) AS pos
FROM reached r JOIN service_ids s USING (sid)
GROUP BY s.service, r.cid;

CREATE TEMP TABLE shipments AS
SELECT d.pos, d.service, dc.cid,
       coalesce(p.sha = d.sha AND p.repo = d.repo, false) AS is_redeploy,
       coalesce(f.pos < d.pos, false) AS shipped_before,
       CASE
         WHEN coalesce(p.sha = d.sha AND p.repo = d.repo, false) THEN 'none'
         WHEN coalesce(count(dc.cid) OVER (PARTITION BY d.service ORDER BY d.pos
                                            ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) = 0 THEN 'unknown'
         WHEN dc.cid IS NULL THEN 'unknown'
         ELSE 'ancestry'
       END AS method
FROM deps d
JOIN dep_commit dc ON dc.pos = d.pos
LEFT JOIN deps p ON p.pos = d.prev_env
LEFT JOIN first_ship f ON f.service = d.service AND f.cid = dc.cid;

-- The commits each deployment shipped for the first time (only where its changes are known).
CREATE TEMP TABLE shipped AS
SELECT f.pos, f.cid
FROM first_ship f JOIN shipments s ON s.pos = f.pos
WHERE s.method = 'ancestry';
