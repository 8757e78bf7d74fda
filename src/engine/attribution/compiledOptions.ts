/** EngineOptions checked once and turned into what attribution uses (compiled patterns). */
import { EngineOptions, LEAD_TIME_STARTS, LeadTimeStart, withDefaults } from '../options';
import { EngineInputError, messageOf } from './inputError';

export interface AttributionOptions {
  production: RegExp;
  /** null when the pipeline pattern is empty (every deployment qualifies). */
  pipeline: RegExp | null;
  hotfix: RegExp;
  revert: RegExp;
  incidentLinkWindowMs: number;
  rollbacksAreRework: boolean;
  leadTimeStart: LeadTimeStart;
}

export function compileOptions(partial?: Partial<EngineOptions>): AttributionOptions {
  const options = withDefaults(partial);
  const window = options.incidentLinkWindowMs;
  if (typeof window !== 'number' || !isFinite(window) || window < 0) {
    throw new EngineInputError(
      'incidentLinkWindowMs',
      window,
      'Use a number of milliseconds >= 0, e.g. 86400000 for 24 hours.'
    );
  }
  if (LEAD_TIME_STARTS.indexOf(options.leadTimeStart) < 0) {
    throw new EngineInputError('leadTimeStart', options.leadTimeStart, `Use one of ${LEAD_TIME_STARTS.join(', ')}.`);
  }
  if (typeof options.rollbacksAreRework !== 'boolean') {
    throw new EngineInputError('rollbacksAreRework', options.rollbacksAreRework, 'Use true or false.');
  }
  const pipeline = pattern('pipelinePattern', options.pipelinePattern);
  return {
    production: pattern('productionEnvironmentPattern', options.productionEnvironmentPattern),
    pipeline: pipeline.source === '(?:)' ? null : pipeline,
    hotfix: pattern('hotfixPattern', options.hotfixPattern),
    revert: pattern('revertPattern', options.revertPattern),
    incidentLinkWindowMs: window,
    rollbacksAreRework: options.rollbacksAreRework,
    leadTimeStart: options.leadTimeStart,
  };
}

/** Every pattern is case-insensitive: "Production", "HOTFIX" and 'Revert "x"' must match the defaults. */
function pattern(field: keyof EngineOptions, source: unknown): RegExp {
  if (typeof source !== 'string') {
    throw new EngineInputError(field, source, 'Use a regular expression as text, e.g. "^(prod|production)$".');
  }
  const reason = regexProblem(source);
  if (reason !== undefined) {
    throw new EngineInputError(field, source, `It is not a valid regular expression (${reason}); fix or clear it.`);
  }
  return new RegExp(source, 'i');
}

/**
 * Why a pattern does not compile as the engine compiles patterns (case-insensitive), or undefined when it
 * does. The settings checks of the data source, the GitHub source and the config editor use it too.
 */
export function regexProblem(source: string): string | undefined {
  try {
    new RegExp(source, 'i');
    return undefined;
  } catch (e) {
    return messageOf(e);
  }
}
