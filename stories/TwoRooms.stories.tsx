import type { Meta, StoryContext, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import type { AudienceEngine } from '../src/policy/index.js';
import { ConnectionStatusBadge, StreamView, useAudiencePolicy, useRoomStreams, useZegoWeb } from '../src/react/index.js';
import { createSimulatedRoom, type SimulatedEngine, type SimulatedRoom } from '../src/simulator/index.js';
import { settle } from './support/play.js';
import { SECOND, createStatusHandle, messagesOf, shows, type StatusHandle } from './support/status-story.js';

const LOBBY = 'lobby';
const STAGE = 'stage';
const STREAM = 'host-main';
/** Seed 003: others hear of a crashed app after the 90 s heartbeat timeout. */
const HEARTBEAT_TIMEOUT = 90 * SECOND;

/**
 * One viewer engine in two rooms (web multi-room) on the simulator, a host
 * that publishes in the lobby, and the viewer's engine calls written down:
 * a story's whole world, made fresh for every render by the loader.
 */
interface TwoRoomWorld {
  readonly status: StatusHandle;
  readonly room: SimulatedRoom;
  readonly viewer: SimulatedEngine;
  /** What the audience policies call: the viewer's engine, each call logged. */
  readonly policyEngine: AudienceEngine;
  readonly calls: string[];
  host: SimulatedEngine;
  /** Logs the viewer into both rooms and the host into `roomID`, where it publishes. */
  hostIn(roomID: string): void;
  /** Moves the clock in steps of up to 1 s, letting the engines' promises settle between them, then lets React render. */
  advance(ms: number): Promise<void>;
}

function createTwoRoomWorld(): TwoRoomWorld {
  const status = createStatusHandle([]);
  const room = createSimulatedRoom({ clock: status.clock });
  const viewer = room.createEngine({ userID: 'viewer', userName: 'Viewer' });
  viewer.enableMultiRoom(true);
  const calls: string[] = [];
  const world: TwoRoomWorld = {
    status,
    room,
    viewer,
    calls,
    policyEngine: {
      startPlayingStream: (streamID, options) => (calls.push(`startPlayingStream(${streamID})`), viewer.startPlayingStream(streamID, options)),
      stopPlayingStream: (streamID) => (calls.push(`stopPlayingStream(${streamID})`), viewer.stopPlayingStream(streamID)),
    },
    host: room.createEngine({ userID: 'host', userName: 'Host' }),
    hostIn(roomID) {
      if (world.host.crashed) world.host = room.createEngine({ userID: 'host', userName: 'Host' }); // the app restarts
      const host = world.host;
      void host.loginRoom(roomID, 'token', host.user).then(() => host.startPublishingStream(STREAM), () => undefined);
    },
    async advance(ms) {
      for (let left = ms; left > 0; left -= SECOND) {
        status.advance(Math.min(left, SECOND));
        for (let i = 0; i < 5; i++) await Promise.resolve();
      }
      await settle();
    },
  };
  return world;
}

const worldOf = (context: Pick<StoryContext, 'loaded'>): TwoRoomWorld => (context.loaded as { world: TwoRoomWorld }).world;

/** One room of the viewer's app: its badge and a tile per stream it lists, played by a policy for this room. */
function RoomPanel({ world, roomID, title }: { world: TwoRoomWorld; roomID: string; title: string }) {
  useAudiencePolicy(world.policyEngine, { roomID });
  const streams = useRoomStreams(roomID);
  return (
    <section aria-labelledby={`${roomID}-title`} style={{ display: 'grid', gap: '0.5rem', alignContent: 'start' }}>
      <h2 id={`${roomID}-title`} style={{ margin: 0, fontSize: '1.1rem' }}>
        {title}
      </h2>
      <ConnectionStatusBadge roomID={roomID} />
      {streams.length === 0 ? (
        <p style={{ margin: 0 }}>No streams in this room.</p>
      ) : (
        streams.map((stream) => (
          <StreamView
            key={stream.streamID}
            streamID={stream.streamID}
            roomID={roomID}
            label={stream.user?.userName ?? stream.streamID}
            muted
            className="story-stream story-tile"
            data-testid={`${roomID}-tile`}
          />
        ))
      )}
    </section>
  );
}

/** The viewer's app: the web adapter on its engine, and one panel per room. */
function TwoRoomViewer({ world }: { world: TwoRoomWorld }) {
  useZegoWeb(world.viewer);
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: '1.5rem' }}>
      <RoomPanel world={world} roomID={LOBBY} title="Lobby" />
      <RoomPanel world={world} roomID={STAGE} title="Stage" />
    </div>
  );
}

const meta = {
  title: 'Scenarios/Two-room viewer',
  parameters: {
    docs: {
      description: {
        component:
          'One viewer engine in two rooms (the web SDK’s multi-room), with `useAudiencePolicy(engine, { roomID })` in ' +
          'each room’s panel, on the simulator. The host’s app dies in the lobby and comes back on the stage ' +
          'with the same stream: the stage lists it at once, the lobby deletes it only at the 90 s heartbeat ' +
          'timeout. The policies of one engine share its plays, so the stream is played once and keeps playing.',
      },
    },
  },
  // A fresh simulated world per render; the decorator provides its store and media registry.
  loaders: [
    () => {
      const world = createTwoRoomWorld();
      return { status: world.status, world };
    },
  ],
  // The test patterns redraw on real timers until their tracks stop: stop them with the story.
  beforeEach: (context) => () => worldOf(context).room.dispose(),
  render: (_args, context) => <TwoRoomViewer world={worldOf(context)} />,
} satisfies Meta;
export default meta;

type Story = StoryObj<typeof meta>;

const videoIn = (tile: HTMLElement): HTMLVideoElement => {
  const video = tile.querySelector('video');
  if (!video) throw new Error('the tile has no <video>');
  return video;
};

/** The tile plays: PLAYING, a live MediaStream in its video, nothing over it. */
async function expectPlaying(tile: HTMLElement): Promise<MediaStream> {
  await waitFor(() => expect(tile).toHaveAttribute('data-state', 'PLAYING'));
  const media = videoIn(tile).srcObject;
  await expect(media).toBeInstanceOf(MediaStream);
  await expect((media as MediaStream).getVideoTracks()[0]?.readyState).toBe('live');
  await expect(within(tile).getByRole('status')).toBeEmptyDOMElement();
  await expect(within(tile).queryByRole('alert')).toBeNull();
  return media as MediaStream;
}

/** The host moves from the lobby to the stage; the viewer's tile moves with it and never stops playing. */
export const StreamMovesToTheStage: Story = {
  // What the screenshot test checks at the end (scripts/storybook-smoke.mjs): the lobby emptied, the stage playing.
  parameters: shows((t) => ['Lobby', 'No streams in this room.', 'Stage', t.phases.connected]),
  play: async (context) => {
    const world = worldOf(context);
    const canvas = within(context.canvasElement);
    const lobby = canvas.getByRole('region', { name: 'Lobby' });
    const stage = canvas.getByRole('region', { name: 'Stage' });
    const t = messagesOf(context);
    // Outside the test runner (a built Storybook) React runs effects after the
    // play function starts: let useZegoWeb subscribe before the first callback.
    await settle();

    // T0: the viewer joins both rooms; the host joins the lobby and publishes.
    void world.viewer.loginRoom(LOBBY, 'token', world.viewer.user, { userUpdate: true }).catch(() => undefined);
    void world.viewer.loginRoom(STAGE, 'token', world.viewer.user, { userUpdate: true }).catch(() => undefined);
    world.hostIn(LOBBY);
    await world.advance(2 * SECOND); // LOGINED; then publishing, the ADD and the viewer's PLAYING
    const before = await expectPlaying(within(lobby).getByTestId(`${LOBBY}-tile`));
    await expect(within(stage).getByText('No streams in this room.')).toBeVisible();
    await expect(within(lobby).getByText(t.phases.connected)).toBeVisible();

    // T3: the host's app dies in the lobby; 5 s later it is back, on the stage, with the same stream.
    world.host.crash();
    const T3 = world.status.clock.now();
    await world.advance(5 * SECOND);
    world.hostIn(STAGE);
    await world.advance(2 * SECOND); // within the viewer SDK's own retries, which pick the stream up on the stage
    // The stage lists it at once; the lobby still does, until the heartbeat timeout.
    await expectPlaying(within(stage).getByTestId(`${STAGE}-tile`));
    await expect(within(lobby).getByTestId(`${LOBBY}-tile`)).toBeVisible();

    // T3 + 90 s: the lobby deletes it (heartbeat timeout). The stage plays on: the same media, never stopped.
    await world.advance(T3 + HEARTBEAT_TIMEOUT - world.status.clock.now());
    await waitFor(() => expect(within(lobby).getByText('No streams in this room.')).toBeVisible());
    const after = await expectPlaying(within(stage).getByTestId(`${STAGE}-tile`));
    await expect(after).toBe(before);
    await expect(world.calls).toEqual([`startPlayingStream(${STREAM})`]);
  },
};
