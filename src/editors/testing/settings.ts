/** Test helper: data source settings as Grafana hands them to the ConfigEditor, with the given jsonData. */
import { DataSourceSettings } from '@grafana/data';
import { DoraJsonData, DoraSecureJsonData } from '../../settings/model';

export type DoraSettings = DataSourceSettings<DoraJsonData, DoraSecureJsonData>;

export function settingsWith(jsonData: DoraJsonData = {}): DoraSettings {
  return {
    id: 1,
    uid: 'dora-test',
    orgId: 1,
    name: 'DORA Metrics',
    type: 'opendora-dora-datasource',
    typeName: 'DORA Metrics',
    typeLogoUrl: '',
    access: 'proxy',
    url: '',
    user: '',
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- required by the type
    database: '',
    basicAuth: false,
    basicAuthUser: '',
    isDefault: false,
    withCredentials: false,
    readOnly: false,
    jsonData,
    secureJsonFields: {},
    secureJsonData: {},
  };
}
