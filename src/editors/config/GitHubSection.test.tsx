import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DoraJsonData } from '../../settings/model';
import { GitHubSection } from './GitHubSection';
import { renderSection as renderWith } from '../testing/sectionHarness';

function renderSection(jsonData: DoraJsonData = {}, secureJsonFields: Record<string, boolean> = {}) {
  return renderWith(GitHubSection, jsonData, secureJsonFields);
}

const enabled = { github: { enabled: true, repositories: 'acme/shop' } };

describe('GitHubSection', () => {
  it('enabling stores both API URLs (the proxy routes read them) and says to use a read-only token', async () => {
    const { latest } = renderSection();
    await userEvent.click(screen.getByLabelText('Enable GitHub'));
    expect(latest().jsonData.github).toEqual({
      enabled: true,
      apiUrl: 'https://api.github.com',
      graphqlUrl: 'https://api.github.com/graphql',
    });
    expect(screen.getByText(/fine-grained, read-only token limited to the repositories/)).toBeInTheDocument();
  });

  it('a GitHub Enterprise Server URL brings its GraphQL endpoint along; a non-https URL is refused as you type', async () => {
    const { latest } = renderSection(enabled);
    const api = screen.getByLabelText(/^API URL/);
    fireEvent.change(api, { target: { value: 'https://github.acme.com/api/v3' } });
    expect(latest().jsonData.github).toMatchObject({
      apiUrl: 'https://github.acme.com/api/v3',
      graphqlUrl: 'https://github.acme.com/api/graphql',
    });
    fireEvent.change(api, { target: { value: 'http://github.acme.com/api/v3' } });
    expect(screen.getByText(/apiUrl "http:\/\/github.acme.com\/api\/v3" is not an https URL/)).toBeInTheDocument();
    // Cleared: back to github.com (stored, since the routes need it), shown as the placeholder.
    fireEvent.change(api, { target: { value: '' } });
    expect(latest().jsonData.github).toMatchObject({
      apiUrl: 'https://api.github.com',
      graphqlUrl: 'https://api.github.com/graphql',
    });
    expect(api).toHaveValue('');
  });

  it('shows bad repository lines and invalid patterns while typing', async () => {
    renderSection(enabled);
    const repos = screen.getByLabelText(/^Repositories/);
    fireEvent.change(repos, { target: { value: 'acme/shop\nacme\nacme/api env=([' } });
    expect(screen.getByText(/Line 2: "acme" is not owner\/name/)).toBeInTheDocument();
    expect(
      screen.getByText(/Line 3: acme\/api: environmentPattern "\(\[" is not a valid regular expression/)
    ).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText(/^Environment pattern/), 'prod[[');
    expect(screen.getByText(/environmentPattern "prod\[" is not a valid regular expression/)).toBeInTheDocument();
  });

  it('workflow runs show their own rules; values go to jsonData.github', async () => {
    const { latest } = renderSection(enabled);
    expect(screen.getByLabelText(/^Environment pattern/)).toBeInTheDocument();
    await userEvent.click(screen.getByText('Actions workflow runs'));
    expect(latest().jsonData.github?.deploymentSource).toBe('workflows');
    expect(screen.queryByLabelText(/^Environment pattern/)).not.toBeInTheDocument();
    await userEvent.type(screen.getByLabelText(/^Job pattern/), '^deploy');
    await userEvent.type(screen.getByLabelText(/^Incident labels/), 'incident,outage');
    expect(latest().jsonData.github).toMatchObject({ jobPattern: '^deploy', incidentLabels: 'incident,outage' });
  });

  it('the token goes to secureJsonData only', async () => {
    const first = renderSection(enabled);
    await userEvent.type(screen.getByLabelText(/^Personal access token/), 'github_pat_x');
    expect(first.latest().secureJsonData).toEqual({ githubToken: 'github_pat_x' });
    expect(JSON.stringify(first.latest().jsonData)).not.toContain('github_pat_x');
  });

  it('reset clears a configured token', async () => {
    const { latest } = renderSection(enabled, { githubToken: true });
    await userEvent.click(screen.getByRole('button', { name: /reset/i }));
    expect(latest().secureJsonFields).toEqual({ githubToken: false });
    expect(latest().secureJsonData).toEqual({ githubToken: '' });
  });

  it('no messages while GitHub is disabled; "nothing configured" once enabled', async () => {
    renderSection({ github: { enabled: false } });
    expect(screen.queryByText(/no repository configured/)).not.toBeInTheDocument();
    await userEvent.click(screen.getByLabelText('Enable GitHub'));
    expect(screen.getByText(/no repository configured; add owner\/name lines or an organization/)).toBeInTheDocument();
  });
});
