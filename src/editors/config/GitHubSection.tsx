import React from 'react';
import { DataSourcePluginOptionsEditorProps, SelectableValue } from '@grafana/data';
import { Field, Input, RadioButtonGroup, SecretInput, Switch, TextArea } from '@grafana/ui';
import { ConfigSection } from '@grafana/plugin-ui';
import { secureKeyFor } from '../../settings/serverMode';
import { DoraJsonData, DoraSecureJsonData, GitHubDeploymentSource, GitHubSettings } from '../../settings/model';
import {
  DEFAULT_API_URL,
  DEFAULT_ENVIRONMENT_PATTERN,
  DEFAULT_INCIDENT_LABELS,
  DEFAULT_TIMEOUT_SECONDS,
  graphqlUrlFor,
  validateGitHubSettings,
} from '../../settings/github';
import { DEFAULT_TAG_PATTERN } from '../../settings/releaseTags';
import { errorOf, numberOrUndefined, textOrUndefined } from './sectionProps';

export type GitHubSectionProps = DataSourcePluginOptionsEditorProps<DoraJsonData, DoraSecureJsonData>;

const DEPLOYMENT_SOURCE_OPTIONS: Array<SelectableValue<GitHubDeploymentSource>> = [
  { value: 'deployments', label: 'GitHub Deployments', description: 'Deployments to environments matching a pattern' },
  {
    value: 'workflows',
    label: 'Actions workflow runs',
    description: 'Runs of deploying workflows (and jobs) on a branch',
  },
  { value: 'releases', label: 'Releases', description: 'Each published, non-prerelease release' },
  { value: 'tags', label: 'Tags', description: 'Each tag matching the tag pattern' },
];

const REPOSITORY_PLACEHOLDER = [
  'acme/checkout',
  'acme/payments deploy=workflows workflow=^Deploy$ job=^deploy-prod',
  'acme/web env=^prod-(eu|us)$ labels=incident,outage service=web',
].join('\n');

/**
 * GitHub settings: API URLs (github.com or GitHub Enterprise Server), the token (secureJsonData only), the
 * repositories with their per-repository rules, and the defaults of those rules. Messages show as you type.
 */
export function GitHubSection({ options, onOptionsChange }: GitHubSectionProps) {
  const jsonData = options.jsonData ?? {};
  const github: GitHubSettings = jsonData.github ?? {};
  const enabled = github.enabled === true;
  const apiUrl = github.apiUrl ?? DEFAULT_API_URL;
  const tokenKey = secureKeyFor(jsonData, 'githubToken');
  const tokenConfigured = Boolean(options.secureJsonFields?.[tokenKey]);

  const update = (patch: Partial<GitHubSettings>) => {
    const next: GitHubSettings = { ...github, ...patch };
    // The proxy routes read both URLs from jsonData, so they are always stored.
    next.apiUrl = next.apiUrl ?? DEFAULT_API_URL;
    next.graphqlUrl = next.graphqlUrl ?? graphqlUrlFor(next.apiUrl);
    onOptionsChange({ ...options, jsonData: { ...jsonData, github: next } });
  };

  const onApiUrl = (value: string) => {
    // Keep the GraphQL URL in step while it is the one derived from the API URL.
    const derived = !github.graphqlUrl || github.graphqlUrl === graphqlUrlFor(apiUrl);
    update({ apiUrl: value, graphqlUrl: derived ? graphqlUrlFor(value) : github.graphqlUrl });
  };

  const problems = enabled ? validateGitHubSettings(github) : [];
  const source = github.deploymentSource ?? 'deployments';

  return (
    <ConfigSection
      title="GitHub"
      description="Deployments, commits, pull requests, incident issues and workflow runs from GitHub or GitHub Enterprise Server."
    >
      <Field label="Enable GitHub" htmlFor="dora-github-enabled">
        <Switch
          id="dora-github-enabled"
          value={enabled}
          onChange={(e) => update({ enabled: e.currentTarget.checked })}
        />
      </Field>
      <Field
        label="API URL"
        description="https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise Server"
        htmlFor="dora-github-api-url"
        invalid={Boolean(errorOf(problems, 'apiUrl'))}
        error={errorOf(problems, 'apiUrl')}
      >
        <Input
          id="dora-github-api-url"
          width={60}
          value={apiUrl === DEFAULT_API_URL ? '' : apiUrl}
          placeholder={DEFAULT_API_URL}
          disabled={!enabled}
          onChange={(e) => onApiUrl(e.currentTarget.value === '' ? DEFAULT_API_URL : e.currentTarget.value)}
        />
      </Field>
      <Field
        label="GraphQL URL"
        description="Follows the API URL unless you change it (GitHub Enterprise Server: https://HOST/api/graphql)"
        htmlFor="dora-github-graphql-url"
        invalid={Boolean(errorOf(problems, 'graphqlUrl'))}
        error={errorOf(problems, 'graphqlUrl')}
      >
        <Input
          id="dora-github-graphql-url"
          width={60}
          value={!github.graphqlUrl || github.graphqlUrl === graphqlUrlFor(apiUrl) ? '' : github.graphqlUrl}
          placeholder={graphqlUrlFor(apiUrl)}
          disabled={!enabled}
          onChange={(e) => update({ graphqlUrl: e.currentTarget.value || graphqlUrlFor(apiUrl) })}
        />
      </Field>
      <Field
        label="Personal access token"
        description="Use a fine-grained, read-only token limited to the repositories below (read access to metadata, contents, deployments, actions, issues and pull requests). Anyone who may query this data source can use the token through Grafana's proxy; never give it write access."
        htmlFor="dora-github-token"
      >
        <SecretInput
          id="dora-github-token"
          width={60}
          isConfigured={tokenConfigured}
          value={(options.secureJsonData as Record<string, string> | undefined)?.[tokenKey] ?? ''}
          placeholder="github_pat_..."
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
        label="Repositories"
        description="One owner/name per line; add key=value to override the defaults below for a repository: deploy=deployments|workflows|releases|tags, env=, workflow=, job=, branch=, production=, labels=, tags=, service="
        htmlFor="dora-github-repositories"
        invalid={Boolean(errorOf(problems, 'repositories'))}
        error={errorOf(problems, 'repositories')}
      >
        <TextArea
          id="dora-github-repositories"
          rows={5}
          value={github.repositories ?? ''}
          placeholder={REPOSITORY_PLACEHOLDER}
          disabled={!enabled}
          onChange={(e) => update({ repositories: textOrUndefined(e.currentTarget.value) })}
        />
      </Field>
      <Field
        label="Organisation"
        description="Also read every repository of this organisation (archived ones are skipped)"
        htmlFor="dora-github-organization"
        invalid={Boolean(errorOf(problems, 'organization'))}
        error={errorOf(problems, 'organization')}
      >
        <Input
          id="dora-github-organization"
          width={40}
          value={github.organization ?? ''}
          placeholder="acme"
          disabled={!enabled}
          onChange={(e) => update({ organization: textOrUndefined(e.currentTarget.value) })}
        />
      </Field>
      <Field
        label="Include pattern"
        description="Regular expression over the organisation's repository names; empty reads all"
        htmlFor="dora-github-organization-include"
        invalid={Boolean(errorOf(problems, 'organizationInclude'))}
        error={errorOf(problems, 'organizationInclude')}
      >
        <Input
          id="dora-github-organization-include"
          width={40}
          value={github.organizationInclude ?? ''}
          placeholder="^(checkout|payments)-"
          disabled={!enabled || !github.organization}
          onChange={(e) => update({ organizationInclude: textOrUndefined(e.currentTarget.value) })}
        />
      </Field>
      <Field
        label="Deployments are"
        description="How production deployments are recognised (default for every repository)"
      >
        <RadioButtonGroup<GitHubDeploymentSource>
          options={DEPLOYMENT_SOURCE_OPTIONS}
          value={source}
          disabled={!enabled}
          onChange={(value) => update({ deploymentSource: value })}
        />
      </Field>
      {source === 'deployments' && (
        <Field
          label="Environment pattern"
          description="Regular expression (case-insensitive) over GitHub environment names"
          htmlFor="dora-github-environment-pattern"
          invalid={Boolean(errorOf(problems, 'environmentPattern'))}
          error={errorOf(problems, 'environmentPattern')}
        >
          <Input
            id="dora-github-environment-pattern"
            width={40}
            value={github.environmentPattern ?? ''}
            placeholder={DEFAULT_ENVIRONMENT_PATTERN}
            disabled={!enabled}
            onChange={(e) => update({ environmentPattern: textOrUndefined(e.currentTarget.value) })}
          />
        </Field>
      )}
      {source === 'workflows' && (
        <>
          <Field
            label="Workflow pattern"
            description="Regular expression over workflow names; empty: every workflow"
            htmlFor="dora-github-workflow-pattern"
            invalid={Boolean(errorOf(problems, 'workflowPattern'))}
            error={errorOf(problems, 'workflowPattern')}
          >
            <Input
              id="dora-github-workflow-pattern"
              width={40}
              value={github.workflowPattern ?? ''}
              placeholder="^Deploy"
              disabled={!enabled}
              onChange={(e) => update({ workflowPattern: textOrUndefined(e.currentTarget.value) })}
            />
          </Field>
          <Field
            label="Job pattern"
            description="Regular expression over job names; empty: the whole run deploys. A run deploys once, at its last matching job."
            htmlFor="dora-github-job-pattern"
            invalid={Boolean(errorOf(problems, 'jobPattern'))}
            error={errorOf(problems, 'jobPattern')}
          >
            <Input
              id="dora-github-job-pattern"
              width={40}
              value={github.jobPattern ?? ''}
              placeholder="^deploy-prod"
              disabled={!enabled}
              onChange={(e) => update({ jobPattern: textOrUndefined(e.currentTarget.value) })}
            />
          </Field>
          <Field
            label="Workflow branch"
            description="Branch the deploying runs are on; empty: the production branch"
            htmlFor="dora-github-workflow-branch"
            invalid={Boolean(errorOf(problems, 'workflowBranch'))}
            error={errorOf(problems, 'workflowBranch')}
          >
            <Input
              id="dora-github-workflow-branch"
              width={40}
              value={github.workflowBranch ?? ''}
              placeholder="main"
              disabled={!enabled}
              onChange={(e) => update({ workflowBranch: textOrUndefined(e.currentTarget.value) })}
            />
          </Field>
        </>
      )}
      {(source === 'releases' || source === 'tags') && (
        <Field
          label="Tag pattern"
          description="Regular expression over tag names that are production releases; empty leaves out semver pre-releases (v1.2.0-rc.1, -beta, -alpha)"
          htmlFor="dora-github-tag-pattern"
          invalid={Boolean(errorOf(problems, 'tagPattern'))}
          error={errorOf(problems, 'tagPattern')}
        >
          <Input
            id="dora-github-tag-pattern"
            width={40}
            value={github.tagPattern ?? ''}
            placeholder={DEFAULT_TAG_PATTERN}
            disabled={!enabled}
            onChange={(e) => update({ tagPattern: textOrUndefined(e.currentTarget.value) })}
          />
        </Field>
      )}
      <Field
        label="Production branch"
        description="Branch production is built from; its history gives the changes. Empty: the repository's default branch"
        htmlFor="dora-github-production-branch"
        invalid={Boolean(errorOf(problems, 'productionBranch'))}
        error={errorOf(problems, 'productionBranch')}
      >
        <Input
          id="dora-github-production-branch"
          width={40}
          value={github.productionBranch ?? ''}
          placeholder="(default branch)"
          disabled={!enabled}
          onChange={(e) => update({ productionBranch: textOrUndefined(e.currentTarget.value) })}
        />
      </Field>
      <Field
        label="Incident labels"
        description="Issues with any of these labels (comma-separated) are incidents. A cause in the body or a label (cause: #123, a SHA, deployment 456) links the incident explicitly."
        htmlFor="dora-github-incident-labels"
      >
        <Input
          id="dora-github-incident-labels"
          width={40}
          value={github.incidentLabels ?? ''}
          placeholder={DEFAULT_INCIDENT_LABELS}
          disabled={!enabled}
          onChange={(e) => update({ incidentLabels: textOrUndefined(e.currentTarget.value) })}
        />
      </Field>
      <Field
        label="Timeout (seconds)"
        description="How long a query may wait for GitHub's rate limits before it shows partial data with a notice"
        htmlFor="dora-github-timeout"
        invalid={Boolean(errorOf(problems, 'timeoutSeconds'))}
        error={errorOf(problems, 'timeoutSeconds')}
      >
        <Input
          id="dora-github-timeout"
          type="number"
          width={20}
          value={github.timeoutSeconds ?? ''}
          placeholder={String(DEFAULT_TIMEOUT_SECONDS)}
          disabled={!enabled}
          onChange={(e) => update({ timeoutSeconds: numberOrUndefined(e.currentTarget.value) })}
        />
      </Field>
    </ConfigSection>
  );
}
