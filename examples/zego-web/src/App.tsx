/**
 * zego-status-kit on the real ZEGO Express Web SDK.
 *
 * The credentials (appID, server URL, room, user, token) are typed into the
 * form and live only in React state for this tab: nothing is stored, logged
 * or committed. Get a token from your own token server (or, for a quick test,
 * the ZEGO console's temporary token for the room and user you enter).
 */
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { ZegoExpressEngine } from 'zego-express-engine-webrtc';
import { createStatusStore, describeError, type StatusStore } from 'zego-status-kit';
import {
  ConnectionStatusBadge,
  KickedOutOverlay,
  ReconnectingBanner,
  StatusProvider,
  StreamView,
  useAudiencePolicy,
  usePublisherState,
  useRoomState,
  useRoomStreams,
  useZegoWeb,
} from 'zego-status-kit/react';
import { zhCN } from 'zego-status-kit/react/zh-CN';

interface Credentials {
  appID: number;
  server: string;
  roomID: string;
  userID: string;
  token: string;
}

type ZegoLocalStream = Awaited<ReturnType<ZegoExpressEngine['createZegoStream']>>;

/** The SDK rejects with `{ code, msg }`; anything else is shown as it is. */
function explain(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'number') {
    return `${describeError(error.code).message} (${error.code})`;
  }
  return String(error);
}

export function App() {
  const [credentials, setCredentials] = useState<Credentials | null>(null);
  const [chinese, setChinese] = useState(false);
  return (
    <div className="example" data-theme="light">
      <header className="example-header">
        <h1>zego-status-kit · ZEGO Express Web</h1>
        <button type="button" onClick={() => setChinese((value) => !value)}>
          {chinese ? 'English' : '中文'}
        </button>
      </header>
      {credentials ? (
        <Session key={`${credentials.appID}/${credentials.roomID}/${credentials.userID}`} credentials={credentials} chinese={chinese} onLeave={() => setCredentials(null)} />
      ) : (
        <JoinForm onJoin={setCredentials} />
      )}
    </div>
  );
}

function JoinForm({ onJoin }: { onJoin: (credentials: Credentials) => void }) {
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const field = (name: string) => String(data.get(name) ?? '').trim();
    const appID = Number(field('appID'));
    if (!Number.isSafeInteger(appID) || appID <= 0) {
      setProblem('The appID is the number from the ZEGO console.');
      return;
    }
    const credentials: Credentials = {
      appID,
      server: field('server'),
      roomID: field('roomID'),
      userID: field('userID'),
      token: field('token'),
    };
    if (!credentials.server || !credentials.roomID || !credentials.userID || !credentials.token) {
      setProblem('Every field is needed.');
      return;
    }
    setProblem(null);
    onJoin(credentials);
  };
  return (
    <form className="example-form" onSubmit={submit} autoComplete="off">
      <p>Nothing you type here is saved; reloading the page forgets it.</p>
      <label>
        appID <input name="appID" inputMode="numeric" required />
      </label>
      <label>
        Server URL <input name="server" placeholder="wss://webliveroom…-api.coolzcloud.com/ws" required />
      </label>
      <label>
        Room ID <input name="roomID" required />
      </label>
      <label>
        User ID <input name="userID" required />
      </label>
      <label>
        Token <input name="token" type="password" required />
      </label>
      {problem && <p role="alert">{problem}</p>}
      <button type="submit">Join</button>
    </form>
  );
}

function Session({ credentials, chinese, onLeave }: { credentials: Credentials; chinese: boolean; onLeave: () => void }) {
  const store: StatusStore = useMemo(() => createStatusStore(), []);
  const [engine, setEngine] = useState<ZegoExpressEngine | null>(null);

  // One engine per session; destroyed on leave (and on StrictMode's test unmount).
  useEffect(() => {
    const zg = new ZegoExpressEngine(credentials.appID, credentials.server);
    setEngine(zg);
    return () => {
      setEngine(null);
      zg.destroyEngine();
    };
  }, [credentials.appID, credentials.server]);

  return (
    <StatusProvider store={store} {...(chinese ? { messages: zhCN } : {})}>
      {engine && <Room engine={engine} credentials={credentials} onLeave={onLeave} />}
    </StatusProvider>
  );
}

function Room({ engine, credentials, onLeave }: { engine: ZegoExpressEngine; credentials: Credentials; onLeave: () => void }) {
  const { roomID, userID, token } = credentials;

  // Engine events -> the kit's store (connectZegoWeb while mounted).
  useZegoWeb(engine);
  // Audience playback: stop on stream DELETE, play on ADD, replay a failed play after 3 s.
  const { retry } = useAudiencePolicy(engine, {
    shouldPlay: (stream) => stream.user?.userID !== userID,
  });
  const live = useRoomStreams(roomID);
  // A stream the host lost (heartbeat timeout, disconnect, ...) keeps its tile,
  // whose overlay says "Host connection lost, waiting…" until an ADD brings it
  // back; a stream its host stopped on purpose goes.
  const { removedStreams } = useRoomState(roomID);
  const streams = [...live, ...removedStreams.filter((stream) => stream.deleteReason !== 'stopped')].filter(
    (stream) => stream.user?.userID !== userID,
  );

  const [loginError, setLoginError] = useState<string | null>(null);
  const login = useCallback(() => {
    setLoginError(null);
    // The SDK rejects (e.g. 1002033 bad token, 1002031 timeout); the store shows
    // LOGIN_FAILED too, but the rejection must be handled here.
    engine.loginRoom(roomID, token, { userID, userName: userID }, { userUpdate: true }).catch((error: unknown) => {
      setLoginError(explain(error));
    });
  }, [engine, roomID, token, userID]);

  useEffect(() => {
    login();
    return () => engine.logoutRoom(roomID);
  }, [engine, login, roomID]);

  return (
    <section className="example-room">
      <div className="example-toolbar">
        <ConnectionStatusBadge roomID={roomID} />
        <span>
          room <code>{roomID}</code> as <code>{userID}</code>
        </span>
        <button type="button" onClick={onLeave}>
          Leave
        </button>
      </div>
      <ReconnectingBanner roomID={roomID} showDelayMs={500} minVisibleMs={1500} onRetry={login} />
      {loginError && <p role="alert">{loginError}</p>}
      <Publisher engine={engine} streamID={`${userID}-main`} />
      <div className="example-grid">
        {streams.length === 0 && <p>No one else is publishing in this room yet.</p>}
        {streams.map((stream) => (
          <figure key={stream.streamID}>
            <StreamView
              streamID={stream.streamID}
              roomID={roomID}
              label={stream.user?.userName ?? stream.streamID}
              onRetry={() => retry(stream.streamID)}
            />
            <figcaption>{stream.user?.userName ?? stream.streamID}</figcaption>
          </figure>
        ))}
      </div>
      <KickedOutOverlay roomID={roomID} onRejoin={login} onLeave={onLeave} />
    </section>
  );
}

/** Optional: publish this tab's camera so a second tab (or device) has something to play. */
function Publisher({ engine, streamID }: { engine: ZegoExpressEngine; streamID: string }) {
  const publisher = usePublisherState(streamID);
  const preview = useRef<HTMLDivElement>(null);
  const local = useRef<ZegoLocalStream | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const stop = useCallback(() => {
    if (!local.current) return;
    engine.stopPublishingStream(streamID);
    engine.destroyStream(local.current);
    local.current = null;
  }, [engine, streamID]);
  useEffect(() => stop, [stop]);

  const start = async () => {
    setProblem(null);
    try {
      const stream = await engine.createZegoStream({ camera: { video: true, audio: true } });
      local.current = stream;
      if (preview.current) stream.playVideo(preview.current);
      engine.startPublishingStream(streamID, stream);
    } catch (error) {
      setProblem(explain(error));
    }
  };

  return (
    <div className="example-publisher" data-state={publisher.state}>
      <div ref={preview} className="example-preview" />
      <span>
        publishing <code>{streamID}</code>: {publisher.state}
        {publisher.errorCode !== 0 && ` (${describeError(publisher.errorCode).message})`}
      </span>
      {publisher.state === 'NO_PUBLISH' ? (
        <button type="button" onClick={() => void start()}>
          Publish camera
        </button>
      ) : (
        <button type="button" onClick={stop}>
          Stop
        </button>
      )}
      {problem && <p role="alert">{problem}</p>}
    </div>
  );
}
