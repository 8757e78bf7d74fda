export { DemoSource } from './DemoSource';
export type { DemoSourceOptions } from './DemoSource';
export { demoCatalog } from './catalog';
export { generateDemoData, DEMO_WINDOW_DAYS } from './generate';
export type { DemoData } from './generate';
export { DEMO_SERVICES, DEMO_TEAMS } from './profiles';
