/**
 * attribute(): events in, every deployment, change and incident out with the reasons behind it.
 * Each step lives in its own file; this one only runs them in order:
 *   validity/duplicates -> catalog services -> production deployments -> commit graph -> ancestry
 *   -> rollbacks -> incident links -> failures and rework -> recovery -> lead times -> data quality.
 */
import { serviceDirectory } from '../catalog';
import { Deployment, DoraEvents, Incident, Instant } from '../model';
import { ListLoan } from '../typedLists';
import { EngineOptions } from '../options';
import { traceShipments } from './ancestry';
import { compileOptions } from './compiledOptions';
import {
  isProductionDeployment,
  positionFinder,
  positionsByService,
  previousInEnvironment,
  splitAttempts,
} from './deployments';
import { dropDuplicates } from './duplicates';
import { judgeDeployments, NONE } from './failures';
import { Findings } from './findings';
import { NamedTitle } from './commitIndex';
import { CommitGraph } from './graph';
import { causeOf } from './incidentCause';
import { incidentStart, incidentTimes } from './incidentTimes';
import { linkIncidents } from './incidentLinks';
import { ChangeShipment, leadTimeOf, shippedChange } from './leadTime';
import { attributeRuns } from './pipelineRuns';
import { compareNumbers, compareText } from './order';
import { recoveryOf } from './recovery';
import { RevertDetector } from './reverts';
import { findRollbacks } from './rollbacks';
import { ServiceResolver } from './services';
import { keepShippedColumns, ShippedColumns } from './shippedColumns';
import { ShippedDeployment, ShippedStretch } from './shippedDeployment';
import { checkTimestamps } from './timestamps';
import { Attributed, AttributedChange, AttributedDeployment, AttributedIncident } from './types';
import { keepValid } from './validity';

export function attribute(events: DoraEvents, options?: Partial<EngineOptions>, now?: Instant): Attributed {
  // The working lists (commit index and graph, walk marks, containment, shipped list), given back for the next run
  // when this one is done: none of them is part of the result.
  const lists = new ListLoan();
  try {
    return attributeWith(lists, events, options, now);
  } finally {
    lists.close();
  }
}

function attributeWith(
  lists: ListLoan,
  events: DoraEvents,
  options?: Partial<EngineOptions>,
  now?: Instant
): Attributed {
  const opts = compileOptions(options);
  const findings = new Findings();
  const clean = dropDuplicates(keepValid(events, findings), findings, lists);
  checkTimestamps(clean, now ?? Date.now(), findings);

  const directory = serviceDirectory(events.catalog);
  const resolver = new ServiceResolver(directory);
  const production = splitAttempts(
    clean.deployments.filter((d) => isProductionDeployment(d, opts)).map((d) => resolver.deployment(d))
  );
  const incidents = clean.incidents.map((i) => resolver.incident(i)).sort(compareIncidents);
  resolver.report(findings);

  const deployments = production.deployments;
  const graph = new CommitGraph(clean.changes, clean.commitIndex, lists);
  const previous = previousInEnvironment(deployments);
  const byService = positionsByService(deployments);
  const positionOf = positionFinder(deployments, production.idAliases, namedDeployments(deployments, incidents));
  const { shipments, shipped, containment } = traceShipments(
    deployments,
    previous,
    byService,
    graph,
    directory.pathsOf,
    findings,
    lists
  );
  const rollbacks = findRollbacks(deployments, previous, shipments, graph, containment);
  const reverts = new RevertDetector(opts.revert, graph, containment, deployments);
  const named = reverts.namedTargets(shipped);
  announceReferences(graph, incidents, named.shas, named.titles);
  const links = linkIncidents(
    incidents,
    {
      deployments,
      positionOf,
      byService,
      graph,
      containment,
      windowMs: opts.incidentLinkWindowMs,
    },
    findings
  );
  const verdicts = judgeDeployments({
    deployments,
    previous,
    shipments,
    shipped,
    rollbacks,
    incidents,
    incidentPositions: links.map((l) => l.position),
    byService,
    positionOf,
    graph,
    reverts,
    options: opts,
  });

  // Deployment by deployment (the shipped list runs service by service), each one's commits by commit time.
  const changes: AttributedChange[] = new Array(shipped.length);
  let firstChange = 0;
  const attributedDeployments = deployments.map((d, i): AttributedDeployment => {
    const start = firstChange;
    firstChange += shipments.to[i] - shipments.from[i];
    const listed = shipments.changeShas(i);
    const failureReasons = verdicts.failureReasons[i];
    const reworkReasons = verdicts.reworkReasons[i];
    const out = new ShippedDeployment(
      d,
      directory.teamOf(d.service),
      listed === undefined ? new ShippedStretch(changes, start, firstChange) : listed,
      shipments.changeMethod(i),
      shipments.isRedeploy[i] === 1,
      rollbacks.isRollback[i],
      failureReasons.length > 0,
      failureReasons,
      reworkReasons.length > 0,
      reworkReasons,
      verdicts.incidents[i] === NONE ? NONE : verdicts.incidents[i].map((k) => incidents[k].id)
    );
    if (rollbacks.rolledBack[i] >= 0) {
      out.rollbackOf = deployments[rollbacks.rolledBack[i]].id;
    }
    if (out.failed) {
      const recovery = recoveryOf(
        d,
        verdicts.incidents[i].map((k) => incidents[k]),
        verdicts.fixedBy[i].map((p) => deployments[p]),
        findings
      );
      Object.assign(out, recovery);
    }
    return out;
  });

  // The numbers the metrics read per change are written as columns on the way (see shippedColumns.ts).
  const deploymentOf = new Int32Array(shipped.length);
  const leadTimeMs = new Float64Array(shipped.length);
  // Made at the first change with a breakdown (pull request data): typed arrays count as external memory, whose
  // growth makes V8 start a full collection.
  let breakdowns: Int32Array | undefined;
  let withBreakdown = 0;
  const leadTimeStart = opts.leadTimeStart;
  let next = 0;
  for (let i = 0; i < deployments.length; i++) {
    const from = shipments.from[i];
    const to = shipments.to[i];
    if (from === to) {
      continue;
    }
    const d = deployments[i];
    const finishedAt = d.finishedAt;
    const shipment = new ChangeShipment(d, attributedDeployments[i].team, leadTimeStart);
    for (let k = from; k < to; k++) {
      const commit = graph.commits[shipped[k]];
      const change = shippedChange(commit, shipment);
      deploymentOf[next] = i;
      if (change.breakdown !== undefined) {
        breakdowns = breakdowns ?? new Int32Array(shipped.length - next);
        breakdowns[withBreakdown++] = next;
      }
      // What the change's leadTimeMs says, read from the instants rather than through its getters.
      const lead = leadTimeOf(commit, finishedAt, leadTimeStart);
      if (lead > 0) {
        leadTimeMs[next] = lead;
      } else {
        leadTimeMs[next] = NaN;
        findings.add(
          'non-positive-lead-time',
          'info',
          change.change.sha,
          `Commit ${change.change.sha} of ${change.change.repo} starts (${opts.leadTimeStart}) at or after its ` +
            `deployment ${d.id} finished; its lead time is dropped. Usually clock skew or a rewritten commit date.`,
          { service: d.service, at: d.finishedAt }
        );
      }
      changes[next++] = change;
    }
  }
  keepShippedColumns(
    changes,
    new ShippedColumns(
      attributedDeployments,
      deploymentOf,
      leadTimeMs,
      breakdowns === undefined ? new Int32Array(0) : breakdowns.slice(0, withBreakdown)
    )
  );

  const attributedIncidents = incidents.map((incident, k): AttributedIncident => {
    const times = incidentTimes(incident);
    return {
      incident,
      team: incident.service !== undefined ? directory.teamOf(incident.service) : '',
      link: links[k].link,
      timeToRestoreMs: times.timeToRestoreMs,
      timeToDetectMs: times.timeToDetectMs,
      timeToAcknowledgeMs: times.timeToAcknowledgeMs,
    };
  });

  return {
    deployments: attributedDeployments,
    failedAttempts: production.failedAttempts,
    changes,
    incidents: attributedIncidents,
    pipelineRuns: attributeRuns(clean.pipelineRuns, directory),
    dataQuality: findings.sorted(),
    teams: { ...directory.teams },
    ...(Object.keys(directory.owners).length > 0 ? { owners: { ...directory.owners } } : {}),
    runbooks: { ...directory.runbooks },
    objectives: { ...directory.objectives },
  };
}

/** The SHAs incident causes and reverts name and the titles reverts name, looked up in one pass (see announced.ts). */
function announceReferences(graph: CommitGraph, incidents: Incident[], shas: string[], titles: NamedTitle[]): void {
  for (const incident of incidents) {
    const sha = causeOf(incident)?.sha;
    if (typeof sha === 'string') {
      shas.push(sha);
    }
  }
  graph.announce(shas, titles);
}

/** The deployment ids incidents (their causes) and fix-forward deployments name: what positionOf will be asked. */
function namedDeployments(deployments: Deployment[], incidents: Incident[]): string[] {
  const ids: string[] = [];
  for (let i = 0; i < deployments.length; i++) {
    const fixes = deployments[i].fixesDeploymentId;
    if (fixes !== undefined && fixes !== '') {
      ids.push(fixes);
    }
  }
  for (const incident of incidents) {
    const id = causeOf(incident)?.deploymentId;
    if (typeof id === 'string' && id !== '') {
      ids.push(id);
    }
  }
  return ids;
}

function compareIncidents(a: Incident, b: Incident): number {
  return compareNumbers(incidentStart(a), incidentStart(b)) || compareText(a.id, b.id);
}
