/** The Argo CD config section: what it stores where (the token only in secureJsonData, per mode), messages as you type. */
import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderSection } from '../testing/sectionHarness';
import { ArgoCdSection } from './ArgoCdSection';

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.argo-secret-token';

describe('ArgoCdSection', () => {
  it('enabling and typing the URL store them in jsonData; the token goes to secureJsonData only', async () => {
    const { latest } = renderSection(ArgoCdSection);
    await userEvent.click(screen.getByLabelText('Enable Argo CD'));
    fireEvent.change(screen.getByLabelText(/^Argo CD URL/), { target: { value: 'https://argocd.acme.test/' } });
    fireEvent.blur(screen.getByLabelText(/^Argo CD URL/));
    expect(latest().jsonData.argocd).toEqual({ enabled: true, url: 'https://argocd.acme.test' });
    fireEvent.change(screen.getByLabelText(/^API token/), { target: { value: TOKEN } });
    expect(latest().secureJsonData).toEqual({ argocdToken: TOKEN });
    expect(JSON.stringify(latest().jsonData)).not.toContain('argo-secret');
  });

  it('in server mode the token is saved under argocdTokenServer, which no proxy route names', () => {
    const { latest } = renderSection(ArgoCdSection, {
      runQueriesIn: 'server',
      argocd: { enabled: true, url: 'https://argocd.acme.test' },
    });
    fireEvent.change(screen.getByLabelText(/^API token/), { target: { value: TOKEN } });
    expect(latest().secureJsonData).toEqual({ argocdTokenServer: TOKEN });
  });

  it('a saved token shows as configured and resets to empty', async () => {
    const { latest } = renderSection(
      ArgoCdSection,
      { argocd: { enabled: true, url: 'https://argocd.acme.test' } },
      { argocdToken: true }
    );
    await userEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(latest().secureJsonFields).toEqual({ argocdToken: false });
    expect(latest().secureJsonData).toEqual({ argocdToken: '' });
  });

  it('scope, label and pattern fields appear with their choice; bad values are named with the fix as you type', async () => {
    const { latest } = renderSection(ArgoCdSection, {
      argocd: { enabled: true, url: 'argocd.acme.test', applications: 'projects', projects: 'Payments' },
    });
    expect(
      screen.getByText(/url "argocd.acme.test" is not an http\(s\) URL without query; use e.g. https:/)
    ).toBeInTheDocument();
    expect(screen.getByText(/project "Payments" is not an Argo CD project name \(lower case/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('radio', { name: 'Name pattern' }));
    expect(latest().jsonData.argocd?.applications).toBe('pattern');
    expect(screen.getByText(/namePattern is empty; enter a regular expression/)).toBeInTheDocument();
    fireEvent.change(screen.getByPlaceholderText('^checkout-'), { target: { value: '(' } });
    expect(screen.getByText(/namePattern "\(" is not a valid regular expression/)).toBeInTheDocument();
    await userEvent.click(screen.getAllByRole('radio', { name: 'A label' })[0]);
    expect(screen.getByText(/serviceLabel is empty; enter the label key/)).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText(/^Service label/), { target: { value: 'team/service' } });
    expect(latest().jsonData.argocd).toMatchObject({ serviceFrom: 'label', serviceLabel: 'team/service' });
    expect(screen.queryByText(/serviceLabel/)).not.toBeInTheDocument();
  });

  it('shows no message while disabled', () => {
    renderSection(ArgoCdSection, { argocd: { enabled: false, url: 'nope' } });
    expect(screen.queryByText(/is not an http/)).not.toBeInTheDocument();
  });
});
