import React from 'react';
import { EditorField } from '@grafana/plugin-ui';
import { Combobox } from '@grafana/ui';
import { LeadTimeStart } from '../../engine';
import { LEAD_TIME_START_OPTIONS } from '../../query/vocabulary';
import { selected, toOptions } from './choices';

interface Props {
  id: string;
  value: string | undefined;
  /** undefined: the data source's default (commit time). */
  onChange: (start: LeadTimeStart | undefined) => void;
}

const OPTIONS = toOptions(LEAD_TIME_START_OPTIONS);

/** Where a change's lead time starts; empty means commit time, the DORA default. */
export function LeadTimeStartField({ id, value, onChange }: Props) {
  return (
    <EditorField
      label="Lead time from"
      tooltip="Commit time is the DORA default; the first commit of the pull request is right for squash merges"
      optional
    >
      <Combobox<string>
        id={id}
        width={22}
        options={OPTIONS}
        value={selected(LEAD_TIME_START_OPTIONS, value)}
        placeholder="Commit (default)"
        createCustomValue
        isClearable
        onChange={(o) => onChange(o ? (o.value as LeadTimeStart) : undefined)}
      />
    </EditorField>
  );
}
