import React from 'react';
import { DataSourcePluginOptionsEditorProps, SelectableValue } from '@grafana/data';
import { Field, RadioButtonGroup } from '@grafana/ui';
import { ConfigSection } from '@grafana/plugin-ui';
import { DoraJsonData, DoraSecureJsonData } from '../../settings/model';
import {
  ArgoApplicationScope,
  ArgoCdSettings,
  ArgoNameFrom,
  ARGOCD_URL_EXAMPLE,
  DEFAULT_ENVIRONMENT,
  DEFAULT_TIMEOUT_SECONDS,
  validateArgoCdSettings,
} from '../../settings/argocd';
import { trimUrl } from '../../settings/settingsProblem';
import { errorOf, textOrUndefined } from './sectionProps';
import { EnableSwitch } from './EnableSwitch';
import { TextSetting, TimeoutSetting } from './TextSetting';
import { TokenField } from './TokenField';

type Props = DataSourcePluginOptionsEditorProps<DoraJsonData, DoraSecureJsonData>;

const SCOPE_OPTIONS: Array<SelectableValue<ArgoApplicationScope>> = [
  { value: 'all', label: 'All applications', description: 'Every application the account may get' },
  { value: 'projects', label: 'Projects', description: 'The applications of the listed Argo CD projects' },
  { value: 'pattern', label: 'Name pattern', description: 'Applications whose name matches a regular expression' },
];

const SERVICE_OPTIONS: Array<SelectableValue<ArgoNameFrom>> = [
  { value: 'name', label: 'Application name' },
  { value: 'label', label: 'A label' },
  { value: 'namespace', label: 'Destination namespace' },
];

const ENVIRONMENT_OPTIONS: Array<SelectableValue<ArgoNameFrom>> = [
  { value: 'fixed', label: 'One name' },
  { value: 'label', label: 'A label' },
  { value: 'namespace', label: 'Destination namespace' },
  { value: 'cluster', label: 'Destination cluster' },
  { value: 'project', label: 'Project' },
];

/**
 * Argo CD settings: the server URL (always stored: the proxy route reads it), a read-only account's token
 * (secureJsonData only, under the server-mode key when queries run on the server), which applications are read,
 * where service and environment come from, and which applications are production. Messages show as you type.
 */
export function ArgoCdSection({ options, onOptionsChange }: Props) {
  const jsonData = options.jsonData ?? {};
  const argocd: ArgoCdSettings = jsonData.argocd ?? {};
  const enabled = argocd.enabled === true;
  const update = (patch: Partial<ArgoCdSettings>) =>
    onOptionsChange({ ...options, jsonData: { ...jsonData, argocd: { ...argocd, ...patch } } });
  const problems = enabled ? validateArgoCdSettings(argocd) : [];
  const field = (name: string) => ({ invalid: Boolean(errorOf(problems, name)), error: errorOf(problems, name) });
  const scope = argocd.applications ?? 'all';
  const serviceFrom = argocd.serviceFrom ?? 'name';
  const environmentFrom = argocd.environmentFrom ?? 'fixed';

  return (
    <ConfigSection
      title="Argo CD"
      description="Deployments from the sync history of Argo CD applications (GitOps): revision, start and finish, source repository; failed syncs are failed attempts. Commits and pull requests still come from GitHub or GitLab, matched by repository and SHA."
    >
      <EnableSwitch
        id="dora-argocd-enabled"
        label="Enable Argo CD"
        value={enabled}
        onChange={(on) => update({ enabled: on })}
      />
      <TextSetting
        id="dora-argocd-url"
        label="Argo CD URL"
        description="The server's address as in the Argo CD UI, without /api or an application path"
        value={argocd.url}
        placeholder={ARGOCD_URL_EXAMPLE}
        error={errorOf(problems, 'url')}
        disabled={!enabled}
        width={60}
        onChange={(value) => update({ url: value })}
        onBlur={(text) => update({ url: textOrUndefined(trimUrl(text)) })}
      />
      <TokenField
        options={options}
        onOptionsChange={onOptionsChange}
        tokenKey="argocdToken"
        id="dora-argocd-token"
        label="API token"
        description="A token of a read-only account (accounts.grafana: apiKey in argocd-cm, policy role:readonly; argocd account generate-token --account grafana). In browser mode anyone who may query this data source can use it through Grafana's proxy; the health check warns when the token may sync or delete."
        placeholder="eyJhbGciOi..."
        disabled={!enabled}
      />
      <Field label="Applications" description="Which applications are read" {...field('applications')}>
        <RadioButtonGroup<ArgoApplicationScope>
          options={SCOPE_OPTIONS}
          value={scope}
          disabled={!enabled}
          onChange={(value) => update({ applications: value })}
        />
      </Field>
      {scope === 'projects' && (
        <TextSetting
          id="dora-argocd-projects"
          label="Projects"
          description="Argo CD project names, comma-separated"
          value={argocd.projects}
          placeholder="payments, storefront"
          error={errorOf(problems, 'projects')}
          disabled={!enabled}
          width={60}
          onChange={(value) => update({ projects: value })}
        />
      )}
      {scope === 'pattern' && (
        <TextSetting
          id="dora-argocd-name-pattern"
          label="Name pattern"
          description="Regular expression (case-insensitive) over application names"
          value={argocd.namePattern}
          placeholder="^checkout-"
          error={errorOf(problems, 'namePattern')}
          disabled={!enabled}
          onChange={(value) => update({ namePattern: value })}
        />
      )}
      <Field
        label="Service from"
        description="Where a deployment's service name comes from; the service catalog maps it further"
        {...field('serviceFrom')}
      >
        <RadioButtonGroup<ArgoNameFrom>
          options={SERVICE_OPTIONS}
          value={serviceFrom}
          disabled={!enabled}
          onChange={(value) => update({ serviceFrom: value })}
        />
      </Field>
      {serviceFrom === 'label' && (
        <TextSetting
          id="dora-argocd-service-label"
          label="Service label"
          description="Label key on the Application resource"
          value={argocd.serviceLabel}
          placeholder="app.kubernetes.io/part-of"
          error={errorOf(problems, 'serviceLabel')}
          disabled={!enabled}
          onChange={(value) => update({ serviceLabel: value })}
        />
      )}
      <Field
        label="Environment from"
        description="Where a deployment's environment comes from"
        {...field('environmentFrom')}
      >
        <RadioButtonGroup<ArgoNameFrom>
          options={ENVIRONMENT_OPTIONS}
          value={environmentFrom}
          disabled={!enabled}
          onChange={(value) => update({ environmentFrom: value })}
        />
      </Field>
      {environmentFrom === 'label' && (
        <TextSetting
          id="dora-argocd-environment-label"
          label="Environment label"
          description="Label key on the Application resource"
          value={argocd.environmentLabel}
          placeholder="env"
          error={errorOf(problems, 'environmentLabel')}
          disabled={!enabled}
          onChange={(value) => update({ environmentLabel: value })}
        />
      )}
      {environmentFrom === 'fixed' && (
        <TextSetting
          id="dora-argocd-environment"
          label="Environment"
          description="The environment every application deploys to"
          value={argocd.environment}
          placeholder={DEFAULT_ENVIRONMENT}
          error={errorOf(problems, 'environment')}
          disabled={!enabled}
          onChange={(value) => update({ environment: value })}
        />
      )}
      <TextSetting
        id="dora-argocd-production-pattern"
        label="Production applications"
        description="Regular expression over application names that deploy to production; empty: the production environment pattern (What is a deployment) decides from the environment"
        value={argocd.productionPattern}
        placeholder="-prod$"
        error={errorOf(problems, 'productionPattern')}
        disabled={!enabled}
        onChange={(value) => update({ productionPattern: value })}
      />
      <TimeoutSetting
        id="dora-argocd-timeout"
        description="How long a query may take, retries included, before it shows a notice"
        value={argocd.timeoutSeconds}
        defaultSeconds={DEFAULT_TIMEOUT_SECONDS}
        error={errorOf(problems, 'timeoutSeconds')}
        disabled={!enabled}
        onChange={(value) => update({ timeoutSeconds: value })}
      />
    </ConfigSection>
  );
}
