import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import { StartMediaButton } from '../src/react/index.js';
import { AppFrame } from './support/app-frame.js';
import { STREAM, login, shows, watching, withStatus } from './support/status-story.js';
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
  parameters: shows((t) => [t.turnOnSound]),
  play: async ({ canvasElement, globals }) => {
    const button = within(canvasElement).getByRole('button', { name: mediaMessagesOf({ globals }).turnOnSound });
    await expect(button).toHaveAttribute('data-state', 'audio-blocked');
  },
};

/** One stream cannot play at all: "Tap to play". */
export const Blocked: Story = {
  ...withStatus([login, hostsPlaying('Ana'), media({ type: 'autoplayFailed', streamID: 'Ana-main', blocked: 'all' })], MEDIA),
  parameters: shows((t) => [t.tapToPlay]),
  play: async ({ canvasElement, globals }) => {
    const button = within(canvasElement).getByRole('button', { name: mediaMessagesOf({ globals }).tapToPlay });
    await expect(button).toHaveAttribute('data-state', 'blocked');
  },
};

/** Nothing blocked: nothing rendered. Shown in its place in an app (above the host's video), since it shows nothing. */
export const NothingBlocked: Story = {
  ...withStatus([watching], { ...MEDIA, testPatterns: [STREAM] }),
  render: (args) => (
    <AppFrame>
      <StartMediaButton {...args} />
    </AppFrame>
  ),
  parameters: {
    caption: 'The host\'s video plays (muted playback needs no click), so nothing is blocked and the button renders nothing above it.',
    ...shows((t) => [t.phases.connected, 'Host']),
  },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(within(canvasElement).queryByRole('button')).toBeNull());
    await expect(canvasElement.querySelector('.story-app__banner')).toBeEmptyDOMElement();
  },
};

/** "Turn on sound", dark theme. */
export const SoundBlockedDark: Story = { ...SoundBlocked, globals: { theme: 'dark' } };
/** "Tap to play", zh-CN. */
export const BlockedZhCN: Story = { ...Blocked, globals: { locale: 'zh-CN' } };
