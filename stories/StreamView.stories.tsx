import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { StreamView } from '../src/react/index.js';
import { expectArgsTable } from './support/docs-args.js';
import {
  SECOND,
  STREAM,
  SimulatorErrorCode,
  messagesOf,
  player,
  say,
  shows,
  replayGaveUp,
  streams,
  wait,
  watching,
  withStatus,
  type StatusStoryOptions,
} from './support/status-story.js';

const meta = {
  title: 'Components/StreamView',
  component: StreamView,
  args: { streamID: STREAM, muted: true, className: 'story-stream' },
  argTypes: {
    store: { control: false },
    messages: { control: false },
    media: { control: false },
    videoProps: { control: false },
  },
  parameters: {
    docs: {
      description: {
        component:
          'A muted, autoplaying `<video>` fed with the MediaStream the audience policy put in the media registry, with ' +
          '`StreamRemovedOverlay` on top. Here the registry holds a canvas test pattern (`createTestPattern` from the ' +
          'simulator, captured with `canvas.captureStream()`), as the simulator engine would deliver it.',
      },
    },
  },
} satisfies Meta<typeof StreamView>;
export default meta;

type Story = StoryObj<typeof meta>;

const withPattern: StatusStoryOptions = { testPatterns: [STREAM] };

const videoOf = (canvasElement: HTMLElement): HTMLVideoElement => {
  const video = canvasElement.querySelector('video');
  if (!video) throw new Error('StreamView rendered no <video>');
  return video;
};

/** PLAYING: the test pattern; the overlay shows nothing (an empty, transparent live region). */
export const TestPattern: Story = {
  ...withStatus([watching, wait(10 * SECOND)], withPattern),
  // The pattern draws the streamID on the video (pixels, not text): the not-blank check sees it.
  parameters: shows([]),
  play: async ({ canvasElement, component, argTypes }) => {
    await expectArgsTable({ component, argTypes });
    const video = videoOf(canvasElement);
    await expect(video.closest('[data-state]')).toHaveAttribute('data-state', 'PLAYING');
    await waitFor(() => expect(video.srcObject).toBeInstanceOf(MediaStream));
    const tracks = (video.srcObject as MediaStream).getVideoTracks();
    await expect(tracks).toHaveLength(1);
    await expect(tracks[0]!.readyState).toBe('live');
    const overlay = within(canvasElement).getByRole('status');
    await expect(overlay).toHaveAttribute('data-state', 'hidden');
    await expect(overlay).toBeEmptyDOMElement();
    await expect(within(canvasElement).queryByRole('alert')).toBeNull();
  },
};

/** PLAY_REQUESTING: "Connecting…" over the tile. */
export const Connecting: Story = {
  ...withStatus([...watching.slice(0, -2)], withPattern),
  parameters: shows((t) => [t.streamConnecting]),
  play: async ({ canvasElement, globals }) => {
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent(messagesOf({ globals }).streamConnecting);
  },
};

/** The host's stream was deleted (90 s heartbeat timeout): the waiting overlay over the last frame. */
export const HostLost: Story = {
  ...withStatus([watching, wait(90 * SECOND), streams('DELETE', '{"stream_delete_reason":2}')], withPattern),
  parameters: shows((t) => [t.streamWaiting, say(t, t.streamDeleteReasons['heartbeat-timeout'], 90 * SECOND)]),
  play: async ({ canvasElement, globals }) => {
    const t = messagesOf({ globals });
    const overlay = within(canvasElement).getByRole('status');
    await expect(overlay).toHaveTextContent(t.streamWaiting);
    await expect(overlay).toHaveTextContent(say(t, t.streamDeleteReasons['heartbeat-timeout'], 90 * SECOND));
  },
};

/** The policy gave up: "Stream unavailable" with Retry (`onRetry`; by default the provider's audience policy). */
export const GaveUp: Story = {
  ...withStatus([watching, player('NO_PLAY', SimulatorErrorCode.PLAY_RETRY_FAILED), replayGaveUp(3)]),
  args: { onRetry: fn() },
  parameters: shows((t) => [t.streamUnavailable, t.retry]),
  play: async ({ canvasElement, args, globals }) => {
    const t = messagesOf({ globals });
    const overlay = within(canvasElement).getByRole('alert');
    await expect(overlay).toHaveTextContent(t.streamUnavailable);
    await userEvent.click(within(overlay).getByRole('button', { name: `${t.retry} ${STREAM}` }));
    await expect(args.onRetry).toHaveBeenCalledWith(STREAM);
  },
};
