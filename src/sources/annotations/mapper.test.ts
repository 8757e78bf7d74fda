/** Annotations to deployments and incidents: tags and text, regions, statuses, and what is left out and said. */
import { mapAnnotations, titleOf, valueOf } from './mapper';
import { resolveAnnotationsSettings } from '../../settings/annotations';
import { annotation, at, SHA, shopAnnotations } from './testing/annotations';

const settings = resolveAnnotationsSettings({
  deploymentTags: 'deploy',
  incidentTags: 'incident',
  defaultRepo: 'acme/checkout',
});

describe('valueOf', () => {
  it('reads key:value and key=value from tags first, then from the words of the text', () => {
    expect(valueOf('service', ['deploy', 'Service: checkout'], 'service:other')).toBe('checkout');
    expect(valueOf('sha', ['deploy'], 'Deployed (sha=abc1234) to prod')).toBe('abc1234');
    expect(valueOf('sha', [], 'Deployed <b>sha:abc1234</b>')).toBe('abc1234');
    expect(valueOf('env', [], 'environment:prod')).toBeUndefined();
    expect(valueOf('a.b', ['a.b:1'], '')).toBe('1');
  });

  it('titles are the first line of the text without HTML', () => {
    expect(titleOf('Checkout errors<br>rolled forward')).toBe('Checkout errors');
    expect(titleOf('<p>Deploy &amp; migrate</p>')).toBe('Deploy & migrate');
    expect(titleOf('')).toBeUndefined();
  });
});

describe('mapAnnotations', () => {
  const mapped = mapAnnotations(shopAnnotations(), settings);

  it('deployment annotations become deployments with service, environment, repository, SHA and status', () => {
    expect(mapped.deployments).toEqual([
      {
        id: 'annotations:101',
        service: 'checkout',
        environment: 'production',
        repo: 'acme/checkout',
        sha: SHA.a,
        finishedAt: at(-3, 10),
        status: 'success',
        source: 'annotations',
        title: 'Deployed checkout',
      },
      {
        id: 'annotations:102',
        service: 'checkout',
        environment: 'production',
        repo: 'acme/checkout',
        sha: SHA.b,
        startedAt: at(1, 9, 50),
        finishedAt: at(1, 10),
        status: 'success',
        source: 'annotations',
        title: 'Deployed checkout v1.2',
      },
      {
        id: 'annotations:103',
        service: 'checkout',
        environment: 'production',
        repo: 'acme/checkout',
        sha: SHA.c,
        finishedAt: at(2, 14),
        status: 'success',
        source: 'annotations',
        title: `Deployed checkout sha=${SHA.c} from CI`,
      },
      {
        id: 'annotations:104',
        service: 'checkout',
        environment: 'production',
        repo: 'acme/checkout',
        sha: SHA.d,
        finishedAt: at(3, 11),
        status: 'failure',
        source: 'annotations',
        title: 'Deploy of checkout failed',
      },
      {
        id: 'annotations:105',
        service: 'checkout',
        environment: 'staging',
        repo: 'acme/checkout',
        sha: SHA.d,
        finishedAt: at(3, 12),
        status: 'success',
        source: 'annotations',
        title: 'Deployed checkout to staging',
      },
    ]);
  });

  it('incident annotations become incidents: a region is impact start to resolution; a SHA is the cause', () => {
    expect(mapped.incidents).toEqual([
      {
        id: 'annotations:201',
        service: 'checkout',
        title: 'Checkout errors',
        startedAt: at(2, 15),
        createdAt: at(2, 15),
        resolvedAt: at(2, 16, 30),
        severity: 'SEV2',
        url: '/d/ops?viewPanel=4',
        source: 'annotations',
        labels: ['incident', 'service:checkout', 'severity:SEV2', `sha:${SHA.c}`],
        cause: { sha: SHA.c },
      },
    ]);
    expect(mapped.notices).toEqual([]);
  });

  it('leaves out deployments without a service or SHA and says which, with the fix; unknown statuses count as success', () => {
    const result = mapAnnotations(
      [
        annotation(1, at(1, 1), ['deploy', `sha:${SHA.a}`], 'no service'),
        annotation(2, at(1, 2), ['deploy', 'service:web'], 'no sha'),
        annotation(3, at(1, 3), ['deploy', 'service:web', 'sha:v1.2.3'], 'not a sha'),
        annotation(4, at(1, 4), ['deploy', 'service:web', `sha:${SHA.b}`, 'status:meh'], 'odd status'),
      ],
      resolveAnnotationsSettings({})
    );
    expect(result.deployments.map((d) => [d.id, d.status, d.repo])).toEqual([['annotations:4', 'success', 'web']]);
    expect(result.notices.map((n) => n.text)).toEqual([
      expect.stringMatching(
        /1 deployment annotation \(id 1\) name no service.*Add a tag service:NAME, or set a default service/
      ),
      expect.stringMatching(/2 deployment annotations \(id 2, 3\) name no commit SHA.*Add a tag sha:SHA/),
      expect.stringMatching(/unknown status in annotation 4 \(meh\); counted as success/),
    ]);
  });

  it('uses the configured keys and defaults, and requires every deployment tag', () => {
    const custom = resolveAnnotationsSettings({
      deploymentTags: 'deploy, prod',
      serviceKey: 'app',
      shaKey: 'commit',
      defaultEnvironment: 'prod',
    });
    const result = mapAnnotations(
      [
        annotation(1, at(1, 1), ['deploy', 'prod', 'app:web', `commit:${SHA.a}`], ''),
        annotation(2, at(1, 2), ['deploy', 'app:web', `commit:${SHA.b}`], ''),
      ],
      custom
    );
    expect(result.deployments.map((d) => [d.id, d.service, d.environment, d.sha])).toEqual([
      ['annotations:1', 'web', 'prod', SHA.a],
    ]);
  });
});
