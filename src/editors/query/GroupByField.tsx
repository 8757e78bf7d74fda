import React from 'react';
import { EditorField } from '@grafana/plugin-ui';
import { Combobox } from '@grafana/ui';
import { GroupBy } from '../../engine';
import { GROUP_BY_OPTIONS } from '../../query/vocabulary';
import { selected, toOptions } from './choices';

interface Props {
  id: string;
  value: string | undefined;
  /** What an absent value means for this kind of query. */
  fallback: GroupBy;
  onChange: (groupBy: GroupBy) => void;
}

const OPTIONS = toOptions(GROUP_BY_OPTIONS);

/** One series (metric) or row (scorecard) per value of a dimension; accepts a typed "$variable". */
export function GroupByField({ id, value, fallback, onChange }: Props) {
  return (
    <EditorField label="Group by" tooltip="One series (or row) per value">
      <Combobox<string>
        id={id}
        width={18}
        options={OPTIONS}
        value={selected(GROUP_BY_OPTIONS, value ?? fallback)}
        createCustomValue
        onChange={(o) => onChange(o.value as GroupBy)}
      />
    </EditorField>
  );
}
