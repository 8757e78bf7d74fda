/**
 * The demo organisation: 8 services in 4 teams, each tuned to land in a different DORA performance level
 * (docs/definitions.md#performance-levels, 2023 table), from continuous deployment with hour-long lead times
 * (checkout) to release trains with month-long lead times and slow recovery (billing).
 */

/** [min, max]; durations drawn log-uniformly between them (see Random.skewed). */
export type Span = [number, number];

export type Remediation = 'rollback' | 'revert' | 'hotfix' | 'fix-forward' | 'incident-only';

export type DeploySchedule =
  /** Every merge to main is deployed once CI has passed; merges landing meanwhile ride along. */
  | { kind: 'continuous'; ciMinutes: Span }
  /** The head of main is deployed at fixed UTC slots on the given weekdays (0 = Sunday), every N weeks. */
  | { kind: 'slots'; weekdays: number[]; hours: number[]; everyWeeks: number }
  /**
   * Release trains: main is cut every `everyDays`, tested for `qaDays`, then deployed. With `branches`
   * the cut is a release branch (release/2.N) that gets its own patch releases.
   */
  | { kind: 'release'; everyDays: number; qaDays: number; branches: boolean };

export interface DemoServiceProfile {
  name: string;
  team: string;
  repo: string;
  /** The service went live this many days before the end of the demo window (absent: before the window). */
  launchedDaysAgo?: number;
  mergesPerWorkday: number;
  commitsPerPullRequest: Span;
  /** First commit -> pull request opened. */
  codingHours: Span;
  /** Pull request opened -> merged. */
  reviewHours: Span;
  mergeStyle: 'squash' | 'merge';
  schedule: DeploySchedule;
  deployMinutes: Span;
  /** Also deploys every build to staging first (the production rule must leave these out). */
  staging?: boolean;
  /** Production is deployed by one job per region of one pipeline run (counts once). */
  regions?: string[];
  /** Share of regular deployments that fail in production. */
  failureRate: number;
  /** Share of deploy attempts that fail or are cancelled before succeeding on a retry. */
  attemptFailureRate: number;
  /** How failed deployments are remediated, used in turn. */
  remediations: Remediation[];
  /** Share of failures that get an incident (incident-only remediations always do). */
  incidentShare: number;
  /** Impact start -> incident opened. */
  detectMinutes: Span;
  /** Failure noticed -> remediation deployment started. */
  reactMinutes: Span;
  /** Incident opened -> resolved, when no deployment fixes it (feature flag, data repair, ...). */
  repairHours: Span;
  /** Share of regular deployments followed by a redeploy of the same SHA (restarts). */
  redeployShare: number;
  ciFailureRate: number;
  /** Share of CI failures that pass on a re-run of the same SHA (flaky tests). */
  flakyShare: number;
  /** Things this service's pull requests and incidents talk about. */
  topics: string[];
  /** The incident tool's name for the service, when it differs (the catalog maps it). */
  incidentServiceName?: string;
}

export const DEMO_SERVICES: DemoServiceProfile[] = [
  {
    name: 'checkout',
    team: 'storefront',
    repo: 'acme/checkout',
    mergesPerWorkday: 5,
    commitsPerPullRequest: [1, 3],
    codingHours: [0.5, 5],
    reviewHours: [0.3, 3],
    mergeStyle: 'squash',
    schedule: { kind: 'continuous', ciMinutes: [12, 30] },
    deployMinutes: [4, 10],
    staging: true,
    failureRate: 0.03,
    attemptFailureRate: 0.04,
    remediations: ['rollback', 'revert', 'hotfix', 'rollback', 'fix-forward'],
    incidentShare: 0.8,
    detectMinutes: [2, 8],
    reactMinutes: [4, 15],
    repairHours: [0.3, 0.8],
    redeployShare: 0,
    ciFailureRate: 0.08,
    flakyShare: 0.6,
    incidentServiceName: 'Checkout API',
    topics: ['cart totals', 'coupon stacking', 'payment retry', 'address form', 'order summary', 'tax rounding'],
  },
  {
    name: 'web-frontend',
    team: 'storefront',
    repo: 'acme/web-frontend',
    mergesPerWorkday: 4,
    commitsPerPullRequest: [1, 5],
    codingHours: [1, 16],
    reviewHours: [0.5, 8],
    mergeStyle: 'merge',
    schedule: { kind: 'slots', weekdays: [1, 2, 3, 4, 5], hours: [10, 13, 16], everyWeeks: 1 },
    deployMinutes: [6, 15],
    staging: true,
    failureRate: 0.06,
    attemptFailureRate: 0.05,
    remediations: ['rollback', 'hotfix', 'revert'],
    incidentShare: 0.7,
    detectMinutes: [5, 25],
    reactMinutes: [10, 40],
    repairHours: [1, 4],
    redeployShare: 0,
    ciFailureRate: 0.1,
    flakyShare: 0.5,
    topics: ['product page', 'search box', 'image carousel', 'dark mode', 'login banner', 'cookie consent'],
  },
  {
    name: 'api-gateway',
    team: 'platform',
    repo: 'acme/api-gateway',
    mergesPerWorkday: 1.5,
    commitsPerPullRequest: [1, 4],
    codingHours: [3, 40],
    reviewHours: [2, 30],
    mergeStyle: 'merge',
    schedule: { kind: 'slots', weekdays: [1, 3, 4], hours: [11], everyWeeks: 1 },
    deployMinutes: [10, 25],
    regions: ['eu', 'us'],
    failureRate: 0.08,
    attemptFailureRate: 0.06,
    remediations: ['rollback', 'revert', 'fix-forward', 'incident-only'],
    incidentShare: 0.75,
    detectMinutes: [5, 40],
    reactMinutes: [20, 120],
    repairHours: [1, 6],
    redeployShare: 0,
    ciFailureRate: 0.08,
    flakyShare: 0.5,
    topics: ['rate limiter', 'JWT validation', 'route table', 'CORS headers', 'request logging', 'timeouts'],
  },
  {
    name: 'auth',
    team: 'platform',
    repo: 'acme/auth',
    mergesPerWorkday: 0.8,
    commitsPerPullRequest: [2, 5],
    codingHours: [8, 72],
    reviewHours: [4, 48],
    mergeStyle: 'merge',
    schedule: { kind: 'slots', weekdays: [2, 4], hours: [14], everyWeeks: 1 },
    deployMinutes: [8, 20],
    failureRate: 0.05,
    attemptFailureRate: 0.03,
    remediations: ['hotfix', 'rollback', 'incident-only'],
    incidentShare: 0.8,
    detectMinutes: [5, 60],
    reactMinutes: [30, 180],
    repairHours: [1, 8],
    redeployShare: 0,
    ciFailureRate: 0.15,
    flakyShare: 0.7,
    topics: ['session refresh', 'MFA enrolment', 'password reset', 'OIDC discovery', 'token revocation'],
  },
  {
    name: 'notifications',
    team: 'platform',
    repo: 'acme/notifications',
    launchedDaysAgo: 40,
    mergesPerWorkday: 1.2,
    commitsPerPullRequest: [1, 4],
    codingHours: [4, 48],
    reviewHours: [2, 24],
    mergeStyle: 'merge',
    schedule: { kind: 'slots', weekdays: [1, 3], hours: [15], everyWeeks: 1 },
    deployMinutes: [5, 12],
    failureRate: 0.1,
    attemptFailureRate: 0.05,
    remediations: ['rollback', 'fix-forward'],
    incidentShare: 0.7,
    detectMinutes: [10, 60],
    reactMinutes: [20, 90],
    repairHours: [1, 5],
    redeployShare: 0,
    ciFailureRate: 0.1,
    flakyShare: 0.5,
    topics: ['email templates', 'push tokens', 'digest scheduler', 'unsubscribe link', 'SMS provider'],
  },
  {
    name: 'search',
    team: 'data',
    repo: 'acme/search',
    mergesPerWorkday: 0.7,
    commitsPerPullRequest: [2, 6],
    codingHours: [24, 120],
    reviewHours: [12, 72],
    mergeStyle: 'merge',
    schedule: { kind: 'slots', weekdays: [3], hours: [15], everyWeeks: 2 },
    deployMinutes: [15, 40],
    failureRate: 0.15,
    attemptFailureRate: 0.1,
    remediations: ['rollback', 'incident-only', 'revert'],
    incidentShare: 0.8,
    detectMinutes: [15, 120],
    reactMinutes: [60, 360],
    repairHours: [4, 30],
    redeployShare: 0.25,
    ciFailureRate: 0.12,
    flakyShare: 0.6,
    topics: ['index mapping', 'synonyms', 'ranking model', 'autocomplete', 'reindex job', 'facets'],
  },
  {
    name: 'ledger',
    team: 'finance',
    repo: 'acme/ledger',
    mergesPerWorkday: 0.6,
    commitsPerPullRequest: [2, 5],
    codingHours: [24, 96],
    reviewHours: [12, 72],
    mergeStyle: 'merge',
    schedule: { kind: 'release', everyDays: 21, qaDays: 7, branches: true },
    deployMinutes: [20, 45],
    failureRate: 0.25,
    attemptFailureRate: 0.1,
    remediations: ['hotfix', 'incident-only', 'rollback'],
    incidentShare: 0.8,
    detectMinutes: [30, 240],
    reactMinutes: [120, 600],
    repairHours: [12, 72],
    redeployShare: 0,
    ciFailureRate: 0.1,
    flakyShare: 0.4,
    topics: ['journal entries', 'currency rounding', 'month-end close', 'audit export', 'reconciliation'],
  },
  {
    name: 'billing',
    team: 'finance',
    repo: 'acme/billing',
    mergesPerWorkday: 0.5,
    commitsPerPullRequest: [2, 6],
    codingHours: [48, 200],
    reviewHours: [24, 120],
    mergeStyle: 'merge',
    schedule: { kind: 'release', everyDays: 56, qaDays: 21, branches: false },
    deployMinutes: [30, 90],
    failureRate: 0.55,
    attemptFailureRate: 0.15,
    remediations: ['incident-only', 'incident-only', 'rollback', 'incident-only'],
    incidentShare: 1,
    detectMinutes: [60, 720],
    reactMinutes: [1440, 4320],
    repairHours: [100, 400],
    redeployShare: 0,
    ciFailureRate: 0.2,
    flakyShare: 0.3,
    incidentServiceName: 'Billing Platform',
    topics: ['invoice PDF', 'proration', 'dunning emails', 'VAT rules', 'card updater', 'usage metering'],
  },
];

export const DEMO_TEAMS = ['storefront', 'platform', 'data', 'finance'];
