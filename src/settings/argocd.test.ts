/** Argo CD settings: every bad input is named with its field, value and fix; defaults fill the rest. */
import { resolveArgoCdSettings, validateArgoCdSettings } from './argocd';

const URL = 'https://argocd.example.com';

describe('validateArgoCdSettings', () => {
  it('accepts the minimal settings (all applications, service = name, environment production)', () => {
    expect(validateArgoCdSettings({ url: URL })).toEqual([]);
    expect(resolveArgoCdSettings({ url: `${URL}/` })).toMatchObject({
      url: URL,
      scope: 'all',
      projects: [],
      service: { from: 'name' },
      environment: { from: 'fixed', value: 'production' },
      timeoutMs: 30000,
    });
  });

  it.each([
    [{}, 'url', /url is empty; enter the server's URL, e.g. https:\/\/argocd.example.com/],
    [{ url: 'argocd.example.com' }, 'url', /"argocd.example.com" is not an http\(s\) URL/],
    [{ url: URL, applications: 'projects' as const }, 'projects', /projects is empty/],
    [
      { url: URL, applications: 'projects' as const, projects: 'Payments' },
      'projects',
      /"Payments" is not an Argo CD project name/,
    ],
    [{ url: URL, applications: 'pattern' as const }, 'namePattern', /namePattern is empty/],
    [
      { url: URL, applications: 'pattern' as const, namePattern: '(' },
      'namePattern',
      /"\(" is not a valid regular expression/,
    ],
    [{ url: URL, serviceFrom: 'label' as const }, 'serviceLabel', /serviceLabel is empty; enter the label key/],
    [
      { url: URL, environmentFrom: 'label' as const, environmentLabel: 'bad key' },
      'environmentLabel',
      /"bad key" is not a Kubernetes label key/,
    ],
    [{ url: URL, productionPattern: '[' }, 'productionPattern', /not a valid regular expression/],
    [{ url: URL, timeoutSeconds: 0 }, 'timeoutSeconds', /between 1 and 600/],
  ])('%j -> %s', (settings, field, message) => {
    const problems = validateArgoCdSettings(settings);
    expect(problems).toEqual([{ field, message: expect.stringMatching(message) }]);
  });

  it('refuses to resolve invalid settings, naming every problem', () => {
    expect(() => resolveArgoCdSettings({ url: 'x', productionPattern: '[' })).toThrow(
      /^Argo CD settings are invalid: url: .*productionPattern: /
    );
  });

  it('resolves projects, a name pattern and label rules', () => {
    expect(
      resolveArgoCdSettings({ url: URL, applications: 'projects', projects: 'payments, billing' }).projects
    ).toEqual(['payments', 'billing']);
    const byPattern = resolveArgoCdSettings({ url: URL, applications: 'pattern', namePattern: '^checkout-' });
    expect(byPattern.namePattern?.test('Checkout-prod')).toBe(true);
    expect(
      resolveArgoCdSettings({ url: URL, serviceFrom: 'label', serviceLabel: ' app.kubernetes.io/part-of ' }).service
    ).toEqual({ from: 'label', value: 'app.kubernetes.io/part-of' });
  });
});
