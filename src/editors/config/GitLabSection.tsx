import React from 'react';
import { DataSourcePluginOptionsEditorProps, SelectableValue } from '@grafana/data';
import { Field, Input, RadioButtonGroup, SecretInput, Switch, TextArea } from '@grafana/ui';
import { ConfigSection } from '@grafana/plugin-ui';
import { DoraJsonData, DoraSecureJsonData, GitLabDeploymentSource, GitLabSettings } from '../../settings/model';
import { DEFAULT_TAG_PATTERN } from '../../settings/releaseTags';
import { apiUrlFor, DEFAULT_TIMEOUT_SECONDS, DEFAULT_URL, validateGitLabSettings } from '../../settings/gitlab';
import { secureKeyFor } from '../../settings/serverMode';
import { errorOf, numberOrUndefined, textOrUndefined } from './sectionProps';

export type GitLabSectionProps = DataSourcePluginOptionsEditorProps<DoraJsonData, DoraSecureJsonData>;

const DEPLOYMENT_SOURCE_OPTIONS: Array<SelectableValue<GitLabDeploymentSource>> = [
  {
    value: 'deployments',
    label: 'GitLab deployments',
    description: 'Deployments to environments of tier production, or matching a pattern',
  },
  { value: 'jobs', label: 'Pipeline jobs', description: 'Jobs matching a name pattern, in pipelines of a ref' },
  { value: 'releases', label: 'Releases', description: 'Each release (not upcoming) whose tag matches the tag pattern' },
  { value: 'tags', label: 'Tags', description: 'Each tag matching the tag pattern' },
];

const PROJECT_PLACEHOLDER = [
  'acme/checkout',
  'acme/platform/payments deploy=jobs job=^deploy-prod ref=main',
  'acme/web env=^prod-(eu|us)$ labels=outage service=web',
].join('\n');

/**
 * GitLab settings: the instance (gitlab.com or self-managed, with a path prefix), the token (secureJsonData only),
 * the projects with their per-project rules or a group, and the defaults of those rules. Messages show as you type.
 */
export function GitLabSection({ options, onOptionsChange }: GitLabSectionProps) {
  const jsonData = options.jsonData ?? {};
  const gitlab: GitLabSettings = jsonData.gitlab ?? {};
  const enabled = gitlab.enabled === true;
  // In server mode the token is stored under a key no proxy route names (gitlabTokenServer).
  const tokenKey = secureKeyFor(jsonData, 'gitlabToken');
  const tokenConfigured = Boolean(options.secureJsonFields?.[tokenKey]);

  const update = (patch: Partial<GitLabSettings>) => {
    const next: GitLabSettings = { ...gitlab, ...patch };
    // The proxy route reads the API URL from jsonData, so it is always stored.
    next.apiUrl = apiUrlFor(next.url);
    onOptionsChange({ ...options, jsonData: { ...jsonData, gitlab: next } });
  };

  const problems = enabled ? validateGitLabSettings(gitlab) : [];
  const source = gitlab.deploymentSource ?? 'deployments';

  return (
    <ConfigSection
      title="GitLab"
      description="Deployments, commits, merge requests, incidents and pipelines from gitlab.com or a self-managed GitLab."
    >
      <Field label="Enable GitLab" htmlFor="dora-gitlab-enabled">
        <Switch id="dora-gitlab-enabled" value={enabled} onChange={(e) => update({ enabled: e.currentTarget.checked })} />
      </Field>
      <Field
        label="Instance URL"
        description="https://gitlab.com, or your self-managed instance, e.g. https://gitlab.example.com or https://example.com/gitlab"
        htmlFor="dora-gitlab-url"
        invalid={Boolean(errorOf(problems, 'url'))}
        error={errorOf(problems, 'url')}
      >
        <Input
          id="dora-gitlab-url"
          width={60}
          value={gitlab.url ?? ''}
          placeholder={DEFAULT_URL}
          disabled={!enabled}
          onChange={(e) => update({ url: textOrUndefined(e.currentTarget.value) })}
        />
      </Field>
      <Field
        label="Access token"
        description="A personal, group or project access token with only the read_api scope, of a user with at least the Reporter role in the projects. Anyone who may query this data source can use the token through Grafana's proxy; never give it the api or write scopes."
        htmlFor="dora-gitlab-token"
      >
        <SecretInput
          id="dora-gitlab-token"
          width={60}
          isConfigured={tokenConfigured}
          value={(options.secureJsonData as Record<string, string> | undefined)?.[tokenKey] ?? ''}
          placeholder="glpat-..."
          disabled={!enabled}
          onChange={(e) =>
            onOptionsChange({
              ...options,
              secureJsonData: { ...options.secureJsonData, [tokenKey]: e.currentTarget.value },
            })
          }
          onReset={() =>
            onOptionsChange({
              ...options,
              secureJsonFields: { ...options.secureJsonFields, [tokenKey]: false },
              secureJsonData: { ...options.secureJsonData, [tokenKey]: '' },
            })
          }
        />
      </Field>
      <Field
        label="Projects"
        description="One project path per line (group/project or group/subgroup/project); add key=value to override the defaults below: deploy=deployments|jobs|releases|tags, env=, job=, ref=, production=, labels=, tags=, service="
        htmlFor="dora-gitlab-projects"
        invalid={Boolean(errorOf(problems, 'projects'))}
        error={errorOf(problems, 'projects')}
      >
        <TextArea
          id="dora-gitlab-projects"
          rows={5}
          value={gitlab.projects ?? ''}
          placeholder={PROJECT_PLACEHOLDER}
          disabled={!enabled}
          onChange={(e) => update({ projects: textOrUndefined(e.currentTarget.value) })}
        />
      </Field>
      <Field
        label="Group"
        description="Also read every project of this group and its subgroups (archived projects are skipped)"
        htmlFor="dora-gitlab-group"
        invalid={Boolean(errorOf(problems, 'group'))}
        error={errorOf(problems, 'group')}
      >
        <Input
          id="dora-gitlab-group"
          width={40}
          value={gitlab.group ?? ''}
          placeholder="acme or acme/platform"
          disabled={!enabled}
          onChange={(e) => update({ group: textOrUndefined(e.currentTarget.value) })}
        />
      </Field>
      <Field
        label="Include pattern"
        description="Regular expression over the group's project paths (e.g. acme/platform/checkout); empty reads all"
        htmlFor="dora-gitlab-group-include"
        invalid={Boolean(errorOf(problems, 'groupInclude'))}
        error={errorOf(problems, 'groupInclude')}
      >
        <Input
          id="dora-gitlab-group-include"
          width={40}
          value={gitlab.groupInclude ?? ''}
          placeholder="/(checkout|payments)$"
          disabled={!enabled || !gitlab.group}
          onChange={(e) => update({ groupInclude: textOrUndefined(e.currentTarget.value) })}
        />
      </Field>
      <Field label="Deployments are" description="How production deployments are recognised (default for every project)">
        <RadioButtonGroup<GitLabDeploymentSource>
          options={DEPLOYMENT_SOURCE_OPTIONS}
          value={source}
          disabled={!enabled}
          onChange={(value) => update({ deploymentSource: value })}
        />
      </Field>
      {source === 'deployments' && (
        <Field
          label="Environment pattern"
          description="Regular expression (case-insensitive) over environment names; empty: the environments whose deployment tier is production"
          htmlFor="dora-gitlab-environment-pattern"
          invalid={Boolean(errorOf(problems, 'environmentPattern'))}
          error={errorOf(problems, 'environmentPattern')}
        >
          <Input
            id="dora-gitlab-environment-pattern"
            width={40}
            value={gitlab.environmentPattern ?? ''}
            placeholder="(tier production)"
            disabled={!enabled}
            onChange={(e) => update({ environmentPattern: textOrUndefined(e.currentTarget.value) })}
          />
        </Field>
      )}
      {source === 'jobs' && (
        <>
          <Field
            label="Job pattern"
            description="Regular expression over job names. Jobs of one pipeline deploy once, at the last matching job."
            htmlFor="dora-gitlab-job-pattern"
            invalid={Boolean(errorOf(problems, 'jobPattern'))}
            error={errorOf(problems, 'jobPattern')}
          >
            <Input
              id="dora-gitlab-job-pattern"
              width={40}
              value={gitlab.jobPattern ?? ''}
              placeholder="^deploy-prod"
              disabled={!enabled}
              onChange={(e) => update({ jobPattern: textOrUndefined(e.currentTarget.value) })}
            />
          </Field>
          <Field
            label="Pipeline ref"
            description="Ref the deploying pipelines run on; empty: the production branch"
            htmlFor="dora-gitlab-job-ref"
            invalid={Boolean(errorOf(problems, 'jobRef'))}
            error={errorOf(problems, 'jobRef')}
          >
            <Input
              id="dora-gitlab-job-ref"
              width={40}
              value={gitlab.jobRef ?? ''}
              placeholder="main"
              disabled={!enabled}
              onChange={(e) => update({ jobRef: textOrUndefined(e.currentTarget.value) })}
            />
          </Field>
        </>
      )}
      {(source === 'releases' || source === 'tags') && (
        <Field
          label="Tag pattern"
          description="Regular expression over tag names that are production releases; empty leaves out semver pre-releases (v1.2.0-rc.1, -beta, -alpha)"
          htmlFor="dora-gitlab-tag-pattern"
          invalid={Boolean(errorOf(problems, 'tagPattern'))}
          error={errorOf(problems, 'tagPattern')}
        >
          <Input
            id="dora-gitlab-tag-pattern"
            width={40}
            value={gitlab.tagPattern ?? ''}
            placeholder={DEFAULT_TAG_PATTERN}
            disabled={!enabled}
            onChange={(e) => update({ tagPattern: textOrUndefined(e.currentTarget.value) })}
          />
        </Field>
      )}
      <Field
        label="Production branch"
        description="Branch production is built from; its history and merge requests give the changes. Empty: the project's default branch"
        htmlFor="dora-gitlab-production-branch"
        invalid={Boolean(errorOf(problems, 'productionBranch'))}
        error={errorOf(problems, 'productionBranch')}
      >
        <Input
          id="dora-gitlab-production-branch"
          width={40}
          value={gitlab.productionBranch ?? ''}
          placeholder="(default branch)"
          disabled={!enabled}
          onChange={(e) => update({ productionBranch: textOrUndefined(e.currentTarget.value) })}
        />
      </Field>
      <Field
        label="Incident labels"
        description="Issues of type incident are always incidents (their severity is read); issues with any of these labels (comma-separated) are too. A cause in the description or a label (caused by !123, a SHA, deployment #7, pipeline #456) links the incident explicitly."
        htmlFor="dora-gitlab-incident-labels"
      >
        <Input
          id="dora-gitlab-incident-labels"
          width={40}
          value={gitlab.incidentLabels ?? ''}
          placeholder="outage, incident::p1"
          disabled={!enabled}
          onChange={(e) => update({ incidentLabels: textOrUndefined(e.currentTarget.value) })}
        />
      </Field>
      <Field
        label="Timeout (seconds)"
        description="How long a query may wait for GitLab's rate limits before it shows what it has, with a notice naming the projects and the reset time"
        htmlFor="dora-gitlab-timeout"
        invalid={Boolean(errorOf(problems, 'timeoutSeconds'))}
        error={errorOf(problems, 'timeoutSeconds')}
      >
        <Input
          id="dora-gitlab-timeout"
          type="number"
          width={12}
          value={gitlab.timeoutSeconds ?? ''}
          placeholder={String(DEFAULT_TIMEOUT_SECONDS)}
          disabled={!enabled}
          onChange={(e) => update({ timeoutSeconds: numberOrUndefined(e.currentTarget.value) })}
        />
      </Field>
    </ConfigSection>
  );
}
