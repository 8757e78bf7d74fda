/**
 * The query help (the "?" of a query row): what each kind of query returns, with examples that replace the
 * current query when clicked.
 */
import React from 'react';
import { css } from '@emotion/css';
import { GrafanaTheme2, QueryEditorHelpProps } from '@grafana/data';
import { Button, Stack, Text, useStyles2 } from '@grafana/ui';
import { queryDisplayText } from '../query/display';
import { DoraQuery, QueryKind } from '../query/model';
import { KIND_OPTIONS, labelOf } from '../query/vocabulary';

/** A query without its refId (the clicked example takes the refId of the row), kind by kind. */
type WithoutRefId<Q> = Q extends unknown ? Omit<Q, 'refId'> : never;
type Example = { title: string; why: string; query: WithoutRefId<DoraQuery> };

export const EXAMPLES: Record<QueryKind, Example[]> = {
  metric: [
    {
      title: 'Deployment frequency per team',
      why: 'Deployments per week, one series per team, weekly buckets.',
      query: { kind: 'metric', metric: 'deploymentsPerWeek', interval: 'week', groupBy: 'team' },
    },
    {
      title: 'Change lead time, slow tail, squash merges',
      why: 'p90 lead time per service, starting at the first commit of each pull request.',
      query: {
        kind: 'metric',
        metric: 'leadTime',
        aggregation: 'p90',
        interval: 'week',
        groupBy: 'service',
        leadTimeStart: 'prFirstCommit',
      },
    },
    {
      title: 'Change fail rate of the chosen team, for a stat panel',
      why: 'One value for the whole time range, for the dashboard variable $team.',
      query: { kind: 'metric', metric: 'changeFailRate', interval: 'range', filters: { teams: ['$team'] } },
    },
    {
      title: 'Failed deployment recovery time, monthly',
      why: 'Median time from failure start to restore, per month.',
      query: { kind: 'metric', metric: 'recoveryTime', aggregation: 'median', interval: 'month' },
    },
    {
      title: 'Time to restore by severity',
      why: 'Median time to restore, one series per incident severity (labelled severity, for alert rules).',
      query: { kind: 'metric', metric: 'timeToRestore', interval: 'week', groupBy: 'severity' },
    },
    {
      title: 'Change fail rate counting sev1-sev2 only',
      why: 'Deployments with a linked sev1 or sev2 incident over all deployments, for the whole range.',
      query: { kind: 'metric', metric: 'changeFailRate', interval: 'range', filters: { severities: ['sev1', 'sev2'] } },
    },
    {
      title: 'Lead time of changes labelled security',
      why: 'Security patch cadence: median lead time of changes whose pull request is labelled security.',
      query: { kind: 'metric', metric: 'leadTime', interval: 'week', filters: { labels: ['security'] } },
    },
  ],
  scorecard: [
    {
      title: 'Scorecard per team',
      why: 'Every DORA metric, its level for the benchmark year and the DORA score, one row per team.',
      query: { kind: 'scorecard', groupBy: 'team' },
    },
    {
      title: 'Scorecard of the chosen services',
      why: 'One row per service of the dashboard variable $service.',
      query: { kind: 'scorecard', groupBy: 'service', filters: { services: ['$service'] } },
    },
  ],
  events: [
    {
      title: 'Failed deployments',
      why: 'Each failed deployment with its reasons, incidents and recovery time.',
      query: { kind: 'events', entity: 'deployments', outcome: 'failed' },
    },
    {
      title: 'Changes behind the lead time',
      why: 'Each change with its deployment, lead time and pull request phases.',
      query: { kind: 'events', entity: 'changes' },
    },
    {
      title: 'Incidents of the chosen team',
      why: 'Each incident with the deployment it was linked to and how.',
      query: { kind: 'events', entity: 'incidents', filters: { teams: ['$team'] } },
    },
  ],
  dataQuality: [
    {
      title: 'What the numbers could not use',
      why: 'Deployments with unknown changes, unlinked incidents, unknown services, sources without events.',
      query: { kind: 'dataQuality' },
    },
  ],
  onCall: [
    {
      title: 'Who is on call for the chosen team',
      why: 'The people each escalation policy pages now, first level first, with their shift end.',
      query: { kind: 'onCall', filters: { teams: ['$team'] } },
    },
  ],
};

export function QueryHelp({ query, onClickExample }: QueryEditorHelpProps<DoraQuery>) {
  const styles = useStyles2(getStyles);
  const refId = query?.refId ?? 'A';
  return (
    <div className={styles.help}>
      <Text element="h3">DORA Metrics queries</Text>
      <Text element="p" color="secondary">
        Every field accepts dashboard variables such as $team or $service; a multi-value variable filters by all its
        values, and All removes the filter. Click an example to use it.
      </Text>
      {KIND_OPTIONS.map((kind) => (
        <section key={kind.value} className={styles.kind}>
          <Text element="h4">{labelOf(KIND_OPTIONS, kind.value)}</Text>
          <Text element="p" color="secondary">
            {kind.description}.
          </Text>
          <Stack direction="column" gap={1}>
            {EXAMPLES[kind.value].map((example) => {
              const full = { ...example.query, refId } as DoraQuery;
              return (
                <div key={example.title} className={styles.example}>
                  <Button
                    variant="secondary"
                    size="sm"
                    fill="outline"
                    onClick={() => onClickExample(full)}
                    aria-label={`Use example: ${example.title}`}
                  >
                    {example.title}
                  </Button>
                  <Text color="secondary" variant="bodySmall">
                    {example.why} <code>{queryDisplayText(full)}</code>
                  </Text>
                </div>
              );
            })}
          </Stack>
        </section>
      ))}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  help: css({ padding: theme.spacing(1, 0) }),
  kind: css({ marginTop: theme.spacing(2) }),
  example: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(1.5), flexWrap: 'wrap' }),
});
