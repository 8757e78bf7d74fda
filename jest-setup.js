// Jest setup provided by Grafana scaffolding. Its DOM shims only apply in the jsdom environment; tests that
// declare `@jest-environment node` (loopback servers) skip them.
if (typeof window !== 'undefined') {
  require('./.config/jest-setup');
}
