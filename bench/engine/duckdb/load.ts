/**
 * Loads the normalized events into DuckDB tables, one row per event (and one per commit parent), the way
 * DevLake and Four Keys keep them: the SQL then sees exactly what the engine sees. Instants stay integer
 * epoch milliseconds so both sides do the same arithmetic.
 */
import { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import { DoraEvents, owningTeams, parentsOf } from '../../../src/engine';

const SCHEMA = `
CREATE TABLE changes (repo VARCHAR, sha VARCHAR, committed_at BIGINT, message VARCHAR);
CREATE TABLE parents (repo VARCHAR, sha VARCHAR, parent VARCHAR);
CREATE TABLE deployments (
  id VARCHAR, service VARCHAR, environment VARCHAR, repo VARCHAR, sha VARCHAR,
  started_at BIGINT, finished_at BIGINT, status VARCHAR, title VARCHAR, ref VARCHAR,
  pipeline_run_id VARCHAR, rollback_hint BOOLEAN, hotfix_hint BOOLEAN, fixes_deployment_id VARCHAR,
  production_flag BOOLEAN);
CREATE TABLE incidents (
  id VARCHAR, service VARCHAR, title VARCHAR, started_at BIGINT, created_at BIGINT,
  acknowledged_at BIGINT, resolved_at BIGINT,
  cause_deployment_id VARCHAR, cause_sha VARCHAR, cause_pull_request INTEGER, cause_repo VARCHAR, severity VARCHAR);
CREATE TABLE services (service VARCHAR, team VARCHAR);
CREATE TABLE owners (service VARCHAR, team VARCHAR);
CREATE TABLE change_labels (repo VARCHAR, sha VARCHAR, label VARCHAR);
`;

export async function loadEvents(connection: DuckDBConnection, events: DoraEvents): Promise<void> {
  for (const statement of SCHEMA.split(';')) {
    if (statement.trim() !== '') {
      await connection.run(statement);
    }
  }
  await append(connection, 'changes', (a) => {
    for (const c of events.changes) {
      a.appendVarchar(c.repo);
      a.appendVarchar(c.sha);
      a.appendBigInt(BigInt(c.committedAt));
      text(a, c.message);
      a.endRow();
    }
  });
  await append(connection, 'parents', (a) => {
    for (const c of events.changes) {
      for (const parent of parentsOf(c)) {
        a.appendVarchar(c.repo);
        a.appendVarchar(c.sha);
        a.appendVarchar(parent);
        a.endRow();
      }
    }
  });
  await append(connection, 'deployments', (a) => {
    for (const d of events.deployments) {
      a.appendVarchar(d.id);
      a.appendVarchar(d.service);
      a.appendVarchar(d.environment);
      a.appendVarchar(d.repo);
      a.appendVarchar(d.sha);
      instant(a, d.startedAt);
      a.appendBigInt(BigInt(d.finishedAt));
      a.appendVarchar(d.status);
      text(a, d.title);
      text(a, d.ref);
      text(a, d.pipelineRunId);
      a.appendBoolean(d.rollback === true);
      a.appendBoolean(d.hotfix === true);
      text(a, d.fixesDeploymentId);
      if (d.production === undefined) {
        a.appendNull();
      } else {
        a.appendBoolean(d.production);
      }
      a.endRow();
    }
  });
  await append(connection, 'incidents', (a) => {
    for (const i of events.incidents) {
      a.appendVarchar(i.id);
      text(a, i.service);
      text(a, i.title);
      instant(a, i.startedAt);
      a.appendBigInt(BigInt(i.createdAt));
      instant(a, i.acknowledgedAt);
      instant(a, i.resolvedAt);
      text(a, i.cause?.deploymentId);
      text(a, i.cause?.sha);
      if (i.cause?.pullRequest === undefined) {
        a.appendNull();
      } else {
        a.appendInteger(i.cause.pullRequest);
      }
      text(a, i.cause?.repo);
      text(a, i.severity);
      a.endRow();
    }
  });
  // A service's team is its first owner; owners lists every owning team (team, then teams).
  await append(connection, 'services', (a) => {
    for (const s of events.catalog?.services ?? []) {
      a.appendVarchar(s.name);
      text(a, owningTeams(s)[0]);
      a.endRow();
    }
  });
  await append(connection, 'owners', (a) => {
    for (const s of events.catalog?.services ?? []) {
      for (const team of owningTeams(s)) {
        a.appendVarchar(s.name);
        a.appendVarchar(team);
        a.endRow();
      }
    }
  });
  await append(connection, 'change_labels', (a) => {
    for (const c of events.changes) {
      for (const label of c.pullRequest?.labels ?? []) {
        a.appendVarchar(c.repo);
        a.appendVarchar(c.sha);
        a.appendVarchar(label);
        a.endRow();
      }
    }
  });
}

async function append(connection: DuckDBConnection, table: string, rows: (a: DuckDBAppender) => void) {
  const appender = await connection.createAppender(table);
  rows(appender);
  appender.closeSync();
}

function text(a: DuckDBAppender, value: string | undefined) {
  if (value === undefined) {
    a.appendNull();
  } else {
    a.appendVarchar(value);
  }
}

function instant(a: DuckDBAppender, value: number | undefined) {
  if (value === undefined) {
    a.appendNull();
  } else {
    a.appendBigInt(BigInt(value));
  }
}
