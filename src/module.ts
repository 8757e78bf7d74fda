import { DataSourcePlugin } from '@grafana/data';
import { DataSource } from './datasource';
import { ConfigEditor } from './editors/ConfigEditor';
import { QueryEditor } from './editors/QueryEditor';
import { DoraJsonData } from './types/config';
import { DoraQuery } from './types/query';

export const plugin = new DataSourcePlugin<DataSource, DoraQuery, DoraJsonData>(DataSource)
  .setConfigEditor(ConfigEditor)
  .setQueryEditor(QueryEditor);
