import { DataSourcePlugin } from '@grafana/data';
import { DataSource } from './datasource';
import { ConfigEditor } from './editors/ConfigEditor';
import { QueryEditor } from './editors/QueryEditor';
import { QueryHelp } from './editors/QueryHelp';
import { DoraJsonData } from './types/config';
import { DoraQuery } from './types/query';

// Template variables (src/variables) and annotations (src/annotations) are set on each DataSource instance.
export const plugin = new DataSourcePlugin<DataSource, DoraQuery, DoraJsonData>(DataSource)
  .setConfigEditor(ConfigEditor)
  .setQueryEditor(QueryEditor)
  .setQueryEditorHelp(QueryHelp);
