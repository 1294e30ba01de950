/**
 * The callbacks a simulated engine sends, by name, with their arguments laid
 * out as the web SDK 3.12 declarations lay them out (zego-express-engine-webrtc
 * sdk/code/zh/ZegoExpressEntity.web.d.ts `ZegoEvent`, ZegoExpressEntity.rtm.d.ts
 * `tokenWillExpire`). test/types/simulator-callbacks.test-d.ts checks the media
 * ones against those declarations, so a drift fails `tsc`.
 */
import type { ZegoUser } from '../core/events.js';
import type { PlayerStateName, PublisherStateName, RoomReason } from '../core/states.js';
import type { SimulatedMediaStream } from './media.js';
import type { Grade } from './world.js';

/**
 * `publishQualityUpdate`'s stats (web `ZegoPublishStats`), every 3 s while publishing.
 *
 * @example
 * ```ts
 * engine.on('publishQualityUpdate', (streamID: string, stats: SimulatedPublishStats) => console.log(stats.video.videoQuality));
 * ```
 */
export interface SimulatedPublishStats {
  readonly video: {
    readonly frameHeight: number;
    readonly frameWidth: number;
    readonly googCodecName: string;
    /** '1' while the publisher has turned its video off (mutePublishStreamVideo). */
    readonly muteState: '0' | '1';
    /** kbps. */
    readonly videoBitrate: number;
    readonly videoFPS: number;
    readonly videoPacketsLost: number;
    /** Unit 1 (0.05 is 5 %). */
    readonly videoPacketsLostRate: number;
    readonly videoTransferFPS: number;
    /** The grade, −1 unknown … 4 die. */
    readonly videoQuality: Grade;
  };
  readonly audio: {
    readonly audioBitrate: number;
    readonly audioCodec: string;
    readonly audioPacketsLost: number;
    readonly audioPacketsLostRate: number;
    readonly googCodecName: string;
    readonly muteState: '0' | '1';
    readonly audioFPS: number;
    readonly audioQuality: Grade;
  };
}

/**
 * `playQualityUpdate`'s stats (web `ZegoPlayStats`), every 3 s while playing.
 *
 * @example
 * ```ts
 * engine.on('playQualityUpdate', (streamID: string, stats: SimulatedPlayStats) => console.log(stats.peerToPeerDelay));
 * ```
 */
export interface SimulatedPlayStats {
  readonly video: SimulatedPublishStats['video'] & {
    readonly videoRenderFPS: number;
    readonly videoFramesDecoded: number;
    readonly videoFramesDropped: number;
    readonly videoCumulativeDecodeTime: number;
    readonly videoCumulativeBreakTime: number;
    readonly videoCumulativeBreakRate: number;
  };
  readonly audio: SimulatedPublishStats['audio'] & {
    readonly audioJitter: number;
    readonly audioLevel: number;
    readonly audioSamplingRate: number;
    readonly audioSendLevel: number;
    readonly audioCumulativeDecodeTime: number;
    readonly audioCumulativeBreakTime: number;
    readonly audioCumulativeBreakRate: number;
  };
  /** End-to-end delay, ms. */
  readonly peerToPeerDelay: number | undefined;
  /** End-to-end packet loss, unit 1. */
  readonly peerToPeerPacketLostRate: number | undefined;
}

/**
 * An `exceptionUpdate` code (web `ExceptionCode`): 1001–1010 a problem
 * begins (capture, sending, receiving, decoding, rendering), 2001–2010 it is
 * over.
 *
 * @example
 * ```ts
 * const decodeFailed: SimulatedExceptionCode = 1008;
 * ```
 */
export type SimulatedExceptionCode =
  | 1001 | 1002 | 1003 | 1004 | 1005 | 1006 | 1007 | 1008 | 1009 | 1010
  | 2001 | 2002 | 2003 | 2004 | 2005 | 2006 | 2007 | 2008 | 2009 | 2010;

/** A device as video/audioDeviceStateChanged describes it. */
export interface SimulatedDeviceInfo {
  readonly deviceName: string;
  readonly deviceID: string;
}

/**
 * Every callback a simulated engine sends, with its arguments.
 *
 * @example
 * ```ts
 * type Args = SimulatedEventArgs['remoteCameraStatusUpdate']; // [streamID: string, status: 'OPEN' | 'MUTE']
 * ```
 */
export interface SimulatedEventArgs {
  roomStateChanged: [roomID: string, reason: RoomReason, errorCode: number, extendedData: string];
  publisherStateUpdate: [result: { streamID: string; state: PublisherStateName; errorCode: number; extendedData: string }];
  playerStateUpdate: [result: { streamID: string; state: PlayerStateName; errorCode: number; extendedData: string }];
  roomStreamUpdate: [
    roomID: string,
    updateType: 'ADD' | 'DELETE',
    streamList: { streamID: string; user?: ZegoUser | undefined; extraInfo: string }[],
    extendedData: string,
  ];
  roomUserUpdate: [roomID: string, updateType: 'ADD' | 'DELETE', userList: ZegoUser[]];
  /** '' is the local user (its own up and down), as the web SDK sends it. */
  networkQuality: [userID: string, upstreamQuality: Grade, downstreamQuality: Grade];
  publishQualityUpdate: [streamID: string, stats: SimulatedPublishStats];
  playQualityUpdate: [streamID: string, stats: SimulatedPlayStats];
  remoteCameraStatusUpdate: [streamID: string, status: 'OPEN' | 'MUTE'];
  remoteMicStatusUpdate: [streamID: string, status: 'OPEN' | 'MUTE'];
  tokenWillExpire: [roomID: string];
  deviceError: [errorCode: number, deviceName: string];
  videoDeviceStateChanged: [updateType: 'ADD' | 'DELETE', deviceInfo: SimulatedDeviceInfo];
  audioDeviceStateChanged: [updateType: 'ADD' | 'DELETE', deviceType: 'Input' | 'Output', deviceInfo: SimulatedDeviceInfo];
  /** The screen stream createZegoStream made (a MediaStream in browsers). */
  screenSharingEnded: [mediaStream: SimulatedMediaStream];
  exceptionUpdate: [streamID: string, eventData: { code: SimulatedExceptionCode; message: string }];
}

/**
 * The name of a callback a simulated engine sends.
 *
 * @example
 * ```ts
 * const name: SimulatedEventName = 'networkQuality';
 * ```
 */
export type SimulatedEventName = keyof SimulatedEventArgs;
