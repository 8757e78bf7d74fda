import React from 'react';
import { ConfigSection } from '@grafana/plugin-ui';
import { DEFAULT_OPTIONS } from '../../engine';
import { PatternField } from './PatternField';
import { SectionProps } from './sectionProps';

/** "What is a deployment": which environments are production and which pipelines deploy. */
export function DeploymentSection({ jsonData, onChange }: SectionProps) {
  return (
    <ConfigSection
      title="What is a deployment"
      description="A deployment is a successful deployment of one service to a production environment. Patterns are case-insensitive regular expressions."
    >
      <PatternField
        id="dora-production-environment-pattern"
        label="Production environment pattern"
        description="Environment names that count as production, e.g. ^(prod|production)(-.*)?$"
        value={jsonData.productionEnvironmentPattern}
        defaultPattern={DEFAULT_OPTIONS.productionEnvironmentPattern}
        onChange={(productionEnvironmentPattern) => onChange({ productionEnvironmentPattern })}
      />
      <PatternField
        id="dora-pipeline-pattern"
        label="Pipeline name pattern"
        description="CI pipelines or workflows whose runs deploy; empty means every pipeline that deploys to production."
        value={jsonData.pipelinePattern}
        defaultPattern={DEFAULT_OPTIONS.pipelinePattern}
        onChange={(pipelinePattern) => onChange({ pipelinePattern })}
      />
    </ConfigSection>
  );
}
