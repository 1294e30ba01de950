import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { StreamRemovedOverlay } from '../src/react/index.js';
import { PLAYER_RETRY_TIMEOUT_MS } from '../src/simulator/constants.js';
import { settle } from './support/play.js';
import { expectArgsTable } from './support/docs-args.js';
import type { StatusMessages } from '../src/react/i18n/messages.js';
import {
  SECOND,
  STREAM,
  SimulatorErrorCode,
  dropNetwork,
  messagesOf,
  player,
  replayGaveUp,
  replayScheduled,
  say,
  shows,
  statusOf,
  streams,
  wait,
  watching,
  withStatus,
  type StatusStep,
} from './support/status-story.js';

const meta = {
  title: 'Components/StreamRemovedOverlay',
  component: StreamRemovedOverlay,
  args: { streamID: STREAM, onRetry: fn() },
  argTypes: {
    store: { control: false },
    messages: { control: false },
  },
  // The overlay covers its positioned parent: here an empty video tile.
  render: (args) => (
    <div className="story-tile">
      <StreamRemovedOverlay {...args} />
    </div>
  ),
  parameters: {
    docs: {
      description: {
        component:
          'Over a video tile. Each story plays the host stream (`roomStreamUpdate` ADD, `playerStateUpdate`) and then ' +
          'dispatches what the SDK and the audience policy would: a stream DELETE with its `stream_delete_reason`, a failed ' +
          'play with `replayScheduled`, `replayGaveUp`.',
      },
    },
  },
} satisfies Meta<typeof StreamRemovedOverlay>;
export default meta;

type Story = StoryObj<typeof meta>;

/** The player lost its media, retried on its own, and reported NO_PLAY 1004020 after ≈10 s. */
const playFailed: readonly StatusStep[] = [
  player('PLAY_REQUESTING'),
  wait(PLAYER_RETRY_TIMEOUT_MS),
  player('NO_PLAY', SimulatorErrorCode.PLAY_RETRY_FAILED),
];

/** "The host has been unreachable for …", `ms` after its last heartbeat. */
const unreachable = (t: StatusMessages, ms: number): string => say(t, t.streamDeleteReasons['heartbeat-timeout'], ms);

/**
 * Host lost: the stream was deleted after the host's 90 s heartbeat timeout
 * (stream_delete_reason 2, seed 003); 3.5 min later the overlay says the host
 * has been unreachable for 5 min, not the 90 s it said at the DELETE.
 */
export const Waiting: Story = {
  ...withStatus([watching, wait(90 * SECOND), streams('DELETE', '{"stream_delete_reason":2}'), wait(3 * 60 * SECOND + 30 * SECOND)]),
  parameters: shows((t) => [t.streamWaiting, unreachable(t, 5 * 60 * SECOND)]),
  play: async ({ canvasElement, globals, component, argTypes }) => {
    await expectArgsTable({ component, argTypes });
    const t = messagesOf({ globals });
    const overlay = within(canvasElement).getByRole('status');
    await expect(overlay).toHaveAttribute('data-state', 'waiting');
    await expect(overlay).toHaveAttribute('data-delete-reason', 'heartbeat-timeout');
    await expect(overlay).toHaveTextContent(t.streamWaiting);
    await expect(overlay).toHaveTextContent(unreachable(t, 5 * 60 * SECOND));
  },
};

/**
 * The host stopped publishing on purpose (stream_delete_reason 1): the stream
 * ended, and nothing says a connection was lost.
 */
export const WaitingHostStopped: Story = {
  ...withStatus([watching, wait(60 * SECOND), streams('DELETE', '{"stream_delete_reason":1}')]),
  parameters: shows((t) => [t.streamEnded, t.streamDeleteReasons.stopped]),
  play: async ({ canvasElement, globals }) => {
    const t = messagesOf({ globals });
    const overlay = within(canvasElement).getByRole('status');
    await expect(overlay).toHaveTextContent(t.streamEnded);
    await expect(overlay).toHaveTextContent(t.streamDeleteReasons.stopped);
    await expect(overlay).not.toHaveTextContent(t.streamWaiting);
  },
};

/**
 * A replay is scheduled 3 s after a failed play (seed 003: retry once after
 * 3–5 s); 1 s has passed. Play: the countdown reaches 1 s.
 */
export const RetryCountdown: Story = {
  ...withStatus([watching, playFailed, replayScheduled(1, 3 * SECOND), wait(1 * SECOND)]),
  parameters: {
    ...shows((t) => [say(t, t.streamRetrying, 1 * SECOND)]),
    // The docs page runs this play function too, so it shows the state the story is named after.
    docs: { story: { autoplay: true } },
  },
  play: async ({ canvasElement, loaded, globals }) => {
    const t = messagesOf({ globals });
    const canvas = within(canvasElement);
    const overlay = canvas.getByRole('status');
    await expect(overlay).toHaveAttribute('data-state', 'retrying');
    await expect(canvas.getByRole('timer')).toHaveTextContent(say(t, t.streamRetrying, 2 * SECOND));
    await settle();
    statusOf({ loaded }).advance(1 * SECOND);
    await waitFor(() => expect(canvas.getByRole('timer')).toHaveTextContent(say(t, t.streamRetrying, 1 * SECOND)));
  },
};

/**
 * The replay fell due while the viewer's own room is RECONNECTING: the policy
 * holds it until RECONNECTED, so the overlay says "Connecting…" and stops
 * counting, rather than "Retrying in 0 s" for the rest of the outage.
 */
export const ReplayDueWhileReconnecting: Story = {
  ...withStatus([watching, playFailed, replayScheduled(1, 3 * SECOND), dropNetwork, wait(3 * SECOND)]),
  parameters: shows((t) => [t.streamConnecting]),
  play: async ({ canvasElement, loaded, globals }) => {
    const t = messagesOf({ globals });
    const canvas = within(canvasElement);
    const overlay = canvas.getByRole('status');
    await expect(overlay).toHaveAttribute('data-state', 'connecting');
    await expect(overlay).toHaveTextContent(t.streamConnecting);
    await expect(canvas.queryByRole('timer')).toBeNull();
    await settle();
    statusOf({ loaded }).advance(60 * SECOND);
    await settle();
    await expect(overlay).toHaveAttribute('data-state', 'connecting');
    await expect(canvas.queryByRole('timer')).toBeNull();
  },
};

/** The policy spent its attempts: "Stream unavailable" with a Retry action. */
export const GaveUp: Story = {
  ...withStatus([watching, playFailed, replayGaveUp(3)]),
  parameters: shows((t) => [t.streamUnavailable, t.retry]),
  play: async ({ canvasElement, args, globals }) => {
    const t = messagesOf({ globals });
    const overlay = within(canvasElement).getByRole('alert');
    await expect(overlay).toHaveAttribute('data-state', 'unavailable');
    await expect(overlay).toHaveTextContent(t.streamUnavailable);
    await userEvent.click(within(overlay).getByRole('button', { name: `${t.retry} ${STREAM}` }));
    await expect(args.onRetry).toHaveBeenCalledWith(STREAM);
  },
};

/** PLAY_REQUESTING: the play is on its way. */
export const Connecting: Story = {
  ...withStatus([watching, wait(30 * SECOND), player('PLAY_REQUESTING')]),
  parameters: shows((t) => [t.streamConnecting]),
  play: async ({ canvasElement, globals }) => {
    const overlay = within(canvasElement).getByRole('status');
    await expect(overlay).toHaveAttribute('data-state', 'connecting');
    await expect(overlay).toHaveTextContent(messagesOf({ globals }).streamConnecting);
  },
};

/**
 * PLAYING: the overlay shows nothing and the video shows. It renders an empty
 * live region (transparent, click-through), so what it says later is announced.
 */
export const HiddenWhilePlaying: Story = {
  ...withStatus([watching, wait(30 * SECOND)]),
  parameters: {
    caption: 'PLAYING: the overlay shows nothing over the (here empty) video tile: it renders only an empty, transparent live region.',
    ...shows(['PLAYING: the overlay shows nothing']),
  },
  play: async ({ canvasElement }) => {
    const region = within(canvasElement).getByRole('status');
    await expect(region).toHaveAttribute('data-state', 'hidden');
    await expect(region).toBeEmptyDOMElement();
    await expect(getComputedStyle(region).pointerEvents).toBe('none');
    await expect(getComputedStyle(region).backgroundColor).toBe('rgba(0, 0, 0, 0)');
    await expect(within(canvasElement).queryByRole('alert')).toBeNull();
  },
};

/** The host's stream is deleted while it plays: the text appears in the live region that was there, empty, before. */
export const HostLostWhilePlaying: Story = {
  ...withStatus([watching, wait(30 * SECOND)]),
  parameters: {
    caption: 'PLAYING, then the play function deletes the stream (heartbeat timeout) and the overlay says so.',
    // The docs page runs this play function too, so it shows the state the story is named after.
    docs: { story: { autoplay: true } },
    ...shows((t) => [t.streamWaiting, unreachable(t, 90 * SECOND)]),
  },
  play: async ({ canvasElement, loaded, globals }) => {
    const t = messagesOf({ globals });
    const canvas = within(canvasElement);
    const region = canvas.getByRole('status');
    await expect(region).toHaveAttribute('data-state', 'hidden');
    await expect(region).toBeEmptyDOMElement();
    await settle();
    statusOf({ loaded }).run([streams('DELETE', '{"stream_delete_reason":2}')]);
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent(t.streamWaiting));
    await expect(canvas.getByRole('status')).toBe(region);
    await expect(region).toHaveAttribute('data-state', 'waiting');
  },
};
