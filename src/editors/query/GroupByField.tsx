import React, { useMemo } from 'react';
import { EditorField } from '@grafana/plugin-ui';
import { Combobox } from '@grafana/ui';
import { GroupBy } from '../../engine';
import { Choice, GROUP_BY_OPTIONS } from '../../query/vocabulary';
import { selected, toOptions } from './choices';

interface Props {
  id: string;
  value: string | undefined;
  /** What an absent value means for this kind of query. */
  fallback: GroupBy;
  onChange: (groupBy: GroupBy) => void;
  /** The groupings this kind of query offers (default: all of them). */
  choices?: Array<Choice<GroupBy>>;
}

/** One series (metric) or row (scorecard) per value of a dimension; accepts a typed "$variable". */
export function GroupByField({ id, value, fallback, onChange, choices = GROUP_BY_OPTIONS }: Props) {
  const options = useMemo(() => toOptions(choices), [choices]);
  return (
    <EditorField label="Group by" tooltip="One series (or row) per value">
      <Combobox<string>
        id={id}
        width={18}
        options={options}
        value={selected(choices, value ?? fallback)}
        createCustomValue
        onChange={(o) => onChange(o.value as GroupBy)}
      />
    </EditorField>
  );
}
