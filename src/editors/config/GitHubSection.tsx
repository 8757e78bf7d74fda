/** The GitHub section of the config editor: connection, repositories and the deployment rules. */
import React from 'react';
import { SelectableValue } from '@grafana/data';
import { ConfigSection } from '@grafana/plugin-ui';
import { GitHubDeploymentSource, GitHubSettings } from '../../settings/model';
import {
  DEFAULT_API_URL,
  DEFAULT_ENVIRONMENT_PATTERN,
  DEFAULT_INCIDENT_LABELS,
  DEFAULT_TIMEOUT_SECONDS,
  graphqlUrlFor,
  validateGitHubSettings,
} from '../../settings/github';
import { SettingsProblem } from '../../settings/settingsProblem';
import { EnableSwitch } from './EnableSwitch';
import {
  DeploymentSourceField,
  LinesSetting,
  ProviderSectionProps,
  TagPatternSetting,
  TokenField,
} from './providerFields';
import { errorOf } from './sectionProps';
import { TextSetting, TimeoutSetting } from './TextSetting';

export type GitHubSectionProps = ProviderSectionProps;

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

/** What each part of the section needs: the settings, their problems and a way to change them. */
interface PartProps {
  github: GitHubSettings;
  problems: SettingsProblem[];
  disabled: boolean;
  update: (patch: Partial<GitHubSettings>) => void;
}

/**
 * GitHub settings: API URLs (github.com or GitHub Enterprise Server), the token (secureJsonData only), the
 * repositories with their per-repository rules, and the defaults of those rules. Messages show as you type.
 */
export function GitHubSection({ options, onOptionsChange }: GitHubSectionProps) {
  const jsonData = options.jsonData ?? {};
  const github: GitHubSettings = jsonData.github ?? {};
  const enabled = github.enabled === true;

  const update = (patch: Partial<GitHubSettings>) => {
    const next: GitHubSettings = { ...github, ...patch };
    // The proxy routes read both URLs from jsonData, so they are always stored.
    next.apiUrl = next.apiUrl ?? DEFAULT_API_URL;
    next.graphqlUrl = next.graphqlUrl ?? graphqlUrlFor(next.apiUrl);
    onOptionsChange({ ...options, jsonData: { ...jsonData, github: next } });
  };
  const part: PartProps = {
    github,
    problems: enabled ? validateGitHubSettings(github) : [],
    disabled: !enabled,
    update,
  };

  return (
    <ConfigSection
      title="GitHub"
      description="Deployments, commits, pull requests, incident issues and workflow runs from GitHub or GitHub Enterprise Server."
    >
      <EnableSwitch
        id="dora-github-enabled"
        label="Enable GitHub"
        value={enabled}
        onChange={(on) => update({ enabled: on })}
      />
      <ApiUrls {...part} />
      <TokenField
        options={options}
        onOptionsChange={onOptionsChange}
        id="dora-github-token"
        label="Personal access token"
        description="Use a fine-grained, read-only token limited to the repositories below (read access to metadata, contents, deployments, actions, issues and pull requests). Anyone who may query this data source can use the token through Grafana's proxy; never give it write access."
        secureKey="githubToken"
        placeholder="github_pat_..."
        disabled={!enabled}
      />
      <Repositories {...part} />
      <DeploymentRules {...part} />
      <TextSetting
        id="dora-github-incident-labels"
        label="Incident labels"
        description="Issues with any of these labels (comma-separated) are incidents. A cause in the body or a label (cause: #123, a SHA, deployment 456) links the incident explicitly."
        value={github.incidentLabels}
        placeholder={DEFAULT_INCIDENT_LABELS}
        disabled={!enabled}
        onChange={(incidentLabels) => update({ incidentLabels })}
      />
      <TimeoutSetting
        id="dora-github-timeout"
        description="How long a query may wait for GitHub's rate limits before it shows partial data with a notice"
        value={github.timeoutSeconds}
        defaultSeconds={DEFAULT_TIMEOUT_SECONDS}
        error={errorOf(part.problems, 'timeoutSeconds')}
        disabled={!enabled}
        onChange={(timeoutSeconds) => update({ timeoutSeconds })}
      />
    </ConfigSection>
  );
}

/** The REST and GraphQL URLs; the GraphQL one follows the REST one until it is changed. */
function ApiUrls({ github, problems, disabled, update }: PartProps) {
  const apiUrl = github.apiUrl ?? DEFAULT_API_URL;
  const derived = !github.graphqlUrl || github.graphqlUrl === graphqlUrlFor(apiUrl);
  const onApiUrl = (value: string) =>
    // Keep the GraphQL URL in step while it is the one derived from the API URL.
    update({ apiUrl: value, graphqlUrl: derived ? graphqlUrlFor(value) : github.graphqlUrl });
  return (
    <>
      <TextSetting
        id="dora-github-api-url"
        label="API URL"
        description="https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise Server"
        error={errorOf(problems, 'apiUrl')}
        width={60}
        value={apiUrl === DEFAULT_API_URL ? undefined : apiUrl}
        placeholder={DEFAULT_API_URL}
        disabled={disabled}
        onChange={(value) => onApiUrl(value ?? DEFAULT_API_URL)}
      />
      <TextSetting
        id="dora-github-graphql-url"
        label="GraphQL URL"
        description="Follows the API URL unless you change it (GitHub Enterprise Server: https://HOST/api/graphql)"
        error={errorOf(problems, 'graphqlUrl')}
        width={60}
        value={derived ? undefined : github.graphqlUrl}
        placeholder={graphqlUrlFor(apiUrl)}
        disabled={disabled}
        onChange={(value) => update({ graphqlUrl: value ?? graphqlUrlFor(apiUrl) })}
      />
    </>
  );
}

/** Which repositories are read: a list with per-repository rules, and an organisation. */
function Repositories({ github, problems, disabled, update }: PartProps) {
  return (
    <>
      <LinesSetting
        id="dora-github-repositories"
        label="Repositories"
        description="One owner/name per line; add key=value to override the defaults below for a repository: deploy=deployments|workflows|releases|tags, env=, workflow=, job=, branch=, production=, labels=, tags=, service="
        error={errorOf(problems, 'repositories')}
        value={github.repositories}
        placeholder={REPOSITORY_PLACEHOLDER}
        disabled={disabled}
        onChange={(repositories) => update({ repositories })}
      />
      <TextSetting
        id="dora-github-organization"
        label="Organisation"
        description="Also read every repository of this organisation (archived ones are skipped)"
        error={errorOf(problems, 'organization')}
        value={github.organization}
        placeholder="acme"
        disabled={disabled}
        onChange={(organization) => update({ organization })}
      />
      <TextSetting
        id="dora-github-organization-include"
        label="Include pattern"
        description="Regular expression over the organisation's repository names; empty reads all"
        error={errorOf(problems, 'organizationInclude')}
        value={github.organizationInclude}
        placeholder="^(checkout|payments)-"
        disabled={disabled || !github.organization}
        onChange={(organizationInclude) => update({ organizationInclude })}
      />
    </>
  );
}

/** How production deployments are recognised, with the fields of the chosen way, and the production branch. */
function DeploymentRules(part: PartProps) {
  const { github, problems, disabled, update } = part;
  const source = github.deploymentSource ?? 'deployments';
  return (
    <>
      <DeploymentSourceField<GitHubDeploymentSource>
        description="How production deployments are recognised (default for every repository)"
        options={DEPLOYMENT_SOURCE_OPTIONS}
        value={source}
        disabled={disabled}
        onChange={(deploymentSource) => update({ deploymentSource })}
      />
      {source === 'deployments' && (
        <TextSetting
          id="dora-github-environment-pattern"
          label="Environment pattern"
          description="Regular expression (case-insensitive) over GitHub environment names"
          error={errorOf(problems, 'environmentPattern')}
          value={github.environmentPattern}
          placeholder={DEFAULT_ENVIRONMENT_PATTERN}
          disabled={disabled}
          onChange={(environmentPattern) => update({ environmentPattern })}
        />
      )}
      {source === 'workflows' && <WorkflowRules {...part} />}
      {(source === 'releases' || source === 'tags') && (
        <TagPatternSetting
          id="dora-github-tag-pattern"
          error={errorOf(problems, 'tagPattern')}
          value={github.tagPattern}
          disabled={disabled}
          onChange={(tagPattern) => update({ tagPattern })}
        />
      )}
      <TextSetting
        id="dora-github-production-branch"
        label="Production branch"
        description="Branch production is built from; its history gives the changes. Empty: the repository's default branch"
        error={errorOf(problems, 'productionBranch')}
        value={github.productionBranch}
        placeholder="(default branch)"
        disabled={disabled}
        onChange={(productionBranch) => update({ productionBranch })}
      />
    </>
  );
}

/** Deployments from Actions: which workflows and jobs deploy, on which branch. */
function WorkflowRules({ github, problems, disabled, update }: PartProps) {
  return (
    <>
      <TextSetting
        id="dora-github-workflow-pattern"
        label="Workflow pattern"
        description="Regular expression over workflow names; empty: every workflow"
        error={errorOf(problems, 'workflowPattern')}
        value={github.workflowPattern}
        placeholder="^Deploy"
        disabled={disabled}
        onChange={(workflowPattern) => update({ workflowPattern })}
      />
      <TextSetting
        id="dora-github-job-pattern"
        label="Job pattern"
        description="Regular expression over job names; empty: the whole run deploys. A run deploys once, at its last matching job."
        error={errorOf(problems, 'jobPattern')}
        value={github.jobPattern}
        placeholder="^deploy-prod"
        disabled={disabled}
        onChange={(jobPattern) => update({ jobPattern })}
      />
      <TextSetting
        id="dora-github-workflow-branch"
        label="Workflow branch"
        description="Branch the deploying runs are on; empty: the production branch"
        error={errorOf(problems, 'workflowBranch')}
        value={github.workflowBranch}
        placeholder="main"
        disabled={disabled}
        onChange={(workflowBranch) => update({ workflowBranch })}
      />
    </>
  );
}
