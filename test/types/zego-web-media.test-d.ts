/**
 * Compile-time contract of media health with the real web SDK (issue 14):
 * `tsc --noEmit -p tsconfig.json` fails if zego-express-engine-webrtc's media
 * callbacks change their names or argument shapes away from what the web
 * adapter's readers take (src/adapters/media-health.ts), or if its engine or
 * stream view no longer fit what token renewal and connectZegoStreamView call.
 * Type-only imports: the SDK never loads in Node.
 */
import type { ZegoExpressEngine } from 'zego-express-engine-webrtc';
import type { ZegoStreamView } from 'zego-express-engine-webrtc/sdk/code/zh/ZegoStreamView.web';
import type { ZegoEvent, ZegoPlayStats, ZegoPublishStats } from 'zego-express-engine-webrtc/sdk/code/zh/ZegoExpressEntity.web';
import type { QualityGrade, RemoteDeviceStatus } from '../../src/core/media-events.js';
import type { ZegoStreamViewLike } from '../../src/adapters/index.js';
import type { TokenRenewalEngine } from '../../src/policy/index.js';

type Assert<T extends true> = T;
type IsAssignable<From, To> = [From] extends [To] ? true : false;
type IsEqual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Args<K extends keyof ZegoEvent> = Parameters<ZegoEvent[K]>;

// Every callback the web adapter registers for media health is a 3.12 event.
type WebMediaEvent =
  | 'networkQuality'
  | 'publishQualityUpdate'
  | 'playQualityUpdate'
  | 'remoteCameraStatusUpdate'
  | 'remoteMicStatusUpdate'
  | 'tokenWillExpire'
  | 'deviceError'
  | 'videoDeviceStateChanged'
  | 'audioDeviceStateChanged'
  | 'screenSharingEnded'
  | 'exceptionUpdate';
export type MediaEventsExist = Assert<IsAssignable<WebMediaEvent, keyof ZegoEvent>>;

// networkQuality(userID, upstreamQuality, downstreamQuality): QualityGrade −1…4, the core's scale.
export type NetworkQualityArgs = Assert<IsEqual<Args<'networkQuality'>[0], string>>;
export type NetworkQualityGrades = Assert<IsAssignable<Args<'networkQuality'>[1], number>>;
export type GradeScale = Assert<IsEqual<QualityGrade, -1 | 0 | 1 | 2 | 3 | 4>>;

// publishQualityUpdate(streamID, ZegoPublishStats) / playQualityUpdate(streamID, ZegoPlayStats).
export type PublishQualityArgs = Assert<IsEqual<Args<'publishQualityUpdate'>, [string, ZegoPublishStats]>>;
export type PlayQualityArgs = Assert<IsEqual<Args<'playQualityUpdate'>, [string, ZegoPlayStats]>>;
// The fields the reader takes, with their types.
export type PublishFields = Assert<
  IsAssignable<
    ZegoPublishStats,
    {
      video: { videoQuality: number; videoBitrate: number; videoFPS: number; videoPacketsLostRate: number; muteState: '0' | '1' };
      audio: { audioQuality: number; audioBitrate: number; audioPacketsLostRate: number; muteState: '0' | '1' };
    }
  >
>;
export type PlayFields = Assert<
  IsAssignable<
    ZegoPlayStats,
    {
      video: { videoQuality: number; videoBitrate: number; videoFPS: number; videoPacketsLostRate: number; muteState: '0' | '1' };
      audio: { audioQuality: number; audioBitrate: number; audioPacketsLostRate: number; muteState: '0' | '1' };
      peerToPeerPacketLostRate: number | undefined;
    }
  >
>;

// remoteCameraStatusUpdate / remoteMicStatusUpdate(streamID, 'OPEN' | 'MUTE').
export type RemoteCameraArgs = Assert<IsEqual<Args<'remoteCameraStatusUpdate'>, [string, RemoteDeviceStatus]>>;
export type RemoteMicArgs = Assert<IsEqual<Args<'remoteMicStatusUpdate'>, [string, RemoteDeviceStatus]>>;

// tokenWillExpire(roomID), and renewToken(token, roomID?) on the engine.
export type TokenWillExpireArgs = Assert<IsEqual<Args<'tokenWillExpire'>, [string]>>;
export type EngineRenews = Assert<IsAssignable<ZegoExpressEngine, TokenRenewalEngine>>;

// deviceError(errorCode, deviceName); video/audioDeviceStateChanged(updateType, [deviceType,] deviceInfo).
export type DeviceErrorArgs = Assert<IsEqual<Args<'deviceError'>, [number, string]>>;
type DeviceInfo = { deviceName: string; deviceID: string };
export type VideoDeviceArgs = Assert<IsEqual<Args<'videoDeviceStateChanged'>, ['DELETE' | 'ADD', DeviceInfo]>>;
export type AudioDeviceArgs = Assert<IsEqual<Args<'audioDeviceStateChanged'>, ['DELETE' | 'ADD', 'Input' | 'Output', DeviceInfo]>>;

// screenSharingEnded(mediaStream); exceptionUpdate(streamID, { code, message }).
export type ScreenSharingEndedArgs = Assert<IsEqual<Args<'screenSharingEnded'>, [MediaStream]>>;
export type ExceptionArgs = Assert<IsAssignable<Args<'exceptionUpdate'>, [string, { code: number; message: string }]>>;

// A ZegoStreamView's autoplayFailed, for connectZegoStreamView.
export type StreamViewFits = Assert<IsAssignable<ZegoStreamView, ZegoStreamViewLike>>;
