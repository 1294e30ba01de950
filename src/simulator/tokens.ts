/**
 * Token expiry: a session's token lasts until `tokenExpiresAt`;
 * `tokenWillExpire(roomID)` comes 30 s before (at once when less is left, as
 * the web SDK's timer does: ZegoExpressWebRTC 3.12.0 `resetTokenTimer`), and
 * at the expiry the server kicks the session out: KICKOUT 1102018 with
 * `{"custom_kickout_message":"token expired; kickout reason: 4"}` (the SDK's
 * `handlePushKickout`, reason 4). That is the server with ZEGO's permission
 * expiry management on (ZEGO FAQ "How to handle Token-related error codes in
 * Express?": the user is kicked out and publishing stops); without it nothing
 * would happen until the next login.
 *
 * `renewToken` answers as the SDK does: false only for its own checks (not in
 * the room, an empty token); true otherwise, even when the server then refuses
 * the token (the SDK only logs that), in which case the expiry stands.
 * Tokens themselves are never kept.
 *
 * Internal: not exported from the package.
 */
import { isId } from '../core/guards.js';
import { DEFAULT_TOKEN_LIFETIME_MS, SimulatorErrorCode, TOKEN_WARNING_LEAD_MS } from './constants.js';
import type { Effects } from './effects.js';
import { dead, reachable, type EngineState, type RoomNotice, type Session, type World } from './world.js';

/** What {@link createTokens} returns. @internal */
export interface Tokens {
  /** LOGINED: a token of the room's lifetime, if it sets one. */
  loggedIn(session: Session): void;
  /** The session's token expires `ms` from now. */
  expireIn(session: Session, ms: number): void;
  /** The engine's renewToken(token, roomID?). */
  renew(engine: EngineState, token: unknown, roomID: unknown): boolean;
  /** The session ended: its token timers stop. */
  stop(session: Session): void;
}

/** The kick-out the web SDK reports when the server ends a session whose token expired. @internal */
export const TOKEN_EXPIRED_NOTICE: RoomNotice = {
  reason: 'KICKOUT',
  code: SimulatorErrorCode.TOKEN_EXPIRED_KICKOUT,
  extendedData: JSON.stringify({ custom_kickout_message: 'token expired; kickout reason: 4' }),
};

/** `kick` ends a session on the server with a notice (stream_delete_reason 4: kicked). @internal */
export function createTokens(world: World, fx: Effects, kick: (session: Session, notice: RoomNotice) => void): Tokens {
  const live = (session: Session): boolean => session.status === 'connected' || session.status === 'reconnecting';

  function stop(session: Session): void {
    session.tokenWarning = fx.cancel(session.tokenWarning);
    session.tokenExpiry = fx.cancel(session.tokenExpiry);
    session.tokenExpiresAt = null;
  }

  function schedule(session: Session, expiresAt: number): void {
    stop(session);
    const remaining = Math.max(0, expiresAt - world.clock.now());
    session.tokenExpiresAt = expiresAt;
    // The client's own timer: it fires even while cut off from the server.
    session.tokenWarning = fx.after(Math.max(0, remaining - TOKEN_WARNING_LEAD_MS), () => {
      session.tokenWarning = null;
      if (live(session) && !dead(session.engine)) fx.emit(session.engine, 'tokenWillExpire', session.roomID);
    });
    // The server's: it ends the session, as a kick-out the client hears now or when back.
    session.tokenExpiry = fx.after(remaining, () => {
      session.tokenExpiry = null;
      session.tokenExpiresAt = null;
      if (live(session)) kick(session, TOKEN_EXPIRED_NOTICE);
    });
  }

  return {
    loggedIn(session) {
      if (world.tokenLifetimeMs !== null) schedule(session, world.clock.now() + world.tokenLifetimeMs);
    },

    expireIn(session, ms) {
      if (live(session)) schedule(session, world.clock.now() + Math.max(0, ms));
    },

    renew(engine, token, roomID) {
      if (dead(engine) || (roomID !== undefined && !isId(roomID))) return false;
      const session = roomID === undefined ? engine.sessions.values().next().value : engine.sessions.get(roomID);
      if (!session || !live(session) || !isId(token)) return false;
      // The request goes over the room connection: cut off, or refused by the server, nothing changes.
      if (reachable(session) && !engine.refuseRenewal) schedule(session, world.clock.now() + (world.tokenLifetimeMs ?? DEFAULT_TOKEN_LIFETIME_MS));
      return true;
    },

    stop,
  };
}
