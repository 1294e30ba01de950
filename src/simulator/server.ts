/**
 * The room server's transitions: who is present and which streams are
 * listed, what each client is told and when (≈100 ms later, or only at the
 * 90 s heartbeat timeout, "Express SDK: disconnection and reconnection"), and each session's life from login to
 * its end (logout, kick-out, heartbeat timeout, RECONNECT_FAILED).
 *
 * Internal: not exported from the package.
 */
import type { ZegoUser } from '../core/events.js';
import { LOGIN_LATENCY_MS, PROPAGATION_DELAY_MS, PUBLISH_LATENCY_MS, SimulatorErrorCode } from './constants.js';
import type { Effects } from './effects.js';
import type { Players } from './players.js';
import {
  failure,
  listingKey,
  ownedStreams,
  reachable,
  type EngineState,
  type PublisherState,
  type RoomNotice,
  type ServerStream,
  type Session,
  type World,
} from './world.js';

/** A stream as roomStreamUpdate lists it. */
interface StreamListItem {
  readonly streamID: string;
  readonly user?: ZegoUser | undefined;
  readonly extraInfo: string;
}

/** What {@link createServer} returns. @internal */
export interface Server {
  /** T1: the login succeeds; a lingering session of the same user in the room is replaced. */
  completeLogin(session: Session): void;
  /** LOGIN_FAILED (token expired, login timeout): the login promise rejects first, as web 3.12 does. */
  failLogin(session: Session, code: number, msg: string): void;
  /** logoutRoom for one session: heard by the server only if it can reach the client. */
  logout(session: Session): void;
  /**
   * The client's network drops (T3): RECONNECTING (at once, or after
   * `reconnectingDelayMs` as web 3.12 holds the first one back);
   * others lose it at the heartbeat timeout.
   */
  drop(session: Session, reconnectingDelayMs?: number): void;
  /** The network is back: RECONNECTED (T5 / T5'), or the pending login or kick-out goes on. */
  restore(session: Session): void;
  /** A kick-out by the server (kick-out API, duplicate login). */
  kick(session: Session, notice: RoomNotice, deleteReason: number, keepUser: boolean): void;
  /** The app died without a logout: its sessions linger until the heartbeat timeout. */
  orphan(session: Session): void;
  /** PUBLISH_REQUESTING to PUBLISHING: the stream is listed (ADD to others ≈100 ms later) and carries media. */
  goLive(engine: EngineState, streamID: string, publisher: PublisherState): void;
  /** The client stopped publishing and the server heard it: DELETE (stream_delete_reason 1) ≈100 ms later. */
  unpublish(session: Session, streamID: string): void;
}

/** What the server tells the rest of the simulator: a stream went live, a session began or ended. @internal */
export interface ServerHooks {
  publishing(engine: EngineState, streamID: string, publisher: PublisherState): void;
  loggedIn(session: Session): void;
  ended(session: Session): void;
}

/** @internal */
export function createServer(world: World, fx: Effects, players: Players, hooks: ServerHooks): Server {
  const { heartbeatTimeoutMs, roomRetryTimeMs } = world;

  // ---- what each client is told -------------------------------------------------

  /** Tells one client about users, skipping what it already knows. */
  function deliverUsers(receiver: Session, updateType: 'ADD' | 'DELETE', users: readonly ZegoUser[]): void {
    if (!reachable(receiver) || !receiver.userUpdate) return;
    const news = users.filter((user) =>
      updateType === 'ADD' ? !receiver.seenUsers.has(user.userID) : receiver.seenUsers.has(user.userID),
    );
    if (news.length === 0) return;
    for (const user of news) {
      if (updateType === 'ADD') receiver.seenUsers.add(user.userID);
      else receiver.seenUsers.delete(user.userID);
    }
    fx.emit(receiver.engine, 'roomUserUpdate', receiver.roomID, updateType, news);
  }

  /** Tells one client about streams, skipping what it already knows. */
  function deliverStreams(receiver: Session, updateType: 'ADD' | 'DELETE', list: readonly StreamListItem[], extendedData: string): void {
    if (!reachable(receiver)) return;
    const news = list.filter((stream) =>
      updateType === 'ADD' ? !receiver.seenStreams.has(stream.streamID) : receiver.seenStreams.has(stream.streamID),
    );
    if (news.length === 0) return;
    for (const stream of news) {
      if (updateType === 'ADD') receiver.seenStreams.add(stream.streamID);
      else receiver.seenStreams.delete(stream.streamID);
    }
    fx.emit(receiver.engine, 'roomStreamUpdate', receiver.roomID, updateType, news, extendedData);
  }

  /**
   * Delivers to everyone else in the room after `delay`: ≈100 ms for joins
   * and leaves ("Express SDK: disconnection and reconnection" T2, T6'), 0 for what the server itself decides at a
   * heartbeat timeout (T4' ≈ T3 + 90 s is already the time others hear it).
   * Receivers are chosen at delivery time; one that is cut off then catches
   * up when it reconnects ({@link syncClient}).
   */
  function broadcast(roomID: string, subject: ZegoUser, delay: number, deliver: (receiver: Session) => void): void {
    const run = () => {
      for (const receiver of [...world.sessions]) {
        if (receiver.roomID === roomID && receiver.user.userID !== subject.userID) deliver(receiver);
      }
    };
    if (delay > 0) fx.after(delay, run);
    else run();
  }

  function broadcastUser(session: Session, updateType: 'ADD' | 'DELETE', delay: number): void {
    broadcast(session.roomID, session.user, delay, (receiver) => deliverUsers(receiver, updateType, [session.user]));
  }

  const streamInfo = (stream: ServerStream): StreamListItem => ({ streamID: stream.streamID, user: stream.owner.user, extraInfo: '' });

  function broadcastStreams(session: Session, updateType: 'ADD' | 'DELETE', list: readonly ServerStream[], delay: number, deleteReason?: number): void {
    if (list.length === 0) return;
    const infos = list.map(streamInfo);
    // Web roomStreamUpdate DELETE carries stream_delete_reason (web SDK 3.12): 1 stopped,
    // 2 heartbeat timeout, 3 repeated login, 4 kicked.
    const extendedData = deleteReason === undefined ? '' : JSON.stringify({ stream_delete_reason: deleteReason });
    broadcast(session.roomID, session.user, delay, (receiver) => deliverStreams(receiver, updateType, infos, extendedData));
  }

  /** Brings a client that just logged in or reconnected up to date with the server's lists. */
  function syncClient(session: Session): void {
    const present = new Map<string, ZegoUser>();
    for (const other of world.sessions) {
      if (other.roomID === session.roomID && other.present && other.user.userID !== session.user.userID) {
        present.set(other.user.userID, other.user);
      }
    }
    const listed = [...world.streams.values()].filter(
      (stream) => stream.owner.roomID === session.roomID && stream.owner.user.userID !== session.user.userID,
    );
    const listedIDs = new Set(listed.map((stream) => stream.streamID));
    const goneUsers = [...session.seenUsers].filter((userID) => !present.has(userID)).map((userID) => ({ userID }));
    const goneStreams = [...session.seenStreams]
      .filter((streamID) => !listedIDs.has(streamID))
      .map((streamID): StreamListItem => ({ streamID, extraInfo: '' }));
    if (goneUsers.length > 0) deliverUsers(session, 'DELETE', goneUsers);
    if (goneStreams.length > 0) deliverStreams(session, 'DELETE', goneStreams, '');
    deliverUsers(session, 'ADD', [...present.values()]);
    deliverStreams(session, 'ADD', listed.map(streamInfo), '');
  }

  // ---- the server's lists ---------------------------------------------------------

  /** Takes a user's streams off the server's lists and, unless `keepUser`, the user too. */
  function unlist(session: Session, delay: number, deleteReason: number, keepUser = false): void {
    const owned = ownedStreams(world, session);
    for (const stream of owned) {
      players.setFlowing(stream, false);
      world.streams.delete(listingKey(session.roomID, stream.streamID));
    }
    broadcastStreams(session, 'DELETE', owned, delay, deleteReason);
    if (session.present && !keepUser) broadcastUser(session, 'DELETE', delay);
    session.present = false;
  }

  /** Ends a session on the server: its streams and presence go, its timers stop. */
  function endServerSession(session: Session, delay: number, deleteReason: number, keepUser = false): void {
    session.heartbeat = fx.cancel(session.heartbeat);
    session.loginTimer = fx.cancel(session.loginTimer);
    hooks.ended(session);
    unlist(session, delay, deleteReason, keepUser);
    world.sessions.delete(session);
  }

  /** A stream listed in another room the engine is still in plays on when it leaves this one (multi-room). */
  const listedElsewhere = (engine: EngineState, left: Session, streamID: string): boolean =>
    [...engine.sessions.values()].some((session) => session !== left && world.streams.has(listingKey(session.roomID, streamID)));

  /**
   * The client learns its session is over (logout, kick-out, RECONNECT_FAILED):
   * the notice, then its publishers in that room and its players stop, and
   * the played media is released.
   */
  function finishClient(engine: EngineState, session: Session, notice: RoomNotice | null): void {
    session.budget = fx.cancel(session.budget);
    session.loginTimer = fx.cancel(session.loginTimer);
    session.reconnectingNotice = fx.cancel(session.reconnectingNotice);
    hooks.ended(session);
    if (engine.sessions.get(session.roomID) === session) engine.sessions.delete(session.roomID);
    if (notice) fx.emitRoom(engine, session.roomID, notice.reason, notice.code, notice.extendedData);
    for (const [streamID, publisher] of engine.publishers) {
      if (publisher.roomID !== session.roomID) continue;
      publisher.timer = fx.cancel(publisher.timer);
      fx.setPublisher(engine, streamID, publisher, 'NO_PUBLISH');
      engine.publishers.delete(streamID);
    }
    for (const [streamID, player] of engine.players) {
      if (listedElsewhere(engine, session, streamID)) continue;
      fx.releasePlayer(player); // logout, kick-out, RECONNECT_FAILED: the played streams end with the session
      fx.setPlayer(engine, streamID, player, 'NO_PLAY');
      player.pending?.cancel(failure(SimulatorErrorCode.INVALID_CALL, 'left the room'));
      engine.players.delete(streamID);
    }
  }

  function heartbeatExpired(session: Session): void {
    session.heartbeat = null;
    // T4' ≈ T3 + 90 s: others hear it now (seed 003); a dropped host's streams go too,
    // with stream_delete_reason 2 (heartbeat timeout).
    if (session.status === 'orphaned') {
      endServerSession(session, 0, 2);
      session.status = 'ended';
    } else if (session.status === 'reconnecting') unlist(session, 0, 2);
  }

  function reconnectFailed(session: Session): void {
    session.budget = null;
    // T5'' = T3 + retry budget: the SDK stops trying (seed 003 / 002).
    endServerSession(session, 0, 2);
    session.status = 'ended';
    finishClient(session.engine, session, { reason: 'RECONNECT_FAILED', code: SimulatorErrorCode.RECONNECT_FAILED, extendedData: '' });
  }

  function orphan(session: Session): void {
    session.budget = fx.cancel(session.budget);
    session.loginTimer = fx.cancel(session.loginTimer);
    session.reconnectingNotice = fx.cancel(session.reconnectingNotice);
    session.status = 'orphaned';
    for (const stream of ownedStreams(world, session)) players.setFlowing(stream, false);
    if (session.heartbeat !== null) return; // already counting since the network dropped
    if (session.present) session.heartbeat = fx.after(heartbeatTimeoutMs, () => heartbeatExpired(session));
    else {
      endServerSession(session, 0, 2); // others already lost it at the heartbeat timeout
      session.status = 'ended';
    }
  }

  function kick(session: Session, notice: RoomNotice, deleteReason: number, keepUser: boolean): void {
    endServerSession(session, PROPAGATION_DELAY_MS, deleteReason, keepUser);
    if (session.status === 'orphaned') {
      session.status = 'ended';
      return;
    }
    const { engine } = session;
    session.status = 'ended';
    if (engine.network) finishClient(engine, session, notice);
    else session.notice = notice; // still retrying on its side; it learns of the kick-out when back
  }

  function unpublish(session: Session, streamID: string): void {
    const stream = world.streams.get(listingKey(session.roomID, streamID));
    if (!stream || stream.owner !== session) return;
    players.setFlowing(stream, false);
    world.streams.delete(listingKey(session.roomID, streamID));
    broadcastStreams(session, 'DELETE', [stream], PROPAGATION_DELAY_MS, 1);
  }

  function completeLogin(session: Session): void {
    session.loginTimer = null;
    session.budget = fx.cancel(session.budget);
    const { engine } = session;
    for (const other of [...world.sessions]) {
      if (other.roomID !== session.roomID || other.user.userID !== session.user.userID) continue;
      // The same userID again: a crashed app's lingering session is replaced (seed 003,
      // host crash: DELETE, then ADD on republish); a live one is kicked with 1002050.
      kick(other, { reason: 'KICKOUT', code: SimulatorErrorCode.KICKED_DUPLICATE_LOGIN, extendedData: '' }, 3, true);
    }
    session.status = 'connected';
    session.present = true;
    world.sessions.add(session);
    const login = session.login;
    session.login = null;
    fx.emitRoom(engine, session.roomID, 'LOGINED', 0);
    hooks.loggedIn(session);
    login?.resolve(true);
    syncClient(session);
    broadcastUser(session, 'ADD', PROPAGATION_DELAY_MS);
  }

  function goLive(engine: EngineState, streamID: string, publisher: PublisherState): void {
    publisher.timer = null;
    const session = engine.sessions.get(publisher.roomID);
    if (!session || !reachable(session)) return;
    const key = listingKey(session.roomID, streamID);
    const existing = world.streams.get(key);
    // Someone else publishes this streamID: refuse rather than take it over. Only
    // the same user's stale listing (a cut-off or crashed session, in another room)
    // does not stand in the way: it lingers until its heartbeat times out (seed 003)
    // while the new one is listed at once.
    const taken = [...world.streams.values()].some(
      (other) =>
        other.streamID === streamID &&
        other.owner !== session &&
        (reachable(other.owner) || other.owner.user.userID !== session.user.userID || other.owner.roomID === session.roomID),
    );
    if (taken) {
      engine.publishers.delete(streamID);
      fx.setPublisher(engine, streamID, publisher, 'NO_PUBLISH', SimulatorErrorCode.INVALID_CALL);
      unpublish(session, streamID);
      return;
    }
    fx.setPublisher(engine, streamID, publisher, 'PUBLISHING');
    hooks.publishing(engine, streamID, publisher);
    if (existing) players.setFlowing(existing, true);
    else {
      const stream: ServerStream = { streamID, owner: session, flowing: false };
      world.streams.set(key, stream);
      broadcastStreams(session, 'ADD', [stream], PROPAGATION_DELAY_MS);
      players.setFlowing(stream, true); // players still retrying (PLAY_REQUESTING) pick it up
    }
  }

  return {
    completeLogin,

    failLogin(session, code, msg) {
      const { engine } = session;
      session.loginTimer = fx.cancel(session.loginTimer);
      session.budget = fx.cancel(session.budget);
      session.status = 'ended';
      if (engine.sessions.get(session.roomID) === session) engine.sessions.delete(session.roomID);
      const login = session.login;
      session.login = null;
      // Web 3.12 rejects first and sends LOGIN_FAILED with the message as plain-text extendedData (as measured in Chromium).
      login?.reject(failure(code, msg));
      fx.emitRoom(engine, session.roomID, 'LOGIN_FAILED', code, msg);
    },

    logout(session) {
      if (session.status === 'logining') {
        session.login?.cancel(failure(SimulatorErrorCode.INVALID_CALL, 'logged out'));
        session.login = null;
      } else if (session.status === 'connected') {
        endServerSession(session, PROPAGATION_DELAY_MS, 1);
      } else if (session.status === 'reconnecting') {
        // The server cannot hear a logout from a client that is cut off: the
        // session lingers until the heartbeat timeout, as after a crash, and
        // others then get the DELETE with its heartbeat reason (seed 003).
        orphan(session);
      }
      if (session.status !== 'orphaned') session.status = 'ended';
      finishClient(session.engine, session, { reason: 'LOGOUT', code: 0, extendedData: '' });
    },

    drop(session, reconnectingDelayMs = 0) {
      if (session.status === 'logining') {
        session.loginTimer = fx.cancel(session.loginTimer); // keeps trying until the budget
        return;
      }
      if (session.status !== 'connected') return;
      session.status = 'reconnecting';
      // T3: RECONNECTING (1000017 on the web surface, seed 002), at once or after the
      // web SDK's ≈8 s hold-back (ZegoExpressWebRTC 3.12.0 _roomStateHandle).
      const sayReconnecting = () => fx.emitRoom(session.engine, session.roomID, 'RECONNECTING', SimulatorErrorCode.RECONNECTING);
      if (reconnectingDelayMs > 0) {
        session.reconnectingNotice = fx.after(reconnectingDelayMs, () => {
          session.reconnectingNotice = null;
          sayReconnecting();
        });
      } else sayReconnecting();
      session.heartbeat = fx.after(heartbeatTimeoutMs, () => heartbeatExpired(session));
      session.budget = fx.after(roomRetryTimeMs, () => reconnectFailed(session));
    },

    restore(session) {
      const { engine } = session;
      if (session.status === 'logining') {
        session.loginTimer = fx.after(LOGIN_LATENCY_MS, () => completeLogin(session));
        return;
      }
      if (session.status === 'ended') {
        finishClient(engine, session, session.notice);
        return;
      }
      if (session.status !== 'reconnecting') return;
      session.heartbeat = fx.cancel(session.heartbeat);
      session.budget = fx.cancel(session.budget);
      session.status = 'connected';
      // Back before the held-back RECONNECTING was said: the app hears neither (web 3.12).
      const said = session.reconnectingNotice === null;
      session.reconnectingNotice = fx.cancel(session.reconnectingNotice);
      // T5 / T5': RECONNECTED; others get the user back ≈100 ms later if they had lost it (T6').
      if (said) fx.emitRoom(engine, session.roomID, 'RECONNECTED', 0);
      syncClient(session);
      if (!session.present) {
        session.present = true;
        broadcastUser(session, 'ADD', PROPAGATION_DELAY_MS);
      }
      // What the client stopped publishing while cut off, the server learns now.
      for (const stream of ownedStreams(world, session)) {
        if (engine.publishers.get(stream.streamID)?.roomID !== session.roomID) unpublish(session, stream.streamID);
      }
      // Publishing resumes by itself (seed 003, "Handling Host Network Disconnection").
      for (const [streamID, publisher] of engine.publishers) {
        if (publisher.roomID !== session.roomID) continue;
        publisher.timer = fx.cancel(publisher.timer);
        publisher.timer = fx.after(PUBLISH_LATENCY_MS, () => goLive(engine, streamID, publisher));
      }
    },

    kick,
    orphan,

    goLive,
    unpublish,
  };
}
