import { apiUrlFor, parseProjectLines, resolveGitLabSettings, validateGitLabSettings } from './gitlab';
import { DEFAULT_TAG_PATTERN } from './releaseTags';

describe('GitLab settings', () => {
  it('parses project lines (subgroups too) with per-project overrides and comments', () => {
    const { lines, problems } = parseProjectLines(
      '# shop first\nacme/platform/shop deploy=jobs job=^deploy-prod ref=release production=main\n\n  acme/api env=^prod-(eu|us)$ labels=incident,outage tags=^v\\d service=api\n'
    );
    expect(problems).toEqual([]);
    expect(lines).toEqual([
      {
        path: 'acme/platform/shop',
        overrides: {
          deploymentSource: 'jobs',
          jobPattern: '^deploy-prod',
          jobRef: 'release',
          productionBranch: 'main',
        },
      },
      {
        path: 'acme/api',
        overrides: {
          environmentPattern: '^prod-(eu|us)$',
          incidentLabels: 'incident,outage',
          tagPattern: '^v\\d',
          service: 'api',
        },
      },
    ]);
  });

  it('names the line, the value and the fix for bad lines', () => {
    const { problems } = parseProjectLines(
      'shop\nacme/shop colour=blue\nacme/api env=([\nacme/web deploy=ftp\nacme/shop\nacme/x production=bad~name'
    );
    expect(problems).toEqual([
      {
        field: 'projects line 1',
        message: '"shop" is not a project path group/project or group/subgroup/project (e.g. gitlab-org/gitlab).',
      },
      {
        field: 'projects line 2',
        message:
          '"colour=blue" is not key=value with a known key (deploy, env, job, ref, production, labels, tags, service).',
      },
      {
        field: 'projects line 3',
        message: expect.stringMatching(/^acme\/api: environmentPattern "\(\[" is not a valid regular expression: /),
      },
      {
        field: 'projects line 4',
        message: 'acme/web: deployment source "ftp" is unknown; use one of deployments, jobs, releases, tags.',
      },
      { field: 'projects line 5', message: 'acme/shop is listed twice; keep one line.' },
      { field: 'projects line 6', message: 'acme/x: productionBranch "bad~name" is not a branch name (e.g. main).' },
    ]);
  });

  it('validates the URL, group, patterns, jobs mode, timeout and that something is configured', () => {
    expect(validateGitLabSettings({})).toEqual([
      { field: 'projects', message: 'no project configured; add group/project lines or a group.' },
    ]);
    expect(
      validateGitLabSettings({
        url: 'http://gitlab.example.com',
        projects: 'acme/shop deploy=jobs',
        group: 'acme/',
        groupInclude: '(',
        tagPattern: '[',
        timeoutSeconds: 0,
      }).map((p) => p.field)
    ).toEqual(['url', 'tagPattern', 'projects', 'group', 'groupInclude', 'timeoutSeconds']);
    expect(validateGitLabSettings({ url: 'https://example.com/gitlab/', group: 'acme/platform' })).toEqual([]);
  });

  it('resolves defaults: gitlab.com, the API URL of a self-managed instance with a path prefix, overrides over defaults', () => {
    expect(apiUrlFor(undefined)).toBe('https://gitlab.com/api/v4');
    expect(apiUrlFor('https://example.com/gitlab/')).toBe('https://example.com/gitlab/api/v4');
    expect(apiUrlFor('https://example.com/gitlab/api/v4')).toBe('https://example.com/gitlab/api/v4');
    const resolved = resolveGitLabSettings({
      url: 'https://git.example.com/',
      projects: 'acme/shop\nacme/api deploy=releases labels=outage',
      incidentLabels: 'sev',
      productionBranch: 'main',
    });
    expect(resolved.url).toBe('https://git.example.com');
    expect(resolved.apiUrl).toBe('https://git.example.com/api/v4');
    expect(resolved.timeoutMs).toBe(30000);
    expect(resolved.projects).toEqual([
      {
        path: 'acme/shop',
        service: 'acme/shop',
        deploymentSource: 'deployments',
        environmentPattern: '',
        jobPattern: '',
        jobRef: undefined,
        productionBranch: 'main',
        incidentLabels: ['sev'],
        tagPattern: DEFAULT_TAG_PATTERN,
      },
      expect.objectContaining({ path: 'acme/api', deploymentSource: 'releases', incidentLabels: ['outage'] }),
    ]);
  });

  it('throws one message listing every problem', () => {
    expect(() => resolveGitLabSettings({ projects: 'x', url: 'nope' })).toThrow(
      /^GitLab settings are invalid: url: .* projects line 1: "x" is not a project path/
    );
  });
});
