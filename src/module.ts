import { DataSourcePlugin } from '@grafana/data';
import { DataSource } from './datasource/DataSource';
import { ConfigEditor } from './editors/ConfigEditor';
import { QueryEditor } from './editors/QueryEditor';
import { QueryHelp } from './editors/QueryHelp';
import { DoraJsonData } from './settings/model';
import { DoraQuery } from './query/model';

// Template variables (src/datasource/variableSupport.ts) and annotations (src/frames/annotations) are set on each DataSource instance.
export const plugin = new DataSourcePlugin<DataSource, DoraQuery, DoraJsonData>(DataSource)
  .setConfigEditor(ConfigEditor)
  .setQueryEditor(QueryEditor)
  .setQueryEditorHelp(QueryHelp);
