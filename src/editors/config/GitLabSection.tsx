/** The GitLab section of the config editor: the instance, projects or a group, and the deployment rules. */
import React from 'react';
import { SelectableValue } from '@grafana/data';
import { ConfigSection } from '@grafana/plugin-ui';
import { GitLabDeploymentSource, GitLabSettings } from '../../settings/model';
import { apiUrlFor, DEFAULT_TIMEOUT_SECONDS, DEFAULT_URL, validateGitLabSettings } from '../../settings/gitlab';
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

export type GitLabSectionProps = ProviderSectionProps;

const DEPLOYMENT_SOURCE_OPTIONS: Array<SelectableValue<GitLabDeploymentSource>> = [
  {
    value: 'deployments',
    label: 'GitLab deployments',
    description: 'Deployments to environments of tier production, or matching a pattern',
  },
  { value: 'jobs', label: 'Pipeline jobs', description: 'Jobs matching a name pattern, in pipelines of a ref' },
  {
    value: 'releases',
    label: 'Releases',
    description: 'Each release (not upcoming) whose tag matches the tag pattern',
  },
  { value: 'tags', label: 'Tags', description: 'Each tag matching the tag pattern' },
];

const PROJECT_PLACEHOLDER = [
  'acme/checkout',
  'acme/platform/payments deploy=jobs job=^deploy-prod ref=main',
  'acme/web env=^prod-(eu|us)$ labels=outage service=web',
].join('\n');

/** What each part of the section needs: the settings, their problems and a way to change them. */
interface PartProps {
  gitlab: GitLabSettings;
  problems: SettingsProblem[];
  disabled: boolean;
  update: (patch: Partial<GitLabSettings>) => void;
}

/**
 * GitLab settings: the instance (gitlab.com or self-managed, with a path prefix), the token (secureJsonData only),
 * the projects with their per-project rules or a group, and the defaults of those rules. Messages show as you type.
 */
export function GitLabSection({ options, onOptionsChange }: GitLabSectionProps) {
  const jsonData = options.jsonData ?? {};
  const gitlab: GitLabSettings = jsonData.gitlab ?? {};
  const enabled = gitlab.enabled === true;

  const update = (patch: Partial<GitLabSettings>) => {
    const next: GitLabSettings = { ...gitlab, ...patch };
    // The proxy route reads the API URL from jsonData, so it is always stored.
    next.apiUrl = apiUrlFor(next.url);
    onOptionsChange({ ...options, jsonData: { ...jsonData, gitlab: next } });
  };
  const part: PartProps = {
    gitlab,
    problems: enabled ? validateGitLabSettings(gitlab) : [],
    disabled: !enabled,
    update,
  };

  return (
    <ConfigSection
      title="GitLab"
      description="Deployments, commits, merge requests, incidents and pipelines from gitlab.com or a self-managed GitLab."
    >
      <EnableSwitch
        id="dora-gitlab-enabled"
        label="Enable GitLab"
        value={enabled}
        onChange={(on) => update({ enabled: on })}
      />
      <TextSetting
        id="dora-gitlab-url"
        label="Instance URL"
        description="https://gitlab.com, or your self-managed instance, e.g. https://gitlab.example.com or https://example.com/gitlab"
        error={errorOf(part.problems, 'url')}
        width={60}
        value={gitlab.url}
        placeholder={DEFAULT_URL}
        disabled={!enabled}
        onChange={(url) => update({ url })}
      />
      <TokenField
        options={options}
        onOptionsChange={onOptionsChange}
        id="dora-gitlab-token"
        label="Access token"
        description="A personal, group or project access token with only the read_api scope, of a user with at least the Reporter role in the projects. Anyone who may query this data source can use the token through Grafana's proxy; never give it the api or write scopes."
        secureKey="gitlabToken"
        placeholder="glpat-..."
        disabled={!enabled}
      />
      <Projects {...part} />
      <DeploymentRules {...part} />
      <TextSetting
        id="dora-gitlab-incident-labels"
        label="Incident labels"
        description="Issues of type incident are always incidents (their severity is read); issues with any of these labels (comma-separated) are too. A cause in the description or a label (caused by !123, a SHA, deployment #7, pipeline #456) links the incident explicitly."
        value={gitlab.incidentLabels}
        placeholder="outage, incident::p1"
        disabled={!enabled}
        onChange={(incidentLabels) => update({ incidentLabels })}
      />
      <TimeoutSetting
        id="dora-gitlab-timeout"
        description="How long a query may wait for GitLab's rate limits before it shows what it has, with a notice naming the projects and the reset time"
        value={gitlab.timeoutSeconds}
        defaultSeconds={DEFAULT_TIMEOUT_SECONDS}
        error={errorOf(part.problems, 'timeoutSeconds')}
        disabled={!enabled}
        onChange={(timeoutSeconds) => update({ timeoutSeconds })}
      />
    </ConfigSection>
  );
}

/** Which projects are read: a list with per-project rules, and a group. */
function Projects({ gitlab, problems, disabled, update }: PartProps) {
  return (
    <>
      <LinesSetting
        id="dora-gitlab-projects"
        label="Projects"
        description="One project path per line (group/project or group/subgroup/project); add key=value to override the defaults below: deploy=deployments|jobs|releases|tags, env=, job=, ref=, production=, labels=, tags=, service="
        error={errorOf(problems, 'projects')}
        value={gitlab.projects}
        placeholder={PROJECT_PLACEHOLDER}
        disabled={disabled}
        onChange={(projects) => update({ projects })}
      />
      <TextSetting
        id="dora-gitlab-group"
        label="Group"
        description="Also read every project of this group and its subgroups (archived projects are skipped)"
        error={errorOf(problems, 'group')}
        value={gitlab.group}
        placeholder="acme or acme/platform"
        disabled={disabled}
        onChange={(group) => update({ group })}
      />
      <TextSetting
        id="dora-gitlab-group-include"
        label="Include pattern"
        description="Regular expression over the group's project paths (e.g. acme/platform/checkout); empty reads all"
        error={errorOf(problems, 'groupInclude')}
        value={gitlab.groupInclude}
        placeholder="/(checkout|payments)$"
        disabled={disabled || !gitlab.group}
        onChange={(groupInclude) => update({ groupInclude })}
      />
    </>
  );
}

/** How production deployments are recognised, with the fields of the chosen way, and the production branch. */
function DeploymentRules({ gitlab, problems, disabled, update }: PartProps) {
  const source = gitlab.deploymentSource ?? 'deployments';
  return (
    <>
      <DeploymentSourceField<GitLabDeploymentSource>
        description="How production deployments are recognised (default for every project)"
        options={DEPLOYMENT_SOURCE_OPTIONS}
        value={source}
        disabled={disabled}
        onChange={(deploymentSource) => update({ deploymentSource })}
      />
      {source === 'deployments' && (
        <TextSetting
          id="dora-gitlab-environment-pattern"
          label="Environment pattern"
          description="Regular expression (case-insensitive) over environment names; empty: the environments whose deployment tier is production"
          error={errorOf(problems, 'environmentPattern')}
          value={gitlab.environmentPattern}
          placeholder="(tier production)"
          disabled={disabled}
          onChange={(environmentPattern) => update({ environmentPattern })}
        />
      )}
      {source === 'jobs' && (
        <>
          <TextSetting
            id="dora-gitlab-job-pattern"
            label="Job pattern"
            description="Regular expression over job names. Jobs of one pipeline deploy once, at the last matching job."
            error={errorOf(problems, 'jobPattern')}
            value={gitlab.jobPattern}
            placeholder="^deploy-prod"
            disabled={disabled}
            onChange={(jobPattern) => update({ jobPattern })}
          />
          <TextSetting
            id="dora-gitlab-job-ref"
            label="Pipeline ref"
            description="Ref the deploying pipelines run on; empty: the production branch"
            error={errorOf(problems, 'jobRef')}
            value={gitlab.jobRef}
            placeholder="main"
            disabled={disabled}
            onChange={(jobRef) => update({ jobRef })}
          />
        </>
      )}
      {(source === 'releases' || source === 'tags') && (
        <TagPatternSetting
          id="dora-gitlab-tag-pattern"
          error={errorOf(problems, 'tagPattern')}
          value={gitlab.tagPattern}
          disabled={disabled}
          onChange={(tagPattern) => update({ tagPattern })}
        />
      )}
      <TextSetting
        id="dora-gitlab-production-branch"
        label="Production branch"
        description="Branch production is built from; its history and merge requests give the changes. Empty: the project's default branch"
        error={errorOf(problems, 'productionBranch')}
        value={gitlab.productionBranch}
        placeholder="(default branch)"
        disabled={disabled}
        onChange={(productionBranch) => update({ productionBranch })}
      />
    </>
  );
}
