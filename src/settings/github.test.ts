import { graphqlUrlFor, parseRepositoryLines, resolveGitHubSettings, validateGitHubSettings } from './github';

describe('GitHub settings', () => {
  it('parses repository lines with per-repository overrides and comments', () => {
    const { lines, problems } = parseRepositoryLines(
      '# shop first\nacme/shop deploy=workflows workflow=^Deploy$ job=deploy-prod branch=release\n\n  acme/api env=^prod-(eu|us)$ labels=incident,outage service=api\n'
    );
    expect(problems).toEqual([]);
    expect(lines).toEqual([
      {
        repo: 'acme/shop',
        overrides: {
          deploymentSource: 'workflows',
          workflowPattern: '^Deploy$',
          jobPattern: 'deploy-prod',
          workflowBranch: 'release',
        },
      },
      {
        repo: 'acme/api',
        overrides: { environmentPattern: '^prod-(eu|us)$', incidentLabels: 'incident,outage', service: 'api' },
      },
    ]);
  });

  it('names the line, the value and the fix for bad lines', () => {
    const { problems } = parseRepositoryLines(
      'acme\nacme/shop colour=blue\nacme/api env=([\nacme/web deploy=ftp\nacme/shop\nacme/x production=bad~name'
    );
    expect(problems).toEqual([
      { field: 'repositories line 1', message: '"acme" is not owner/name (e.g. grafana/grafana).' },
      {
        field: 'repositories line 2',
        message:
          '"colour=blue" is not key=value with a known key (deploy, env, workflow, job, branch, production, labels, service).',
      },
      {
        field: 'repositories line 3',
        message: expect.stringMatching(/^acme\/api: environmentPattern "\(\[" is not a valid regular expression: /),
      },
      {
        field: 'repositories line 4',
        message: 'acme/web: deployment source "ftp" is unknown; use one of deployments, workflows, releases, tags.',
      },
      { field: 'repositories line 5', message: 'acme/shop is listed twice; keep one line.' },
      {
        field: 'repositories line 6',
        message: 'acme/x: productionBranch "bad~name" is not a branch name (e.g. main).',
      },
    ]);
  });

  it('validates URLs, organisation, patterns, timeout and that something is configured', () => {
    expect(validateGitHubSettings({})).toEqual([
      { field: 'repositories', message: 'no repository configured; add owner/name lines or an organization.' },
    ]);
    const problems = validateGitHubSettings({
      apiUrl: 'http://github.local/api/v3',
      graphqlUrl: 'ftp://x',
      organization: 'not an org',
      organizationInclude: '*',
      jobPattern: '(',
      timeoutSeconds: 0,
    });
    expect(problems.map((p) => p.field)).toEqual([
      'apiUrl',
      'graphqlUrl',
      'jobPattern',
      'organization',
      'organizationInclude',
      'timeoutSeconds',
    ]);
    expect(problems[0].message).toBe(
      'apiUrl "http://github.local/api/v3" is not an https URL; use https://api.github.com or https://HOST/api/v3.'
    );
  });

  it('resolves defaults, the GraphQL endpoint of GitHub Enterprise Server, and overrides over defaults', () => {
    const resolved = resolveGitHubSettings({
      apiUrl: 'https://github.example.com/api/v3/',
      repositories: 'acme/shop\nacme/api deploy=releases labels=',
      incidentLabels: 'incident, outage',
      productionBranch: 'main',
    });
    expect(resolved.apiUrl).toBe('https://github.example.com/api/v3');
    expect(resolved.graphqlUrl).toBe('https://github.example.com/api/graphql');
    expect(resolved.timeoutMs).toBe(30000);
    expect(resolved.repositories).toEqual([
      {
        repo: 'acme/shop',
        owner: 'acme',
        name: 'shop',
        service: 'acme/shop',
        deploymentSource: 'deployments',
        environmentPattern: '^production$',
        workflowPattern: '',
        jobPattern: '',
        workflowBranch: undefined,
        productionBranch: 'main',
        incidentLabels: ['incident', 'outage'],
      },
      expect.objectContaining({ repo: 'acme/api', deploymentSource: 'releases', incidentLabels: [] }),
    ]);
    expect(graphqlUrlFor('https://api.github.com')).toBe('https://api.github.com/graphql');
  });

  it('throws one message listing every problem', () => {
    expect(() => resolveGitHubSettings({ repositories: 'x', apiUrl: 'nope' })).toThrow(
      /^GitHub settings are invalid: apiUrl: .* repositories line 1: "x" is not owner\/name/
    );
  });
});
