import type { StatusMessages } from './messages.js';

/**
 * The English catalog, the default.
 *
 * @example
 * ```tsx
 * <StatusProvider store={store} messages={{ ...en, reconnected: 'Back online' }}>
 *   <ReconnectingBanner />
 * </StatusProvider>
 * ```
 */
export const en: StatusMessages = {
  locale: 'en',
  durationSeconds: '{s} s',
  durationMinutes: '{m} min {s} s',
  durationHours: '{h} h {m} min',

  connecting: 'Connecting…',
  connectingElapsed: 'Trying for {elapsed}',
  connectingRemaining: 'gives up in {remaining}',
  reconnecting: 'Reconnecting…',
  reconnectingElapsed: 'Offline for {elapsed}',
  reconnectingRemaining: 'gives up in {remaining}',
  heartbeatTimedOut: 'Others in the room now see you as having left.',
  reconnected: 'Reconnected',
  loginFailed: 'Could not join the room',
  reconnectFailed: 'Could not reconnect',
  errorCode: 'Error {code}',
  retry: 'Retry',
  offline: "You're offline",
  tokenExpiring: 'Session expiring',
  tokenRemaining: 'expires in {remaining}',
  tokenRenewFailed: 'Could not renew the session.',

  kickedTitle: 'You are no longer in the room',
  kickedElsewhere: 'You signed in on another device, so this one left the room.',
  kickedByServer: 'You were removed from the room by the service.',
  rejoin: 'Rejoin',
  leave: 'Leave',

  streamWaiting: 'Host connection lost, waiting…',
  streamEnded: 'Stream ended, waiting for the host…',
  streamDeleteReasons: {
    stopped: 'The host stopped the stream.',
    'heartbeat-timeout': 'The host has been unreachable for {elapsed}.',
    'repeated-login': 'The host signed in elsewhere.',
    kicked: 'The host was removed from the room.',
    disconnected: 'The host disconnected.',
    'removed-by-server': 'The stream was removed by the service.',
  },
  streamRetrying: 'Retrying in {remaining}',
  streamUnavailable: 'Stream unavailable',
  streamRoomFailed: 'Not connected to the room.',
  streamConnecting: 'Connecting…',

  phaseLabel: 'Connection: {phase}',
  phases: {
    idle: 'Not connected',
    connecting: 'Connecting',
    connected: 'Connected',
    reconnecting: 'Reconnecting',
    failed: 'Failed',
    kicked: 'Removed from room',
  },
};
