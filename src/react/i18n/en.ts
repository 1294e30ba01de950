import type { StatusMessages } from './messages.js';

// One part per component, so each ships only its own English strings (the
// provider carries none: components merge its catalog over their part).

/** formatDuration's units (the banner's and the stream overlay's times). @internal */
export const enDuration: Pick<StatusMessages, 'durationSeconds' | 'durationMinutes' | 'durationHours'> = {
  durationSeconds: '{s} s',
  durationMinutes: '{m} min {s} s',
  durationHours: '{h} h {m} min',
};

/** ReconnectingBanner (with enDuration). @internal */
export const enBanner: Pick<
  StatusMessages,
  | 'connecting'
  | 'connectingElapsed'
  | 'connectingRemaining'
  | 'reconnecting'
  | 'reconnectingElapsed'
  | 'reconnectingRemaining'
  | 'heartbeatTimedOut'
  | 'reconnected'
  | 'loginFailed'
  | 'reconnectFailed'
  | 'errorCode'
  | 'offline'
  | 'tokenExpiring'
  | 'tokenRemaining'
  | 'tokenRenewFailed'
> = {
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
  offline: "You're offline",
  tokenExpiring: 'Session expiring',
  tokenRemaining: 'expires in {remaining}',
  tokenRenewFailed: 'Could not renew the session.',
};

/** Every Retry button. @internal */
export const enRetry: Pick<StatusMessages, 'retry'> = { retry: 'Retry' };

/** KickedOutOverlay. @internal */
export const enKickedOut: Pick<StatusMessages, 'kickedTitle' | 'kickedElsewhere' | 'kickedByServer' | 'rejoin' | 'leave'> = {
  kickedTitle: 'You are no longer in the room',
  kickedElsewhere: 'You signed in on another device, so this one left the room.',
  kickedByServer: 'You were removed from the room by the service.',
  rejoin: 'Rejoin',
  leave: 'Leave',
};

/** StreamRemovedOverlay (with enDuration and enRetry). @internal */
export const enStream: Pick<
  StatusMessages,
  'streamWaiting' | 'streamEnded' | 'streamDeleteReasons' | 'streamRetrying' | 'streamUnavailable' | 'streamRoomFailed' | 'streamConnecting'
> = {
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
};

/** ConnectionStatusBadge. @internal */
export const enBadge: Pick<StatusMessages, 'phaseLabel' | 'phases'> = {
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
export const en: StatusMessages = /* @__PURE__ */ Object.assign(
  { locale: 'en' as const },
  enDuration,
  enBanner,
  enRetry,
  enKickedOut,
  enStream,
  enBadge,
);
