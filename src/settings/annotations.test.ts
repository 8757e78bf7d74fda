/** Annotations settings: defaults and every bad input with its field and fix. */
import { resolveAnnotationsSettings, validateAnnotationsSettings } from './annotations';

describe('annotations settings', () => {
  it('defaults: deployments tagged deploy, keys service/env/repo/sha/status/severity, environment production', () => {
    expect(resolveAnnotationsSettings({})).toEqual({
      deploymentTags: ['deploy'],
      incidentTags: [],
      keys: {
        service: 'service',
        environment: 'env',
        repo: 'repo',
        sha: 'sha',
        status: 'status',
        severity: 'severity',
      },
      defaults: { environment: 'production' },
      timeoutMs: 30000,
    });
  });

  it.each([
    [{ deploymentTags: ' , ' }, 'deploymentTags', /no tags mark deployments or incidents/],
    [{ deploymentTags: 'deploy', incidentTags: 'deploy' }, 'incidentTags', /are the deployment tags/],
    [{ dashboardUid: 'has space' }, 'dashboardUid', /is not a dashboard UID/],
    [{ serviceKey: 'service:' }, 'serviceKey', /"service:" is not a key/],
    [{ shaKey: 'service' }, 'shaKey', /"service" is also serviceKey/],
    [{ defaultRepo: 'checkout' }, 'defaultRepo', /"checkout" is not owner\/name/],
    [{ timeoutSeconds: 601 }, 'timeoutSeconds', /between 1 and 600/],
  ])('%j -> %s', (settings, field, message) => {
    expect(validateAnnotationsSettings(settings)).toEqual([{ field, message: expect.stringMatching(message) }]);
  });

  it('refuses to resolve invalid settings', () => {
    expect(() => resolveAnnotationsSettings({ deploymentTags: '' })).toThrow(
      /^Grafana annotations settings are invalid/
    );
  });
});
