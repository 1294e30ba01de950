export * from './clock.js';
export * from './states.js';
export * from './events.js';
export * from './persistent-map.js';
export * from './status.js';
export * from './reducer.js';
export * from './selectors.js';
export * from './store.js';
export * from './track-login.js';

export * from './errors.js';
