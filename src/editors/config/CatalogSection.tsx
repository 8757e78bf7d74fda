import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import { Alert, Button, Field, TextArea, useStyles2 } from '@grafana/ui';
import { ConfigSection } from '@grafana/plugin-ui';
import { GrafanaTheme2 } from '@grafana/data';
import { parseCatalogYaml } from '../../settings/catalog';
import { owningTeams, ServiceCatalog } from '../../engine';
import { SectionProps } from './sectionProps';
import { catalogAmbiguities } from '../../settings/problems';

export const CATALOG_EXAMPLE = `services:
  - name: checkout
    team: payments
    repositories:
      - acme/checkout
      - repo: acme/monorepo
        paths: [services/checkout]
    pipelines: [deploy-checkout]
    environments: [checkout-production]
    incidentServices: [Checkout API]
`;

/** The service catalog: repositories, pipelines, environments and incident services mapped to services and teams. */
export function CatalogSection({ jsonData, onChange }: SectionProps) {
  const styles = useStyles2(getStyles);
  const text = jsonData.catalogYaml ?? '';
  // Parsed on every keystroke: errors carry the line they are on.
  const parsed = useMemo(() => parseCatalogYaml(text), [text]);
  const errors = parsed.errors;
  const ambiguities = useMemo(() => catalogAmbiguities(parsed.catalog), [parsed]);
  return (
    <ConfigSection
      title="Service catalog"
      description="Maps repositories (and monorepo paths), pipelines, environments and incident services to services and teams. Services and teams become dashboard variables."
    >
      <Field
        label="Catalog (YAML)"
        description="One entry per service under services:. A repository is owner/name or { repo, paths }. A service several teams own lists them as teams: [a, b] and counts in each team."
        htmlFor="dora-catalog-yaml"
        invalid={errors.length > 0}
      >
        <TextArea
          id="dora-catalog-yaml"
          className={styles.code}
          rows={Math.min(24, Math.max(8, text.split('\n').length + 1))}
          value={text}
          placeholder={CATALOG_EXAMPLE}
          spellCheck={false}
          onChange={(e) => onChange({ catalogYaml: e.currentTarget.value === '' ? undefined : e.currentTarget.value })}
        />
      </Field>
      {errors.length > 0 && (
        <Alert
          title={`The catalog has ${plural(errors.length, 'problem')}`}
          severity="error"
          data-testid="dora-catalog-errors"
        >
          <ul className={styles.list}>
            {errors.map((e, i) => (
              <li key={i}>{e.line ? `Line ${e.line}: ${e.message}` : e.message}</li>
            ))}
          </ul>
        </Alert>
      )}
      {errors.length === 0 && ambiguities.length > 0 && (
        <Alert title="Names listed by more than one service" severity="warning" data-testid="dora-catalog-ambiguities">
          <ul className={styles.list}>
            {ambiguities.map((message, i) => (
              <li key={i}>{message}</li>
            ))}
          </ul>
        </Alert>
      )}
      {errors.length === 0 && parsed.catalog && (
        <p className={styles.summary} data-testid="dora-catalog-summary">
          {summary(parsed.catalog)}
        </p>
      )}
      {text === '' && (
        <Button variant="secondary" size="sm" icon="plus" onClick={() => onChange({ catalogYaml: CATALOG_EXAMPLE })}>
          Insert example
        </Button>
      )}
    </ConfigSection>
  );
}

function summary(catalog: ServiceCatalog): string {
  const teams = new Set(catalog.services.flatMap(owningTeams));
  const repos = new Set<string>();
  catalog.services.forEach((s) => (s.repositories ?? []).forEach((r) => repos.add(r.repo)));
  return `Valid: ${plural(catalog.services.length, 'service')}, ${plural(teams.size, 'team')}, ${plural(repos.size, 'repository', 'repositories')}.`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

const getStyles = (theme: GrafanaTheme2) => ({
  code: css({ fontFamily: theme.typography.fontFamilyMonospace, fontSize: theme.typography.bodySmall.fontSize }),
  list: css({ margin: 0, paddingLeft: theme.spacing(2) }),
  summary: css({ color: theme.colors.text.secondary, ...theme.typography.bodySmall }),
});
