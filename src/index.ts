/**
 * zego-status-kit: the framework-free part — core state model, engine
 * adapters and playback policies. React lives in `zego-status-kit/react`.
 */
export * from './core/index.js';
export * from './adapters/index.js';
export * from './policy/index.js';
