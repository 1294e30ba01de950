import type { Meta, StoryContext, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { connectZegoWeb } from '../src/adapters/zego-web.js';
import { createManualClock, type ManualClock } from '../src/core/clock.js';
import { createStatusStore, type StatusStore } from '../src/core/store.js';
import {
  ConnectionStatusBadge,
  ReconnectingBanner,
  StatusProvider,
  StreamView,
  en,
  useAudiencePolicy,
  useRoomState,
  useRoomStreams,
} from '../src/react/index.js';
import { zhCN } from '../src/react/zh-CN.js';
import { createSimulatedRoom, type SimulatedEngine, type SimulatedRoom } from '../src/simulator/index.js';
import { MINUTE, ROOM, SECOND, STREAM, messagesOf, shows } from './support/status-story.js';

/**
 * A viewer app on the simulator, wired as the README's drop-in: one engine,
 * one store, the adapter connected where the engine is created; a lobby with
 * a Join button, and the room screen shown once joined ("join, then show the
 * room"). The host is another engine on the same simulated room.
 */
interface ViewerApp {
  readonly clock: ManualClock;
  readonly server: SimulatedRoom;
  readonly host: SimulatedEngine;
  readonly zg: SimulatedEngine;
  readonly store: StatusStore;
}

function createViewerApp(): ViewerApp {
  const clock = createManualClock();
  const server = createSimulatedRoom({ clock });
  const host = server.createEngine({ userID: 'host', userName: 'Host' });
  const zg = server.createEngine({ userID: 'viewer', userName: 'Viewer' });
  const store = createStatusStore({ clock });
  connectZegoWeb(zg, store); // once, where the engine is created
  void host.loginRoom(ROOM, 'token', { userID: 'host', userName: 'Host' });
  clock.advance(SECOND);
  host.startPublishingStream(STREAM);
  clock.advance(SECOND);
  return { clock, server, host, zg, store };
}

const appOf = (context: Pick<StoryContext, 'loaded'>): ViewerApp => (context.loaded as { app: ViewerApp }).app;

/** The README's room screen: badge, banner, a tile per live stream and per stream whose host was lost. */
function RoomScreen({ zg, roomID }: { zg: SimulatedEngine; roomID: string }) {
  useAudiencePolicy(zg);
  const live = useRoomStreams(roomID);
  const lost = useRoomState(roomID).removedStreams.filter((s) => s.deleteReason !== 'stopped');
  const tiles = [...live, ...lost];
  return (
    <section aria-label="Room" style={{ display: 'grid', gap: 8, justifyItems: 'start' }}>
      <ConnectionStatusBadge roomID={roomID} />
      <ReconnectingBanner roomID={roomID} />
      {tiles.length === 0 && <p>No one is streaming in this room.</p>}
      {tiles.map((s) => {
        const name = s.user?.userName ?? s.streamID;
        return (
          <figure key={s.streamID} aria-label={name} style={{ margin: 0 }}>
            <StreamView streamID={s.streamID} roomID={roomID} label={name} muted className="story-stream" />
            <figcaption>{name}</figcaption>
          </figure>
        );
      })}
    </section>
  );
}

/** A lobby, then the room screen once the viewer joined; Leave logs out and goes back to the lobby. */
function ViewerPage({ app, joinedAtStart }: { app: ViewerApp; joinedAtStart: boolean }) {
  const [joined, setJoined] = useState(joinedAtStart);
  if (!joined) {
    return (
      <main>
        <h2>Lobby</h2>
        <button
          type="button"
          onClick={() => {
            void app.zg.loginRoom(ROOM, 'token', { userID: 'viewer', userName: 'Viewer' });
            setJoined(true);
          }}
        >
          Join {ROOM}
        </button>
      </main>
    );
  }
  return (
    <main>
      <h2>{ROOM}</h2>
      <RoomScreen zg={app.zg} roomID={ROOM} />
      <button
        type="button"
        onClick={() => {
          app.zg.logoutRoom(ROOM);
          setJoined(false);
        }}
      >
        Leave
      </button>
    </main>
  );
}

const meta = {
  title: 'Lifecycle',
  component: ViewerPage,
  parameters: {
    docs: {
      description: {
        component:
          'A viewer app on the simulator, wired as the README drop-in (`connectZegoWeb(zg, store)` where the engine is ' +
          'created; the room screen uses `useAudiencePolicy` and shows a tile per live stream and per stream whose host ' +
          'was lost). Leaving a room ends everything the kit showed for it; a room screen shown after the login is right ' +
          'from its first frame. The play functions move one manual clock shared by the simulator, the policy and the countdowns.',
      },
    },
  },
  loaders: [() => ({ app: createViewerApp() })],
  // Cancels the simulator's timers and stops its test patterns when the story is torn down.
  beforeEach: (context) => () => appOf(context).server.dispose(),
  render: (args, context) => (
    <StatusProvider store={appOf(context).store} messages={context.globals['locale'] === 'zh-CN' ? zhCN : en}>
      <ViewerPage {...args} app={appOf(context)} />
    </StatusProvider>
  ),
} satisfies Meta<typeof ViewerPage>;
export default meta;

type Story = StoryObj<typeof meta>;

/** Moves the story's clock (inside the page's event loop, so React renders in between). */
const advance = async (context: Pick<StoryContext, 'loaded'>, ms: number) => {
  appOf(context).clock.advance(ms);
  await new Promise((resolve) => setTimeout(resolve, 0));
};

/**
 * Seed 003, host crash: the host's app dies; 90 s later the viewer gets the
 * stream DELETE (heartbeat timeout) and its tile says "Host connection lost,
 * waiting…". The viewer leaves, and joins again an hour later: the host never
 * came back, so the old tile is gone — no "waiting" for a stream of a session
 * that ended.
 */
export const LeaveAndRejoinAfterHostCrash: Story = {
  name: 'Leave and rejoin after a host crash (the old tile is gone)',
  args: { joinedAtStart: false } as never,
  // What the screenshot test checks at the end (scripts/storybook-smoke.mjs).
  parameters: shows((t) => ['No one is streaming in this room.', t.phases.connected]),
  play: async (context) => {
    const { canvasElement, step } = context;
    const canvas = within(canvasElement);
    const text = messagesOf(context);
    const app = appOf(context);
    await step('join: the host’s stream plays', async () => {
      await userEvent.click(canvas.getByRole('button', { name: `Join ${ROOM}` }));
      await advance(context, SECOND);
      await waitFor(() => expect(canvas.getByRole('img', { name: `${text.phaseLabel.replace('{phase}', text.phases.connected)}` })).toBeVisible());
      const tile = canvas.getByRole('figure', { name: 'Host' });
      await waitFor(() => expect(tile.querySelector('[data-state]')).toHaveAttribute('data-state', 'PLAYING'));
    });
    await step('the host’s app crashes; T + 90 s: "Host connection lost, waiting…"', async () => {
      app.host.crash();
      await advance(context, 90 * SECOND);
      const tile = canvas.getByRole('figure', { name: 'Host' });
      await waitFor(() => expect(within(tile).getByRole('status')).toHaveTextContent(text.streamWaiting));
    });
    await step('leave: back in the lobby', async () => {
      await userEvent.click(canvas.getByRole('button', { name: 'Leave' }));
      await expect(canvas.getByRole('heading', { name: 'Lobby' })).toBeVisible();
    });
    await step('an hour later, join again: the old tile is gone', async () => {
      await advance(context, 60 * MINUTE);
      await userEvent.click(canvas.getByRole('button', { name: `Join ${ROOM}` }));
      await advance(context, SECOND);
      await waitFor(() => expect(canvas.getByRole('img', { name: text.phaseLabel.replace('{phase}', text.phases.connected) })).toBeVisible());
      await expect(canvas.getByText('No one is streaming in this room.')).toBeVisible();
      await expect(canvas.queryByRole('figure')).toBeNull();
      await expect(canvas.queryByText(text.streamWaiting)).toBeNull();
      await expect(app.store.getState().rooms.get(ROOM)?.removedStreams).toEqual([]);
    });
  },
};

/**
 * "Join, then show the room": loginRoom is called, and the room screen mounts
 * 1 s after the login resolved. The store heard the login (the adapter was
 * connected where the engine was created), so the badge says Connected from
 * the first frame; a later network drop shows the banner.
 */
export const RoomScreenMountedAfterLogin: Story = {
  name: 'The room screen mounted after login',
  args: { joinedAtStart: false } as never,
  parameters: shows((t) => [t.reconnecting, t.phases.reconnecting]),
  render: (args, context) => {
    const app = appOf(context);
    return (
      <StatusProvider store={app.store} messages={context.globals['locale'] === 'zh-CN' ? zhCN : en}>
        <LateRoomScreen app={app} />
      </StatusProvider>
    );
  },
  play: async (context) => {
    const { canvasElement, step } = context;
    const canvas = within(canvasElement);
    const text = messagesOf(context);
    const app = appOf(context);
    const badge = (phase: keyof typeof text.phases) => canvas.getByRole('img', { name: text.phaseLabel.replace('{phase}', text.phases[phase]) });
    await step('join; 1 s after the login resolved, show the room: Connected', async () => {
      await userEvent.click(canvas.getByRole('button', { name: `Join ${ROOM}` }));
      await advance(context, SECOND + 120);
      await userEvent.click(canvas.getByRole('button', { name: 'Show the room' }));
      await expect(badge('connected')).toBeVisible();
    });
    await step('a later network drop: the banner says Reconnecting…', async () => {
      app.zg.dropNetwork();
      await advance(context, 5 * SECOND);
      await waitFor(() => expect(badge('reconnecting')).toBeVisible());
      await waitFor(() => expect(canvas.getByText(text.reconnecting)).toBeVisible());
    });
  },
};

/** Join first; the room screen only when asked, well after the login. */
function LateRoomScreen({ app }: { app: ViewerApp }) {
  const [stage, setStage] = useState<'lobby' | 'joined' | 'room'>('lobby');
  if (stage === 'room') {
    return (
      <main>
        <h2>{ROOM}</h2>
        <RoomScreen zg={app.zg} roomID={ROOM} />
      </main>
    );
  }
  return (
    <main>
      <h2>Lobby</h2>
      {stage === 'lobby' ? (
        <button
          type="button"
          onClick={() => {
            void app.zg.loginRoom(ROOM, 'token', { userID: 'viewer', userName: 'Viewer' });
            setStage('joined');
          }}
        >
          Join {ROOM}
        </button>
      ) : (
        <button type="button" onClick={() => setStage('room')}>
          Show the room
        </button>
      )}
    </main>
  );
}
