/**
 * The demo organisation's service catalog: services, teams, repositories, and the incident tool's names where
 * they differ. Workflows ("ci", "deploy") and environments ("production") are shared by every service, so they
 * are not listed: the catalog maps an alias only when exactly one service claims it.
 */
import { CatalogService, ServiceCatalog } from '../../engine';
import { DEMO_SERVICES } from './profiles';

export function demoCatalog(): ServiceCatalog {
  return {
    services: DEMO_SERVICES.map((profile) => {
      const service: CatalogService = {
        name: profile.name,
        team: profile.team,
        repositories: [{ repo: profile.repo }],
      };
      if (profile.incidentServiceName) {
        service.incidentServices = [profile.incidentServiceName];
      }
      return service;
    }),
  };
}
