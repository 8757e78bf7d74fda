/** The GitLab config section: what it stores where (the token only in secureJsonData), messages as you type. */
import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GitLabSection } from './GitLabSection';
import { renderSection } from '../testing/sectionHarness';

const enabled = { gitlab: { enabled: true, projects: 'acme/shop' } };

describe('GitLabSection', () => {
  it('enabling stores the API URL of gitlab.com (the proxy route reads it)', async () => {
    const { latest } = renderSection(GitLabSection);
    await userEvent.click(screen.getByLabelText('Enable GitLab'));
    expect(latest().jsonData.gitlab).toEqual({ enabled: true, apiUrl: 'https://gitlab.com/api/v4' });
    expect(screen.getByText(/no project configured; add group\/project lines or a group/)).toBeInTheDocument();
  });

  it('a self-managed instance with a path prefix gets its API URL; a non-https URL is refused as you type', () => {
    const { latest } = renderSection(GitLabSection, enabled);
    const url = screen.getByLabelText(/^Instance URL/);
    fireEvent.change(url, { target: { value: 'https://example.com/gitlab' } });
    expect(latest().jsonData.gitlab).toMatchObject({
      url: 'https://example.com/gitlab',
      apiUrl: 'https://example.com/gitlab/api/v4',
    });
    fireEvent.change(url, { target: { value: 'example.com/gitlab' } });
    expect(screen.getByText(/url "example.com\/gitlab" is not an https URL/)).toBeInTheDocument();
    fireEvent.change(url, { target: { value: '' } });
    expect(latest().jsonData.gitlab?.url).toBeUndefined();
  });

  it('pipeline jobs show their own rules and need a job pattern; values go to jsonData.gitlab', async () => {
    const { latest } = renderSection(GitLabSection, enabled);
    expect(screen.getByLabelText(/^Environment pattern/)).toBeInTheDocument();
    await userEvent.click(screen.getByText('Pipeline jobs'));
    expect(latest().jsonData.gitlab?.deploymentSource).toBe('jobs');
    expect(screen.queryByLabelText(/^Environment pattern/)).not.toBeInTheDocument();
    expect(screen.getByText(/acme\/shop: deploy=jobs needs a job name pattern/)).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText(/^Job pattern/), '^deploy');
    expect(screen.queryByText(/deploy=jobs needs a job name pattern/)).not.toBeInTheDocument();
    await userEvent.type(screen.getByLabelText(/^Pipeline ref/), 'main');
    expect(latest().jsonData.gitlab).toMatchObject({ jobPattern: '^deploy', jobRef: 'main' });
    fireEvent.change(screen.getByLabelText(/^Timeout/), { target: { value: '900' } });
    expect(latest().jsonData.gitlab?.timeoutSeconds).toBe(900);
    expect(screen.getByText(/timeoutSeconds 900 must be between 1 and 600/)).toBeInTheDocument();
  });

  it('shows the problems of each project line', () => {
    renderSection(GitLabSection, enabled);
    fireEvent.change(screen.getByLabelText(/^Projects/), { target: { value: 'acme/shop\nacme/api deploy=jobs' } });
    expect(screen.getByText(/acme\/api: deploy=jobs needs a job name pattern/)).toBeInTheDocument();
  });

  it('the token goes to secureJsonData only, under its server key in server mode; reset clears it', async () => {
    const browser = renderSection(GitLabSection, enabled);
    await userEvent.type(screen.getByLabelText(/^Access token/), 'glpat-x');
    expect(browser.latest().secureJsonData).toEqual({ gitlabToken: 'glpat-x' });
    expect(JSON.stringify(browser.latest().jsonData)).not.toContain('glpat-x');
    document.body.innerHTML = '';
    const server = renderSection(GitLabSection, { ...enabled, runQueriesIn: 'server' }, { gitlabTokenServer: true });
    await userEvent.click(screen.getByRole('button', { name: /reset/i }));
    expect(server.latest().secureJsonFields).toEqual({ gitlabTokenServer: false });
    expect(server.latest().secureJsonData).toEqual({ gitlabTokenServer: '' });
  });
});
