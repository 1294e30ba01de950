/**
 * Compile-time contract (issue 14): the media callbacks the simulated engine
 * sends have the argument shapes of web SDK 3.12's declarations
 * (`ZegoEvent` in sdk/code/zh/ZegoExpressEntity.web.d.ts), and its media calls
 * take what the real engine's take, so an app written against the SDK runs
 * on the simulator. `tsc --noEmit -p tsconfig.json` fails on drift.
 */
import type { ZegoExpressEngine } from 'zego-express-engine-webrtc';
import type { ZegoStreamView } from 'zego-express-engine-webrtc/sdk/code/zh/ZegoStreamView.web';
import type { ZegoEvent } from 'zego-express-engine-webrtc/sdk/code/zh/ZegoExpressEntity.web';
import type { ZegoStreamViewLike } from '../../src/adapters/index.js';
import type { SimulatedEngine, SimulatedEventArgs, SimulatedEventName } from '../../src/simulator/index.js';

type Assert<T extends true> = T;
type IsAssignable<From, To> = [From] extends [To] ? true : false;

// Every event the simulator names is one the SDK declares (tokenWillExpire: on the RTM half, also in ZegoEvent).
export type EventsExist = Assert<IsAssignable<SimulatedEventName, keyof ZegoEvent>>;

// What the simulator sends fits what an SDK callback takes, event by event.
type Fits<K extends keyof ZegoEvent & SimulatedEventName> = IsAssignable<SimulatedEventArgs[K], Parameters<ZegoEvent[K]>>;
export type NetworkQualityFits = Assert<Fits<'networkQuality'>>;
export type PublishQualityFits = Assert<Fits<'publishQualityUpdate'>>;
export type PlayQualityFits = Assert<Fits<'playQualityUpdate'>>;
export type RemoteCameraFits = Assert<Fits<'remoteCameraStatusUpdate'>>;
export type RemoteMicFits = Assert<Fits<'remoteMicStatusUpdate'>>;
export type TokenWillExpireFits = Assert<Fits<'tokenWillExpire'>>;
export type DeviceErrorFits = Assert<Fits<'deviceError'>>;
export type VideoDeviceFits = Assert<Fits<'videoDeviceStateChanged'>>;
export type AudioDeviceFits = Assert<Fits<'audioDeviceStateChanged'>>;
export type ExceptionFits = Assert<Fits<'exceptionUpdate'>>;
// roomStateChanged: the SDK types its reason as a string enum; its values are the simulator's strings (zego-web-engine.test-d.ts).
export type PublisherStateFits = Assert<Fits<'publisherStateUpdate'>>;
export type PlayerStateFits = Assert<Fits<'playerStateUpdate'>>;
export type RoomUserFits = Assert<Fits<'roomUserUpdate'>>;
// screenSharingEnded hands back the screen stream: a MediaStream in browsers (a stand-in in Node).
export type ScreenSharingArity = Assert<IsAssignable<Parameters<ZegoEvent['screenSharingEnded']>['length'], SimulatedEventArgs['screenSharingEnded']['length']>>;

// The calls an app makes take the SDK's arguments.
type Call<K extends keyof ZegoExpressEngine & keyof SimulatedEngine> = ZegoExpressEngine[K] extends (...args: infer A) => unknown
  ? IsAssignable<A, Parameters<SimulatedEngine[K]>>
  : false;
export type RenewToken = Assert<Call<'renewToken'>>;
export type MuteVideo = Assert<Call<'mutePublishStreamVideo'>>;
export type MuteAudio = Assert<Call<'mutePublishStreamAudio'>>;
export type EnableCapture = Assert<Call<'enableVideoCaptureDevice'>>;
export type DestroyStream = Assert<Call<'destroyStream'>>;
export type CreateStream = Assert<IsAssignable<Parameters<ZegoExpressEngine['createZegoStream']>, Parameters<SimulatedEngine['createZegoStream']>>>;
export type ReturnsBoolean = Assert<IsAssignable<ReturnType<SimulatedEngine['renewToken']>, ReturnType<ZegoExpressEngine['renewToken']>>>;

// Its stream views plug into connectZegoStreamView as the SDK's do.
export type ViewFits = Assert<IsAssignable<ReturnType<SimulatedEngine['createRemoteStreamView']>, ZegoStreamViewLike>>;
export type SdkViewFits = Assert<IsAssignable<ZegoStreamView, ZegoStreamViewLike>>;
