'use client';
import { useEffect, useState } from 'react';
import {
  KickedOutOverlay,
  ReconnectingBanner,
  StreamView,
  useAudiencePolicy,
  useRoomStreams,
  useZegoWeb,
} from 'zego-status-kit/react';
import { createScaledClock, createSimulatedRoom, type SimulatedEngine } from 'zego-status-kit/simulator';

export const ROOM_ID = 'live-1';

// The simulator replays ZEGO's documented timelines (90 s heartbeat timeout,
// retry budget) 10 times faster, with a host publishing `host-main` and this
// tab as the viewer. In an app, `engine` is your ZegoExpressEngine.
function createDemo() {
  const room = createSimulatedRoom({ clock: createScaledClock({ scale: 10 }) });
  return { host: room.createEngine({ userID: 'host', userName: 'Host' }), viewer: room.createEngine({ userID: 'viewer', userName: 'Viewer' }) };
}

export function Room() {
  const [{ host, viewer }] = useState(createDemo);
  useZegoWeb(viewer);
  useAudiencePolicy(viewer);
  const streams = useRoomStreams(ROOM_ID);
  const [hostDown, setHostDown] = useState(false);

  useEffect(() => {
    void host.loginRoom(ROOM_ID, 'host-token').then(() => host.startPublishingStream('host-main'));
    void viewer.loginRoom(ROOM_ID, 'viewer-token').catch(() => {});
    return () => {
      host.logoutRoom(ROOM_ID);
      viewer.logoutRoom(ROOM_ID);
    };
  }, [host, viewer]);

  const toggle = (engine: SimulatedEngine, down: boolean) => (down ? engine.restoreNetwork() : engine.dropNetwork());
  return (
    <section>
      <ReconnectingBanner roomID={ROOM_ID} onRetry={() => void viewer.loginRoom(ROOM_ID, 'viewer-token').catch(() => {})} />
      <p>
        <button type="button" onClick={() => viewer.dropNetwork()}>
          Drop my network
        </button>{' '}
        <button type="button" onClick={() => viewer.restoreNetwork()}>
          Restore my network
        </button>{' '}
        <button
          type="button"
          onClick={() => {
            toggle(host, hostDown);
            setHostDown(!hostDown);
          }}
        >
          {hostDown ? 'Restore host' : 'Drop host'}
        </button>{' '}
        <button type="button" onClick={() => viewer.kick()}>
          Kick me
        </button>
      </p>
      {streams.map((stream) => (
        <StreamView key={stream.streamID} streamID={stream.streamID} roomID={ROOM_ID} muted label={stream.user?.userName ?? stream.streamID} />
      ))}
      <KickedOutOverlay roomID={ROOM_ID} onRejoin={() => void viewer.loginRoom(ROOM_ID, 'viewer-token').catch(() => {})} />
    </section>
  );
}
