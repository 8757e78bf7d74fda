/**
 * The Grafana annotations section and the Grafana API section it brings: tags and keys stored in jsonData with
 * messages naming field, value and fix; the Grafana URL stored for the server's routes; the service account token
 * only in secureJsonData, under the server-mode key in server mode, with a warning while it is missing there.
 */
import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderConfigEditor } from '../testing/configHarness';
import { renderSection } from '../testing/sectionHarness';
import { AnnotationsSection } from './AnnotationsSection';
import { GrafanaApiSection } from './GrafanaApiSection';

const TOKEN = 'glsa_0123456789abcdefABCDEF0123456789_abcdef01';

describe('AnnotationsSection', () => {
  it('enabling stores the tags and the Grafana URL the server routes read', async () => {
    const { latest } = renderSection(AnnotationsSection);
    await userEvent.click(screen.getByLabelText('Enable Grafana annotations'));
    fireEvent.change(screen.getByLabelText(/^Incident tags/), { target: { value: 'incident, prod' } });
    fireEvent.change(screen.getByLabelText(/^Service key/), { target: { value: 'app' } });
    expect(latest().jsonData).toEqual({
      annotations: { enabled: true, incidentTags: 'incident, prod', serviceKey: 'app' },
      grafanaApi: { url: 'http://localhost:3000' },
    });
  });

  it('names bad values with the fix as you type', () => {
    renderSection(AnnotationsSection, {
      annotations: {
        enabled: true,
        deploymentTags: 'deploy',
        incidentTags: 'deploy',
        dashboardUid: 'a b',
        shaKey: 'service',
      },
    });
    expect(
      screen.getByText(/incidentTags "deploy" are the deployment tags; use a tag of their own/)
    ).toBeInTheDocument();
    expect(screen.getByText(/dashboardUid "a b" is not a dashboard UID/)).toBeInTheDocument();
    expect(screen.getByText(/shaKey "service" is also serviceKey; each key must differ/)).toBeInTheDocument();
  });
});

describe('GrafanaApiSection', () => {
  it('is hidden until annotations or the data source bridge is enabled', () => {
    renderConfigEditor({});
    expect(screen.queryByText('Grafana API on the server')).not.toBeInTheDocument();
  });

  it('browser mode: the token goes to grafanaToken in secureJsonData only, with the proxy caveat', () => {
    const { latest } = renderSection(GrafanaApiSection, {
      annotations: { enabled: true },
      grafanaApi: { url: 'http://localhost:3000' },
    });
    expect(screen.getByText(/can use it through Grafana's proxy/)).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText(/^Service account token/), { target: { value: TOKEN } });
    expect(latest().secureJsonData).toEqual({ grafanaToken: TOKEN });
    expect(JSON.stringify(latest().jsonData)).not.toContain('glsa_');
  });

  it('server mode: warns while no token is saved, then saves it as grafanaTokenServer', () => {
    const { latest } = renderSection(GrafanaApiSection, {
      runQueriesIn: 'server',
      datasourceBridge: { enabled: true },
      grafanaApi: { url: 'http://localhost:3000' },
    });
    expect(screen.getByText('No service account token')).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText(/^Service account token/), { target: { value: TOKEN } });
    expect(latest().secureJsonData).toEqual({ grafanaTokenServer: TOKEN });
    expect(screen.queryByText('No service account token')).not.toBeInTheDocument();
  });

  it('a bad Grafana URL is named with the fix; leaving the field stores it trimmed', () => {
    const { latest } = renderSection(GrafanaApiSection, {
      annotations: { enabled: true },
      grafanaApi: { url: 'localhost:3000' },
    });
    expect(
      screen.getByText(/url "localhost:3000" is not an http\(s\) URL without query; use e.g. http:\/\/localhost:3000/)
    ).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText(/^Grafana URL/), { target: { value: 'https://grafana.acme.test/' } });
    fireEvent.blur(screen.getByLabelText(/^Grafana URL/));
    expect(latest().jsonData.grafanaApi).toEqual({ url: 'https://grafana.acme.test' });
  });
});
