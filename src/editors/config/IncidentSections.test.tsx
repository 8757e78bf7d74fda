/** The PagerDuty and Jira config sections: what they store where (secrets only in secureJsonData), messages as you type. */
import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderSection } from '../testing/sectionHarness';
import { JiraSection } from './JiraSection';
import { PagerDutySection } from './PagerDutySection';

describe('PagerDutySection', () => {
  it('enabling stores the API URL (the proxy route reads it); the key goes to secureJsonData only', async () => {
    const { latest } = renderSection(PagerDutySection);
    await userEvent.click(screen.getByLabelText('Enable PagerDuty'));
    expect(latest().jsonData.pagerduty).toEqual({ enabled: true, apiUrl: 'https://api.pagerduty.com' });
    fireEvent.change(screen.getByLabelText(/^REST API key/), { target: { value: 'u+secretkey123' } });
    expect(latest().secureJsonData).toEqual({ pagerdutyToken: 'u+secretkey123' });
    expect(JSON.stringify(latest().jsonData)).not.toContain('secretkey');
  });

  it('listed services need at least one, and bad urgencies are named as you type', async () => {
    renderSection(PagerDutySection, {
      pagerduty: { enabled: true, apiUrl: 'https://api.pagerduty.com', serviceScope: 'services', urgencies: 'urgent' },
    });
    expect(screen.getByText(/no service listed/)).toBeInTheDocument();
    expect(screen.getByText(/urgency "urgent" is unknown/)).toBeInTheDocument();
  });
});

describe('JiraSection', () => {
  it('Cloud: the email stays in jsonData, the basic credentials (base64 of email:token) in secureJsonData', async () => {
    const { latest } = renderSection(JiraSection, {
      jira: { enabled: true, url: 'https://acme.atlassian.net', email: 'dora@acme.test' },
    });
    fireEvent.change(screen.getByLabelText(/^API token/), { target: { value: 'tok123' } });
    expect(latest().secureJsonData).toEqual({ jiraBasicCredentials: btoa('dora@acme.test:tok123') });
    expect(JSON.stringify(latest().jsonData)).not.toContain('tok123');
  });

  it('Data Center: a personal access token as is; a bad custom field id is named', async () => {
    const { latest } = renderSection(JiraSection, {
      jira: { enabled: true, url: 'https://jira.acme.test', deployment: 'datacenter', causeField: 'cause' },
    });
    fireEvent.change(screen.getByLabelText(/^Personal access token/), { target: { value: 'pat-xyz' } });
    expect(latest().secureJsonData).toEqual({ jiraToken: 'pat-xyz' });
    expect(screen.getByText(/causeField "cause" is not a custom field id/)).toBeInTheDocument();
  });
});

describe('server mode (issue 11): the PagerDuty and Jira tokens are saved under keys no proxy route names', () => {
  it('PagerDuty: pagerdutyTokenServer', () => {
    const { latest } = renderSection(PagerDutySection, {
      runQueriesIn: 'server',
      pagerduty: { enabled: true, apiUrl: 'https://api.pagerduty.com' },
    });
    fireEvent.change(screen.getByLabelText(/^REST API key/), { target: { value: 'u+secretkey123' } });
    expect(latest().secureJsonData).toEqual({ pagerdutyTokenServer: 'u+secretkey123' });
  });

  it('Jira Cloud: jiraBasicCredentialsServer; Data Center: jiraTokenServer', () => {
    const cloud = renderSection(JiraSection, {
      runQueriesIn: 'server',
      jira: { enabled: true, url: 'https://acme.atlassian.net', email: 'dora@acme.test' },
    });
    fireEvent.change(screen.getByLabelText(/^API token/), { target: { value: 'tok123' } });
    expect(cloud.latest().secureJsonData).toEqual({ jiraBasicCredentialsServer: btoa('dora@acme.test:tok123') });
    cloud.unmount();
    const dc = renderSection(JiraSection, {
      runQueriesIn: 'server',
      jira: { enabled: true, url: 'https://jira.acme.test', deployment: 'datacenter' },
    });
    fireEvent.change(screen.getByLabelText(/^Personal access token/), { target: { value: 'pat-xyz' } });
    expect(dc.latest().secureJsonData).toEqual({ jiraTokenServer: 'pat-xyz' });
  });
});
