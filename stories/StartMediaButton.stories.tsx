import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { StartMediaButton } from '../src/react/index.js';
import { login, withStatus } from './support/status-story.js';
import { MEDIA, hostsPlaying, media, mediaMessagesOf } from './support/media-story.js';

const meta = {
  title: 'Media health/StartMediaButton',
  component: StartMediaButton,
  argTypes: { store: { control: false }, messages: { control: false } },
  parameters: {
    docs: {
      description: {
        component:
          'A page-level button (LiveKit\'s `StartAudio` as the model) that appears while the browser blocks playback and ' +
          'starts every blocked tile of the page with one click: "Turn on sound" when the pictures play muted, "Tap to ' +
          'play" when something cannot play at all. Renders nothing otherwise. The blocks come from the store: ' +
          '`StreamView` reports them (see Media health/StreamView, All states), as a `ZegoStreamView`\'s `autoplayFailed` does.',
      },
    },
  },
} satisfies Meta<typeof StartMediaButton>;
export default meta;

type Story = StoryObj<typeof meta>;

/** Two streams play muted: "Turn on sound". */
export const SoundBlocked: Story = {
  ...withStatus(
    [
      login,
      hostsPlaying('Ana', 'Bo'),
      media({ type: 'autoplayFailed', streamID: 'Ana-main', blocked: 'audio' }),
      media({ type: 'autoplayFailed', streamID: 'Bo-main', blocked: 'audio' }),
    ],
    MEDIA,
  ),
  play: async ({ canvasElement, globals }) => {
    const button = within(canvasElement).getByRole('button', { name: mediaMessagesOf({ globals }).turnOnSound });
    await expect(button).toHaveAttribute('data-state', 'audio-blocked');
  },
};

/** One stream cannot play at all: "Tap to play". */
export const Blocked: Story = {
  ...withStatus([login, hostsPlaying('Ana'), media({ type: 'autoplayFailed', streamID: 'Ana-main', blocked: 'all' })], MEDIA),
  play: async ({ canvasElement, globals }) => {
    const button = within(canvasElement).getByRole('button', { name: mediaMessagesOf({ globals }).tapToPlay });
    await expect(button).toHaveAttribute('data-state', 'blocked');
  },
};

/** Nothing blocked: nothing rendered. */
export const NothingBlocked: Story = {
  ...withStatus([login, hostsPlaying('Ana')], MEDIA),
  parameters: { caption: 'Nothing is blocked, so the button renders nothing.' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(within(canvasElement).queryByRole('button')).toBeNull());
  },
};

/** "Turn on sound", dark theme. */
export const SoundBlockedDark: Story = { ...SoundBlocked, globals: { theme: 'dark' } };
/** "Tap to play", zh-CN. */
export const BlockedZhCN: Story = { ...Blocked, globals: { locale: 'zh-CN' } };
