/**
 * zego-status-kit/simulator: a fake ZEGO engine with the web SDK's surface
 * that replays ZEGO's documented timelines ("Express SDK: disconnection and reconnection") on an injected clock, for tests,
 * stories and the playground. No React here.
 */
export {
  createSimulatedRoom,
  SIMULATED_EVENTS,
  type SimulatedCallback,
  type SimulatedEngine,
  type SimulatedError,
  type SimulatedRoom,
  type SimulatedRoomConfig,
  type SimulatedRoomOptions,
  type SimulatedStreamInfo,
} from './room.js';
export {
  asMediaStream,
  createTestPattern,
  enableSimulatedTracks,
  stopSimulatedMedia,
  TEST_PATTERN_REDRAW_MS,
  type SimulatedMediaStandIn,
  type SimulatedMediaStream,
  type TestPatternOptions,
} from './media.js';
export {
  DEFAULT_TOKEN_LIFETIME_MS,
  LOGIN_LATENCY_MS,
  PLAYER_RETRY_TIMEOUT_MS,
  PLAY_LATENCY_MS,
  PROPAGATION_DELAY_MS,
  PUBLISH_LATENCY_MS,
  QUALITY_INTERVAL_MS,
  SimulatorErrorCode,
  TOKEN_WARNING_LEAD_MS,
  WEB_RECONNECTING_DELAY_MS,
} from './constants.js';
export type {
  SimulatedDeviceInfo,
  SimulatedEventArgs,
  SimulatedEventName,
  SimulatedExceptionCode,
  SimulatedPlayStats,
  SimulatedPublishStats,
} from './callbacks.js';
export type { SimulatedEngineHealth } from './engine-health.js';
export type { DeviceFault, DeviceKindName, Grade } from './world.js';
export type { SimulatedBrowserError, SimulatedMediaError, SimulatedStreamOptions } from './local-media.js';
export type { NetworkGrades, NetworkProfileStep } from './quality.js';
export type { SimulatedStreamView } from './stream-view.js';
export { SCENARIO_TIMING, scenarios, type ScenarioName, type ScenarioOptions, type ScenarioRun } from './scenarios.js';
export { createScaledClock, type ScaledClock, type ScaledClockOptions } from './scaled-clock.js';
