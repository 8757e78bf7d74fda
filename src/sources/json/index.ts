export { parseEventsJson, MAX_ERRORS, DEFAULT_SOURCE } from './parse';
export type { ParsedEvents } from './parse';
export { toEventsJson, toEventsDocument } from './serialize';
export { parseInstant, formatInstant, INSTANT_EXAMPLE } from './instant';
export type { InstantResult } from './instant';
