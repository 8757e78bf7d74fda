import { DataSourcePlugin } from '@grafana/data';
import { DataSource } from './datasource/DataSource';
import { ConfigEditor, QueryEditor, QueryHelp } from './editors/lazy';
import { DoraJsonData } from './settings/model';
import { DoraQuery } from './query/model';

// The editors load on first display (src/editors/lazy.tsx), the query pipeline on the first query (DataSource).
// Template variables (src/datasource/variableSupport.ts) and annotations (src/frames/annotations) are set on each DataSource instance.
export const plugin = new DataSourcePlugin<DataSource, DoraQuery, DoraJsonData>(DataSource)
  .setConfigEditor(ConfigEditor)
  .setQueryEditor(QueryEditor)
  .setQueryEditorHelp(QueryHelp);
