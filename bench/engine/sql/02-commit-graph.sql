-- The commit graph as integers: every fetched commit gets an id, every parent link between fetched commits of
-- the same repository becomes an edge. Services get integer ids too: the ancestry walk's nodes are (sid, cid).

CREATE TEMP TABLE commits AS
SELECT (row_number() OVER ())::BIGINT AS cid, repo, sha, committed_at, message
FROM changes;

CREATE TEMP TABLE edges AS
SELECT c.cid AS child, p.cid AS parent
FROM parents e
JOIN commits c ON c.repo = e.repo AND c.sha = e.sha
JOIN commits p ON p.repo = e.repo AND p.sha = e.parent
WHERE p.cid <> c.cid;

CREATE TEMP TABLE service_ids AS
SELECT service, (row_number() OVER (ORDER BY service))::BIGINT AS sid FROM (SELECT DISTINCT service FROM deps);

CREATE TEMP TABLE dep_commit AS
SELECT d.pos, d.service, s.sid, c.cid
FROM deps d JOIN service_ids s USING (service) LEFT JOIN commits c ON c.repo = d.repo AND c.sha = d.sha;

-- The walk starts at each deployment's SHA, with the earliest deployment at that SHA.
CREATE TEMP TABLE reached AS
SELECT sid, cid, min(pos) AS pos FROM dep_commit WHERE cid IS NOT NULL GROUP BY sid, cid;

CREATE TEMP TABLE frontier AS SELECT * FROM reached;
