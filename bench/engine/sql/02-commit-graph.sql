-- The commit graph as integers: every fetched commit gets an id, every parent link between fetched commits of
-- the same repository becomes an edge. Services get integer ids too: the ancestry walk's nodes are (sid, cid).

-- short7: the first 7 hex digits, lower case: the key for looking commits up by a SHA prefix people typed.
-- title: the first line of the message without surrounding whitespace (what a revert quotes).
CREATE OR REPLACE TEMP MACRO first_line(text) AS
  trim(split_part(text, chr(10), 1), ' ' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13));

CREATE TEMP TABLE commits AS
SELECT rowid AS cid, repo, sha, lower(left(sha, 7)) AS short7, committed_at, message, first_line(message) AS title
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
