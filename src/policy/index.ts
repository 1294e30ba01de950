/**
 * Policies: effects driven by store events, using an injected Clock
 * (DESIGN §5). They only call the engine and dispatch their own events.
 */
export * from './audience.js';
export * from './publisher.js';
export * from './token-renewal.js';
