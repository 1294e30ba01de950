/**
 * The playground's timeline: every SDK callback (as the adapter dispatched
 * it), every policy action, and every button press, stamped with the
 * simulated clock as T+mm:ss.s from the start of the story.
 */
import type { StatusEvent, StoreEvent, StreamQualityStats } from '../../src/index.js';

/**
 * Who a log line is about.
 *
 * @example
 * ```ts
 * const side: LogSide = 'Audience';
 * ```
 */
export type LogSide = 'Host' | 'Audience' | 'Clock';

/**
 * What kind of line: an SDK callback, something a policy did, or a button press.
 *
 * @example
 * ```ts
 * const kind: LogKind = 'policy';
 * ```
 */
export type LogKind = 'sdk' | 'policy' | 'action';

/**
 * One line of the event log.
 *
 * @example
 * ```ts
 * const entry: LogEntry = { id: 1, at: 1_200, side: 'Audience', kind: 'sdk', text: 'roomStateChanged LOGINED' };
 * ```
 */
export interface LogEntry {
  readonly id: number;
  /** Simulated milliseconds since the playground started. */
  readonly at: number;
  readonly side: LogSide;
  readonly kind: LogKind;
  readonly text: string;
}

/**
 * `T+mm:ss.s` for simulated milliseconds since the start (minutes keep
 * counting past 59: a 20 min outage reads T+20:00.0).
 *
 * @example
 * ```ts
 * formatSimTime(90_000); // 'T+01:30.0'
 * ```
 */
export function formatSimTime(ms: number): string {
  const tenths = Math.max(0, Math.floor(ms / 100));
  const minutes = Math.floor(tenths / 600);
  const seconds = (tenths % 600) / 10;
  return `T+${String(minutes).padStart(2, '0')}:${seconds.toFixed(1).padStart(4, '0')}`;
}

// Web roomStreamUpdate DELETE extendedData (web SDK 3.12).
const DELETE_REASONS: Record<number, string> = {
  1: 'stopped',
  2: 'heartbeat timeout',
  3: 'repeated login',
  4: 'kicked',
  5: 'disconnected',
  6: 'removed by server',
};

function deleteReason(extendedData: string | undefined): string {
  if (!extendedData) return '';
  try {
    const reason = (JSON.parse(extendedData) as { stream_delete_reason?: unknown }).stream_delete_reason;
    return typeof reason === 'number' ? ` (stream_delete_reason ${reason}: ${DELETE_REASONS[reason] ?? 'unknown'})` : '';
  } catch {
    return '';
  }
}

const code = (errorCode: number): string => (errorCode === 0 ? '' : ` ${errorCode}`);

/**
 * The log line for a dispatched event: the SDK callbacks under their web SDK
 * names, the policies' own events as policy actions.
 *
 * @example
 * ```ts
 * describeEvent({ type: 'playerStateUpdate', streamID: 'host-main', state: 'PLAYING', errorCode: 0, at: 0 });
 * // { kind: 'sdk', text: 'playerStateUpdate host-main PLAYING' }
 * ```
 */
export function describeEvent(event: StoreEvent): { kind: LogKind; text: string } {
  switch (event.type) {
    case 'roomStateChanged': {
      const extra = event.extendedData ? ` "${event.extendedData}"` : '';
      return { kind: 'sdk', text: `roomStateChanged ${event.reason}${code(event.errorCode)}${extra}` };
    }
    case 'publisherStateUpdate':
      return { kind: 'sdk', text: `publisherStateUpdate ${event.streamID} ${event.state}${code(event.errorCode)}` };
    case 'playerStateUpdate':
      return { kind: 'sdk', text: `playerStateUpdate ${event.streamID} ${event.state}${code(event.errorCode)}` };
    case 'roomStreamUpdate': {
      const ids = event.streamList.map((stream) => stream.streamID).join(', ');
      return { kind: 'sdk', text: `roomStreamUpdate ${event.updateType} ${ids}${deleteReason(event.extendedData)}` };
    }
    case 'roomUserUpdate': {
      const ids = event.userList.map((user) => user.userID).join(', ');
      return { kind: 'sdk', text: `roomUserUpdate ${event.updateType} ${ids}` };
    }
    case 'replayScheduled':
      return {
        kind: 'policy',
        text: `${event.target} retry ${event.attempt} of ${event.streamID} scheduled in ${((event.dueAt - event.at) / 1000).toFixed(1)} s`,
      };
    case 'replayStarted':
      return { kind: 'policy', text: `${event.target} retry ${event.attempt} of ${event.streamID} started` };
    case 'replayGaveUp':
      return { kind: 'policy', text: `${event.target} gave up on ${event.streamID} after ${event.attempts} retries` };
    case 'replayCancelled':
      return { kind: 'policy', text: `${event.target} retry of ${event.streamID} cancelled${event.reset ? ' (count reset)' : ''}` };
    case 'engineCallFailed':
      return {
        kind: 'policy',
        text: `${event.call}(${event.streamID}) failed${code(event.errorCode)}${event.message ? `: ${event.message}` : ''}`,
      };
    case 'networkQuality':
      return { kind: 'sdk', text: `networkQuality ${event.userID || "'' (me)"} up ${event.upstreamQuality} down ${event.downstreamQuality}` };
    case 'publishQualityUpdate':
    case 'playQualityUpdate':
      return { kind: 'sdk', text: `${event.type} ${event.streamID} ${statsText(event.stats)}` };
    case 'remoteCameraStatusUpdate':
    case 'remoteMicStatusUpdate':
      return { kind: 'sdk', text: `${event.type} ${event.streamID} ${event.status}` };
    case 'tokenWillExpire':
      return { kind: 'sdk', text: `tokenWillExpire ${event.roomID}` };
    case 'tokenRenewal':
      return { kind: 'policy', text: `token renewal ${event.status}${event.errorCode ? ` ${event.errorCode}` : ''}${event.message ? `: ${event.message}` : ''}` };
    case 'deviceError':
      return { kind: 'sdk', text: `deviceError ${event.errorCode || event.errorName || ''}${event.deviceName ? ` ${event.deviceName}` : ''}${event.reason ? ` (${event.reason})` : ''}` };
    case 'deviceStateChanged':
      return { kind: 'sdk', text: `${event.device === 'camera' ? 'video' : 'audio'}DeviceStateChanged ${event.updateType} ${event.deviceName ?? ''}` };
    case 'screenSharingEnded':
      return { kind: 'sdk', text: 'screenSharingEnded' };
    case 'deviceRecovered':
      return { kind: 'action', text: `device recovered${event.device ? `: ${event.device}` : ''}` };
    case 'exceptionUpdate':
      return { kind: 'sdk', text: `exceptionUpdate ${event.streamID} ${event.code}` };
    case 'autoplayFailed':
      return { kind: 'sdk', text: `autoplay blocked (${event.blocked}) ${event.streamID}` };
    case 'autoplayResumed':
      return { kind: 'sdk', text: `autoplay resumed ${event.streamID}` };
    case 'offline':
    case 'online':
      return { kind: 'sdk', text: `browser ${event.type}` };
    default:
      return { kind: 'sdk', text: `unknown event ${(event satisfies never as { type: string }).type}` };
  }
}

const grade = (value: number | undefined): string => (value === undefined ? '?' : String(value));

function statsText(stats: StreamQualityStats): string {
  return `video ${grade(stats.videoQuality)} audio ${grade(stats.audioQuality)}`;
}

/**
 * The quality reports come every 3 s: the log shows one only when it says
 * something new. Returns the report's key and what it says, or null for any
 * other event.
 *
 * @example
 * ```ts
 * qualityReport({ type: 'networkQuality', userID: 'host', upstreamQuality: 3, downstreamQuality: 0, at: 0 });
 * // { key: 'networkQuality host', says: 'up 3 down 0' }
 * ```
 */
export function qualityReport(event: StoreEvent): { key: string; says: string } | null {
  switch (event.type) {
    case 'networkQuality':
      return { key: `${event.type} ${event.userID}`, says: `up ${event.upstreamQuality} down ${event.downstreamQuality}` };
    case 'publishQualityUpdate':
    case 'playQualityUpdate':
      return { key: `${event.type} ${event.streamID}`, says: statsText(event.stats) };
    default:
      return null;
  }
}
