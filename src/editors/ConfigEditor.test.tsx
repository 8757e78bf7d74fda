import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { instanceSettings } from '../datasource/testing';
import { HttpClient } from '../sources/http';
import { createSourceSetup } from '../sources/registry';
import { renderConfigEditor } from './testing/configHarness';

const noHttp: HttpClient = { request: () => Promise.reject(new Error('no HTTP in this test')) };

describe('ConfigEditor', () => {
  it('stores a typed production environment pattern in jsonData', async () => {
    const { latest } = renderConfigEditor();
    await userEvent.type(screen.getByLabelText(/Production environment pattern/), '^live$');
    expect(latest()?.productionEnvironmentPattern).toBe('^live$');
    expect(screen.queryByText(/is not a valid regular expression/)).not.toBeInTheDocument();
  });

  it('shows an invalid pattern under its field and in the summary while typing', async () => {
    const { latest } = renderConfigEditor();
    // "[[" is how user-event types a literal "[".
    await userEvent.type(screen.getByLabelText(/Hotfix pattern/), 'hotfix[[');
    expect(latest()?.hotfixPattern).toBe('hotfix[');
    const messages = screen.getAllByText(/Hotfix pattern "hotfix\[" is not a valid regular expression/);
    // once under the field, once in the "settings need attention" list
    expect(messages).toHaveLength(2);
    expect(screen.getByText('1 setting needs attention')).toBeInTheDocument();
  });

  it('clearing a pattern falls back to the default (undefined, placeholder shown)', async () => {
    const { latest } = renderConfigEditor({ revertPattern: 'x' });
    const input = screen.getByLabelText(/Revert pattern/);
    await userEvent.clear(input);
    expect(latest()?.revertPattern).toBeUndefined();
    expect(input).toHaveAttribute('placeholder', '^revert\\b');
  });

  it('rejects a non-positive incident link window with a message naming the field and value', async () => {
    const { latest } = renderConfigEditor();
    const input = screen.getByLabelText(/Incident link window/);
    fireEvent.change(input, { target: { value: '0' } });
    expect(latest()?.incidentLinkWindowHours).toBe(0);
    expect(
      screen.getAllByText(/Incident link window \(hours\) 0 must be a number greater than 0/).length
    ).toBeGreaterThan(0);
    fireEvent.change(input, { target: { value: '48' } });
    expect(latest()?.incidentLinkWindowHours).toBe(48);
    expect(screen.queryByText(/must be a number greater than 0/)).not.toBeInTheDocument();
  });

  it('toggles whether rollbacks count as rework (default on)', async () => {
    const { latest } = renderConfigEditor();
    const toggle = screen.getByLabelText(/^Rollbacks count as rework/);
    expect(toggle).toBeChecked();
    await userEvent.click(toggle);
    expect(latest()?.rollbacksAreRework).toBe(false);
  });

  it('validates the catalog YAML as it is typed and shows the line of the error', async () => {
    const { latest } = renderConfigEditor();
    const area = screen.getByLabelText(/^Catalog \(YAML\)/);
    fireEvent.change(area, {
      target: { value: 'services:\n  - name: checkout\n    team: payments\n    colour: red\n' },
    });
    expect(latest()?.catalogYaml).toContain('colour: red');
    const errors = screen.getByTestId('dora-catalog-errors');
    expect(errors).toHaveTextContent('Line 4: Unknown service key "colour"');
    fireEvent.change(area, {
      target: { value: 'services:\n  - name: checkout\n    team: payments\n  - name: search\n    team: discovery\n' },
    });
    expect(screen.queryByTestId('dora-catalog-errors')).not.toBeInTheDocument();
    expect(screen.getByTestId('dora-catalog-summary')).toHaveTextContent('Valid: 2 services, 2 teams, 0 repositories.');
  });

  it('warns when two services list the same incident service', () => {
    renderConfigEditor();
    fireEvent.change(screen.getByLabelText(/^Catalog \(YAML\)/), {
      target: {
        value:
          'services:\n  - name: checkout\n    incidentServices: [Shop]\n  - name: billing\n    incidentServices: [Shop]\n',
      },
    });
    expect(screen.getByTestId('dora-catalog-ambiguities')).toHaveTextContent(
      'Incident service "Shop" is listed by checkout, billing'
    );
    expect(screen.queryByTestId('dora-catalog-errors')).not.toBeInTheDocument();
  });

  it('reports broken YAML syntax with its line', () => {
    renderConfigEditor();
    fireEvent.change(screen.getByLabelText(/^Catalog \(YAML\)/), {
      target: { value: 'services:\n  - name: checkout\n    team: [payments\n' },
    });
    expect(screen.getByTestId('dora-catalog-errors')).toHaveTextContent(/Line \d+: Catalog YAML is not valid/);
  });

  it('inserts the example catalog, which is valid', async () => {
    const { latest } = renderConfigEditor();
    await userEvent.click(screen.getByRole('button', { name: /Insert example/ }));
    expect(latest()?.catalogYaml).toContain('name: checkout');
    expect(screen.getByTestId('dora-catalog-summary')).toHaveTextContent('Valid: 1 service, 1 team, 2 repositories.');
  });

  it('chooses the benchmark year (2023 by default)', async () => {
    const { latest } = renderConfigEditor();
    expect(screen.getByLabelText('2023')).toBeChecked();
    await userEvent.click(screen.getByLabelText('2021'));
    expect(latest()?.benchmarkYear).toBe(2021);
  });

  it('stores the look-back in days, from 0 to 3650, as the data source reads it', () => {
    const { latest } = renderConfigEditor();
    const input = screen.getByLabelText(/Look-back \(days\)/);
    fireEvent.change(input, { target: { value: '60' } });
    expect(latest()?.lookbackDays).toBe(60);
    fireEvent.change(input, { target: { value: '0' } });
    expect(latest()?.lookbackDays).toBe(0);
    expect(screen.queryByText(/Look-back \(days\) 0/)).not.toBeInTheDocument();
    fireEvent.change(input, { target: { value: '4000' } });
    expect(screen.getAllByText('Look-back (days) 4000 is more than 3650; use at most 3650.').length).toBeGreaterThan(0);
    fireEvent.change(input, { target: { value: '' } });
    expect(latest()?.lookbackDays).toBeUndefined();
  });

  it('switches the demo source and its seed', async () => {
    const { latest } = renderConfigEditor({ demoEnabled: false, github: { enabled: true, repositories: 'acme/shop' } });
    const seed = screen.getByLabelText(/Demo seed/);
    expect(seed).toBeDisabled();
    await userEvent.click(screen.getByLabelText('Enable demo data'));
    expect(latest()?.demoEnabled).toBe(true);
    fireEvent.change(seed, { target: { value: '7' } });
    expect(latest()?.demoSeed).toBe(7);
  });

  it('shows the demo data on while no provider is enabled, as the data source serves it, whatever demoEnabled says', () => {
    renderConfigEditor({ demoEnabled: false });
    const demo = screen.getByLabelText(/^Enable demo data/);
    expect(demo).toBeChecked();
    expect(demo).toBeDisabled();
    expect(createSourceSetup(instanceSettings({ demoEnabled: false }), noHttp).demo).toBe('unconfigured');
  });

  it('flags a demo seed that is not a whole number under the field and in the summary; the data source ignores it', () => {
    renderConfigEditor({ demoEnabled: true, demoSeed: 1.5 });
    const message = 'Demo seed 1.5 must be a whole number; clear it to use the default seed.';
    // once under the field, once in the "settings need attention" list
    expect(screen.getAllByText(message)).toHaveLength(2);
    const setup = createSourceSetup(instanceSettings({ demoSeed: 1.5 }), noHttp);
    expect(setup.notices.map((n) => n.text)).toEqual([`Data source settings: ${message}`]);
  });

  it('keeps the other settings when one changes', async () => {
    const { latest } = renderConfigEditor({ lookbackDays: 45, benchmarkYear: 2022, catalogYaml: 'services: []\n' });
    await userEvent.type(screen.getByLabelText(/Pipeline name pattern/), 'deploy');
    expect(latest()).toEqual(
      expect.objectContaining({
        lookbackDays: 45,
        benchmarkYear: 2022,
        catalogYaml: 'services: []\n',
        pipelinePattern: 'deploy',
      })
    );
  });

  it('shows no attention box for valid settings', () => {
    renderConfigEditor({ productionEnvironmentPattern: '^prod', hotfixPattern: 'hotfix', lookbackDays: 10 });
    expect(screen.queryByTestId('dora-config-issues')).not.toBeInTheDocument();
  });

  it('includes the GitHub provider; enabling it turns the implied demo data off', async () => {
    const { latest } = renderConfigEditor();
    expect(screen.getByLabelText(/^Enable demo data/)).toBeChecked();
    await userEvent.click(screen.getByLabelText(/^Enable GitHub/));
    expect(latest()?.github?.enabled).toBe(true);
    expect(screen.getByLabelText(/^Enable demo data/)).not.toBeChecked();
    expect(latest()?.demoEnabled).toBeUndefined();
  });
});
