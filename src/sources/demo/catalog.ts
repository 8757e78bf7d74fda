/**
 * The demo organisation's service catalog: services, teams, repositories, and the incident tool's names where
 * they differ. Workflows ("ci", "deploy") and environments ("production") are shared by every service, so they
 * are not listed: the catalog maps an alias only when exactly one service claims it. Every service has a runbook
 * and an availability objective over 30 days.
 */
import { CatalogService, ServiceCatalog } from '../../engine';
import { DEMO_SERVICES } from './profiles';

/** Services whose objective is 99.5% (money and sign-in); the others aim for 99%. Some overspend in the demo. */
const STRICT = ['checkout', 'billing', 'ledger', 'auth', 'api-gateway'];

export function demoCatalog(): ServiceCatalog {
  return {
    services: DEMO_SERVICES.map((profile) => {
      const service: CatalogService = {
        name: profile.name,
        team: profile.team,
        repositories: [{ repo: profile.repo }],
        runbook: `https://runbooks.example.com/${profile.name}`,
        objective: { target: STRICT.indexOf(profile.name) >= 0 ? 0.995 : 0.99, windowDays: 30 },
      };
      if (profile.incidentServiceName) {
        service.incidentServices = [profile.incidentServiceName];
      }
      return service;
    }),
  };
}
