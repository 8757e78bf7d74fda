/**
 * The proxy routes the incident sources rely on (plugin.json): GET only, URL from jsonData, the secret only from
 * secureJsonData (under its browser-mode name: the backend substitutes K + "Server" itself), and the registry
 * starts each source from its switch.
 */
import plugin from '../../plugin.json';
import { instanceSettings } from '../../datasource/testing';
import { createSourceSetup } from '../registry';
import { HttpClient } from '../http';

interface Route {
  path: string;
  method?: string;
  url: string;
  headers?: Array<{ name: string; content: string }>;
}

const routes = (plugin as { routes?: Route[] }).routes ?? [];
const route = (path: string) => routes.find((r) => r.path === path);

describe('plugin.json incident routes', () => {
  it('PagerDuty: GET to the API URL with the REST API key as "Token token="', () => {
    const r = route('pagerduty/api')!;
    expect([r.method, r.url]).toEqual(['GET', '{{ .JsonData.pagerduty.apiUrl }}']);
    expect(r.headers?.find((h) => h.name === 'Authorization')?.content).toBe(
      'Token token={{ .SecureJsonData.pagerdutyToken }}'
    );
  });

  it('Jira: Cloud with basic credentials, Data Center with a personal access token, both GET to the site URL', () => {
    expect(route('jira/cloud')).toMatchObject({ method: 'GET', url: '{{ .JsonData.jira.url }}' });
    expect(route('jira/cloud')!.headers).toEqual([
      { name: 'Authorization', content: 'Basic {{ .SecureJsonData.jiraBasicCredentials }}' },
    ]);
    expect(route('jira/datacenter')).toMatchObject({ method: 'GET', url: '{{ .JsonData.jira.url }}' });
    expect(route('jira/datacenter')!.headers).toEqual([
      { name: 'Authorization', content: 'Bearer {{ .SecureJsonData.jiraToken }}' },
    ]);
  });

  it('no route names a server-mode key or puts a secret in its URL', () => {
    for (const r of routes) {
      const text = JSON.stringify(r);
      expect([r.path, /SecureJsonData\.\w+Server\b/.test(text), /SecureJsonData/.test(r.url)]).toEqual([
        r.path,
        false,
        false,
      ]);
    }
  });

  it('the registry starts PagerDuty and Jira when their switches are on (and no demo then)', () => {
    const http: HttpClient = { request: () => Promise.reject(new Error('not used')) };
    const setup = createSourceSetup(
      instanceSettings({
        pagerduty: { enabled: true, apiUrl: 'https://api.eu.pagerduty.com' },
        jira: { enabled: true, url: 'https://acme.atlassian.net', deployment: 'cloud', email: 'a@acme.test' },
      }),
      http
    );
    expect(setup.sources.map((s) => s.name)).toEqual(['pagerduty', 'jira']);
    expect(setup.demo).toBeNull();
  });
});
