/** The incident.io config section: the key only in secureJsonData (under the server twin in server mode), names as typed, messages as you type. */
import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderSection } from '../testing/sectionHarness';
import { IncidentIoSection } from './IncidentIoSection';

describe('IncidentIoSection', () => {
  it('enabling stores the switch; the API key goes to secureJsonData only; names are kept as typed', async () => {
    const { latest } = renderSection(IncidentIoSection);
    await userEvent.click(screen.getByLabelText('Enable incident.io'));
    expect(latest().jsonData.incidentio).toEqual({ enabled: true });
    fireEvent.change(screen.getByLabelText(/^API key/), { target: { value: 'inc_secretkey123' } });
    expect(latest().secureJsonData).toEqual({ incidentioToken: 'inc_secretkey123' });
    fireEvent.change(screen.getByLabelText(/^Severities that count/), { target: { value: 'Critical, Major' } });
    expect(latest().jsonData.incidentio).toMatchObject({ enabled: true, severities: 'Critical, Major' });
    expect(JSON.stringify(latest().jsonData)).not.toContain('secretkey');
  });

  it('the incident type as the service hides the service field; an unknown mode is named as you type', () => {
    renderSection(IncidentIoSection, { incidentio: { enabled: true, serviceFrom: 'incidentType', modes: 'drill' } });
    expect(screen.queryByLabelText(/^Service field/)).toBeNull();
    expect(screen.getByText(/mode "drill" is unknown/)).toBeInTheDocument();
  });

  it('server mode: the key is saved as incidentioTokenServer, which no proxy route names', () => {
    const { latest } = renderSection(IncidentIoSection, { runQueriesIn: 'server', incidentio: { enabled: true } });
    fireEvent.change(screen.getByLabelText(/^API key/), { target: { value: 'inc_secretkey123' } });
    expect(latest().secureJsonData).toEqual({ incidentioTokenServer: 'inc_secretkey123' });
  });
});
