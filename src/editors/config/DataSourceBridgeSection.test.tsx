/**
 * The data source bridge section: mappings added, edited and removed in jsonData (with the Grafana URL the server's
 * route reads), a data source picked through Grafana's picker, a column per event field with the required ones
 * marked, and each problem named under its mapping as you type.
 */
import React from 'react';
import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DataSourceInstanceSettings } from '@grafana/data';
import { MAPPINGS } from '../../sources/datasource/testing/mappings';
import { renderSection } from '../testing/sectionHarness';
import { DataSourceBridgeSection } from './DataSourceBridgeSection';

const WAREHOUSE = { uid: 'warehouse', type: 'grafana-postgresql-datasource', name: 'Warehouse' };
const SELF = { uid: 'dora', type: 'opendora-dora-datasource', name: 'DORA' };

/** Grafana's picker needs the data source service; this one lists two data sources through the same props. */
jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  DataSourcePicker: (props: {
    inputId: string;
    current: string | null;
    filter: (ds: DataSourceInstanceSettings) => boolean;
    onChange: (ds: DataSourceInstanceSettings) => void;
  }) => {
    const all = [WAREHOUSE, SELF].filter((ds) => props.filter(ds as unknown as DataSourceInstanceSettings));
    return (
      <select
        id={props.inputId}
        value={props.current ?? ''}
        onChange={(e) => props.onChange(all.find((ds) => ds.uid === e.currentTarget.value) as never)}
      >
        <option value="">Select a data source</option>
        {all.map((ds) => (
          <option key={ds.uid} value={ds.uid}>
            {ds.name}
          </option>
        ))}
      </select>
    );
  },
}));

describe('DataSourceBridgeSection', () => {
  it('enabling asks for a mapping; a new mapping names what it lacks, required columns marked', async () => {
    const { latest } = renderSection(DataSourceBridgeSection);
    await userEvent.click(screen.getByLabelText('Enable data source mappings'));
    expect(latest().jsonData.grafanaApi).toEqual({ url: 'http://localhost:3000' });
    expect(screen.getByText(/no mapping yet; add one/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: /Add mapping/ }));
    expect(latest().jsonData.datasourceBridge?.mappings).toEqual([{ kind: 'deployments', columns: {} }]);
    expect(screen.getByText(/Mapping "mapping 1": choose the data source to query/)).toBeInTheDocument();
    expect(screen.getByText(/Mapping "mapping 1": the query is empty/)).toBeInTheDocument();
    expect(
      screen.getByText(
        /choose the column of service, environment, repo, sha, finishedAt, status \(required for deployments\)/
      )
    ).toBeInTheDocument();
    expect(screen.getByText('sha *')).toBeInTheDocument();
    expect(screen.getByText('url')).toBeInTheDocument();
  });

  it('the picker offers other data sources only, and stores uid, type and name', () => {
    const { latest } = renderSection(DataSourceBridgeSection, {
      datasourceBridge: { enabled: true, mappings: [{ kind: 'incidents', columns: {} }] },
    });
    const picker = screen.getByLabelText(/^Data source/) as HTMLSelectElement;
    expect(within(picker).queryByText('DORA')).not.toBeInTheDocument();
    fireEvent.change(picker, { target: { value: 'warehouse' } });
    expect(latest().jsonData.datasourceBridge?.mappings?.[0].datasource).toEqual(WAREHOUSE);
  });

  it('query, kind and columns are edited in place; an emptied column is removed', async () => {
    const { latest } = renderSection(DataSourceBridgeSection, {
      datasourceBridge: { enabled: true, mappings: [MAPPINGS[0]] },
    });
    expect(screen.queryByText(/Mapping "Deployments":/)).not.toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('sha *'), { target: { value: '' } });
    expect(latest().jsonData.datasourceBridge?.mappings?.[0].columns).not.toHaveProperty('sha');
    expect(screen.getByText(/Mapping "Deployments": choose the column of sha/)).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText(/^Query model/), { target: { value: '{bad' } });
    expect(screen.getByText(/Mapping "Deployments": the query model is not valid JSON/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('radio', { name: 'Incidents' }));
    expect(latest().jsonData.datasourceBridge?.mappings?.[0].kind).toBe('incidents');
    expect(screen.getByText('createdAt *')).toBeInTheDocument();
  });

  it('names a mapping named twice, and removes a mapping', async () => {
    const { latest } = renderSection(DataSourceBridgeSection, {
      datasourceBridge: { enabled: true, mappings: [MAPPINGS[0], MAPPINGS[0]] },
    });
    expect(screen.getByText(/Mapping "Deployments" is named twice/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Remove mapping 2' }));
    expect(latest().jsonData.datasourceBridge?.mappings).toEqual([MAPPINGS[0]]);
    expect(screen.queryByText(/named twice/)).not.toBeInTheDocument();
  });
});
