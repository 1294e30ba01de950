/**
 * zego-status-kit/devtools: the status store in the Redux DevTools browser
 * extension, as its own import so apps that do not use it never ship it.
 */
export {
  connectDevtools,
  type DevtoolsConnection,
  type DevtoolsExtension,
  type DevtoolsMessage,
  type DevtoolsOptions,
} from './connect-devtools.js';
export { fromPlainState, toPlainState, type Plain, type PlainRoomStatus, type PlainStatusState } from './plain-state.js';
