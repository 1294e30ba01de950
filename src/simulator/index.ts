/**
 * zego-status-kit/simulator: a fake ZEGO engine with the web SDK's surface
 * that replays the seed timelines (seed 003) on an injected clock, for tests,
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
  stopSimulatedMedia,
  TEST_PATTERN_REDRAW_MS,
  type SimulatedMediaStandIn,
  type SimulatedMediaStream,
} from './media.js';
export {
  LOGIN_LATENCY_MS,
  PLAYER_RETRY_TIMEOUT_MS,
  PLAY_LATENCY_MS,
  PROPAGATION_DELAY_MS,
  PUBLISH_LATENCY_MS,
  SimulatorErrorCode,
} from './constants.js';
export { SCENARIO_TIMING, scenarios, type ScenarioName, type ScenarioOptions, type ScenarioRun } from './scenarios.js';
export { createScaledClock, type ScaledClock, type ScaledClockOptions } from './scaled-clock.js';
