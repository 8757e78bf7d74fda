import React from 'react';
import { Field, Input, Switch } from '@grafana/ui';
import { ConfigSection } from '@grafana/plugin-ui';
import { DEFAULT_OPTIONS, HOUR_MS } from '../../engine';
import { PatternField } from './PatternField';
import { positiveNumberError } from '../../settings/problems';
import { SectionProps, numberOrUndefined } from './sectionProps';

const DEFAULT_WINDOW_HOURS = DEFAULT_OPTIONS.incidentLinkWindowMs / HOUR_MS;

/** "What is a failure": how incidents find their deployment, and what marks a hotfix, a revert, rework. */
export function FailureSection({ jsonData, onChange }: SectionProps) {
  const windowError = positiveNumberError('Incident link window (hours)', jsonData.incidentLinkWindowHours);
  return (
    <ConfigSection
      title="What is a failure"
      description="A deployment failed when an incident is linked to it, it was rolled back, or a hotfix, revert or fix-forward refers to it."
    >
      <Field
        label="Incident link window (hours)"
        description="An incident without an explicit cause is linked to the latest deployment of its service that finished at most this long before it started."
        htmlFor="dora-incident-link-window"
        invalid={Boolean(windowError)}
        error={windowError}
      >
        <Input
          id="dora-incident-link-window"
          type="number"
          width={20}
          value={jsonData.incidentLinkWindowHours ?? ''}
          placeholder={String(DEFAULT_WINDOW_HOURS)}
          onChange={(e) => onChange({ incidentLinkWindowHours: numberOrUndefined(e.currentTarget.value) })}
        />
      </Field>
      <PatternField
        id="dora-hotfix-pattern"
        label="Hotfix pattern"
        description="Matched against pull request labels, branch names and titles, and deployment titles."
        value={jsonData.hotfixPattern}
        defaultPattern={DEFAULT_OPTIONS.hotfixPattern}
        onChange={(hotfixPattern) => onChange({ hotfixPattern })}
      />
      <PatternField
        id="dora-revert-pattern"
        label="Revert pattern"
        description="Matched against the first line of commit messages and pull request titles."
        value={jsonData.revertPattern}
        defaultPattern={DEFAULT_OPTIONS.revertPattern}
        onChange={(revertPattern) => onChange({ revertPattern })}
      />
      <Field
        label="Rollbacks count as rework"
        description="A rollback is an unplanned deployment made to fix production (DORA's rework rate)."
        htmlFor="dora-rollbacks-are-rework"
      >
        <Switch
          id="dora-rollbacks-are-rework"
          value={jsonData.rollbacksAreRework ?? DEFAULT_OPTIONS.rollbacksAreRework}
          onChange={(e) => onChange({ rollbacksAreRework: e.currentTarget.checked })}
        />
      </Field>
    </ConfigSection>
  );
}
