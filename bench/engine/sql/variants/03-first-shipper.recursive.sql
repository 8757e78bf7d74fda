-- The first-shipper step as one recursive CTE (npm run bench -- --sql-ancestry recursive), kept to show why the
-- benchmark uses the loop in 03-first-shipper.loop.sql: a recursive CTE cannot ask "has an earlier deployment
-- reached this commit already?" without scanning its whole result, so each deployment's wave stops only at the
-- SHA of an earlier deployment. Pull request branches that start below such a SHA and merge above it let waves
-- run on past it, into history they did not ship; the result is the same (the first shipper is the minimum over
-- the waves that reached a commit) but the waves cover each commit about three times, over hundreds of steps.

CREATE OR REPLACE TEMP TABLE frontier AS SELECT * FROM reached;

INSERT INTO reached
WITH RECURSIVE wave(sid, cid, pos) AS (
  SELECT sid, cid, pos FROM frontier
  UNION
  SELECT w.sid, e.parent, w.pos
  FROM wave w
  JOIN edges e ON e.child = w.cid
  WHERE NOT EXISTS (SELECT 1 FROM frontier s WHERE s.sid = w.sid AND s.cid = e.parent AND s.pos < w.pos)
)
SELECT sid, cid, pos FROM wave;
