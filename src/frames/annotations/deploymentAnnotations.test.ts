import { attributed, change, deployment, incident, T0 } from '../../engine/metrics/testing';
import { deploymentAnnotations, MAX_CHANGES } from './deploymentAnnotations';
import { annotationEvents } from '../../datasource/annotationEvents';
import { annotationFrame } from './annotationFrame';
import { toDataFrame } from '../dataFrame';

describe('deploymentAnnotations', () => {
  it('escapes what comes from events and links only http(s) URLs', () => {
    const d = deployment({ finishedAt: T0, id: 'dep-1', sha: 'abcdef0123', url: 'javascript:alert(1)' });
    d.changeShas = ['abcdef0123'];
    const c = change({ deployedAt: T0, leadTimeMs: 1000, deploymentId: 'dep-1' });
    c.change = {
      ...c.change,
      sha: 'abcdef0123',
      pullRequest: { number: 7, title: 'Fix <script>alert(1)</script> & co' },
    };
    const [row] = deploymentAnnotations([d], attributed({ deployments: [d], changes: [c] }));
    expect(row.text).toContain('• abcdef0 Fix &lt;script&gt;alert(1)&lt;/script&gt; &amp; co (#7)');
    expect(row.text).not.toContain('javascript:');
    const linked = deployment({ finishedAt: T0, url: 'https://github.com/acme/checkout/deployments/1' });
    expect(deploymentAnnotations([linked], attributed({ deployments: [linked] }))[0].text).toContain(
      '<a href="https://github.com/acme/checkout/deployments/1" target="_blank" rel="noopener noreferrer">Open deployment</a>'
    );
  });

  it('caps the change list and the incidents, naming how many more there are', () => {
    const d = deployment({ finishedAt: T0, id: 'dep-2', failed: true, recoveryMs: 5400000 });
    d.changeShas = Array.from({ length: MAX_CHANGES + 3 }, (_, i) => `sha${String(i).padStart(4, '0')}xyz`);
    const incidents = Array.from({ length: 7 }, () => incident({ createdAt: T0, deploymentId: 'dep-2' }));
    d.incidentIds = incidents.map((i) => i.incident.id);
    const [row] = deploymentAnnotations([d], attributed({ deployments: [d], incidents }));
    expect(row.text.split('• ').length - 1).toBe(MAX_CHANGES);
    expect(row.text).toContain(`${MAX_CHANGES + 3} changes:`);
    expect(row.text).toContain('… and 3 more');
    expect(row.text).toContain('; and 2 more');
    expect(row.text).toContain('Failed: incident; recovered in 1h 30m');
    expect(row).toMatchObject({ title: 'Failed deployment of checkout to production', color: 'red' });
  });

  it('says when changes are unknown and when a redeploy ships nothing new', () => {
    const first = deployment({ finishedAt: T0 });
    first.changeShas = null;
    const redeploy = deployment({ finishedAt: T0 + 1000 });
    redeploy.isRedeploy = true;
    const rows = deploymentAnnotations([first, redeploy], attributed({ deployments: [first, redeploy] }));
    expect(rows[0].text).toContain('Changes unknown: the first deployment of this service in the fetched history');
    expect(rows[1].text).toContain('Redeploy of the live SHA: no new changes');
  });

  it('round-trips through the frame into Grafana annotation events', () => {
    const d = deployment({ finishedAt: T0, team: 'storefront' });
    const rows = deploymentAnnotations([d], attributed({ deployments: [d] }));
    const [event] = annotationEvents([toDataFrame(annotationFrame(rows, 'A', 'Deployments'))]);
    expect(event).toEqual({
      id: d.deployment.id,
      time: T0,
      timeEnd: T0,
      isRegion: false,
      title: 'Deployed checkout to production',
      text: rows[0].text,
      tags: ['checkout', 'production', 'success', 'storefront'],
      color: 'green',
    });
    expect(annotationEvents([{ fields: [], length: 0 }])).toEqual([]);
  });
});
