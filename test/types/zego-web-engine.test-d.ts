/**
 * Compile-time contract with the real web SDK: `tsc --noEmit -p tsconfig.json`
 * fails if `zego-express-engine-webrtc` changes so that its engine no longer
 * fits the adapter (SDK drift), or if its enum spellings move away from what
 * the core's names accept. Type-only imports: the SDK never loads in Node.
 */
import type { ZegoExpressEngine } from 'zego-express-engine-webrtc';
import type { ZegoRoomStateChangedReason } from 'zego-express-engine-webrtc/sdk/code/zh/ZegoExpressEntity.rtm';
import type {
  ZegoEvent,
  ZegoPlayerState,
  ZegoPublisherState,
} from 'zego-express-engine-webrtc/sdk/code/zh/ZegoExpressEntity.web';
import type { PlayerStateName, PublisherStateName, RoomReason } from '../../src/core/states.js';
import type { ZegoWebEngineLike } from '../../src/adapters/index.js';
import type { SimulatedEngine } from '../../src/simulator/index.js';

type Assert<T extends true> = T;
type IsAssignable<From, To> = [From] extends [To] ? true : false;
type IsEqual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

// The real engine class plugs into connectZegoWeb.
export type RealEngineFits = Assert<IsAssignable<ZegoExpressEngine, ZegoWebEngineLike>>;
// The simulator's engine does too, so stories and tests run the same adapter.
export type SimulatedEngineFits = Assert<IsAssignable<SimulatedEngine, ZegoWebEngineLike>>;

// 3.12 sends the reason as a string enum whose values are exactly the core's
// names ('KICKOUT', not 'KICK_OUT'; seed 002 writes the members 'Kickout').
export type ReasonSpellings = Assert<IsEqual<`${ZegoRoomStateChangedReason}`, RoomReason>>;
export type PublisherSpellings = Assert<IsEqual<ZegoPublisherState['state'], PublisherStateName>>;
export type PlayerSpellings = Assert<IsEqual<ZegoPlayerState['state'], PlayerStateName>>;

// The callback shapes the adapter reads (web: object argument for stream states).
export type RoomStateChangedArgs = Assert<
  IsEqual<Parameters<ZegoEvent['roomStateChanged']>, [string, ZegoRoomStateChangedReason, number, string]>
>;
export type PlayerStateArgs = Assert<IsEqual<Parameters<ZegoEvent['playerStateUpdate']>, [ZegoPlayerState]>>;
export type PublisherStateArgs = Assert<IsEqual<Parameters<ZegoEvent['publisherStateUpdate']>, [ZegoPublisherState]>>;
export type StreamUpdateType = Assert<IsEqual<Parameters<ZegoEvent['roomStreamUpdate']>[1], 'ADD' | 'DELETE'>>;
export type UserUpdateType = Assert<IsEqual<Parameters<ZegoEvent['roomUserUpdate']>[1], 'ADD' | 'DELETE'>>;
