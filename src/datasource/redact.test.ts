import { createRedactor } from './redact';

describe('createRedactor', () => {
  it('masks token shapes of GitHub, GitLab and auth headers', () => {
    const redact = createRedactor({});
    const gh = 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';
    expect(redact(`bad credentials for ${gh}`)).toBe('bad credentials for [redacted]');
    expect(redact('github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz')).toBe('[redacted]');
    expect(redact('glpat-abcdefghijklmnopqrst')).toBe('[redacted]');
  });

  it('masks Grafana service account tokens and JSON Web Tokens (Argo CD)', () => {
    const redact = createRedactor({});
    expect(redact('key glsa_' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6_0a1b2c3d' + ' refused')).toBe('key [redacted] refused');
    const jwt = 'eyJhbGciOiJIUzI1NiJ9' + '.eyJzdWIiOiJkb3JhOmFwaUtleSJ9' + '.c2lnbmF0dXJlLXZhbHVlLTAx';
    expect(redact(`argocd said: invalid session: ${jwt}.`)).toBe('argocd said: invalid session: [redacted].');
    expect(redact('Authorization: Bearer abcdefghijklmnopqrstuvwxyz012345')).toBe('Authorization: Bearer [redacted]');
    expect(redact('header token 0123456789abcdef0123')).toBe('header token [redacted]');
  });

  it('masks the values of secret-looking settings wherever they appear', () => {
    const redact = createRedactor({
      jsonData: { github: { token: 'plain-secret-123' } },
      secureJsonData: { apiKey: 'k3y-value' },
    });
    expect(redact('url?x=plain-secret-123&k=k3y-value')).toBe('url?x=[redacted]&k=[redacted]');
  });

  it('leaves ordinary text alone', () => {
    const redact = createRedactor({ jsonData: { tokenCount: 3, catalogYaml: 'services: []' } });
    expect(redact('Source "github" failed: 404 Not Found for acme/checkout.')).toBe(
      'Source "github" failed: 404 Not Found for acme/checkout.'
    );
  });
});
