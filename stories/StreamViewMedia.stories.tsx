import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { StartMediaButton, StreamView } from '../src/react/index.js';
import { formatMessage } from '../src/react/i18n/messages.js';
import { STREAM, shows, watching, withStatus } from './support/status-story.js';
import { MEDIA, blockedAutoplay, hostsPlaying, media, mediaMessagesOf, playQuality, playbackOf } from './support/media-story.js';

const meta = {
  title: 'Media health/StreamView',
  component: StreamView,
  args: { streamID: STREAM, label: 'Host', className: 'story-stream' },
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
          'What a tile says about its stream besides the picture, with the `mediaHealth()` extension: autoplay blocked ' +
          '("Turn on sound" / "Tap to play"), the remote camera off (the label\'s name and initial), the remote microphone ' +
          'off (an icon named "Microphone off"), the label as a name tag, "Weak network" while the play quality is poor, ' +
          '"Video is stuttering" during a decode or render exception. Each state is built from the SDK events the adapter ' +
          'dispatches (`remoteCameraStatusUpdate`, `playQualityUpdate`, `exceptionUpdate`, ...). The autoplay stories play a ' +
          'real picture-and-sound stream in a browser that refuses sound before a click, as Chromium does; each ends blocked, ' +
          'and its **..., then a click** twin clicks the prompt.',
      },
    },
  },
} satisfies Meta<typeof StreamView>;
export default meta;

type Story = StoryObj<typeof meta>;

const tileOf = (canvasElement: HTMLElement): HTMLElement => canvasElement.querySelector<HTMLElement>('.zsk-stream, [data-state]')!;

type Play = NonNullable<Story['play']>;
type PlayContext = Parameters<Play>[0];

/** Sound refused: the tile offers "Turn on sound" and the picture plays muted. */
async function soundBlocked({ canvasElement, globals }: PlayContext) {
  const t = mediaMessagesOf({ globals });
  const button = await within(canvasElement).findByRole('button', { name: `${t.turnOnSound} Host` });
  const video = canvasElement.querySelector('video')!;
  await expect(tileOf(canvasElement)).toHaveAttribute('data-autoplay', 'audio');
  await expect(await playbackOf(video)).toEqual({ paused: false, muted: true, advancing: true });
  return { button, video };
}

/** Even muted playback refused: "Tap to play" over the tile. */
async function allBlocked({ canvasElement, globals }: PlayContext) {
  const t = mediaMessagesOf({ globals });
  const button = await within(canvasElement).findByRole('button', { name: `${t.tapToPlay} Host` });
  const video = canvasElement.querySelector('video')!;
  await expect(tileOf(canvasElement)).toHaveAttribute('data-autoplay', 'all');
  return { button, video };
}

/** The host's tile with picture and sound, in a browser that refuses `refuse` before a click. */
const refusing = (refuse: 'sound' | 'all'): Pick<Story, 'loaders' | 'beforeEach'> => ({
  ...withStatus([watching], MEDIA),
  beforeEach: blockedAutoplay(refuse, STREAM),
});

/** What a "..., then a click" story shows: the tile unblocked, its prompt gone. */
const afterClick = (prompt: string) => ({
  caption: `After one click on "${prompt}": the picture plays with sound, and the prompt is gone.`,
  ...shows(['Host']),
});

/** A play function: the tile gets `blocked`, its prompt is clicked, the video then does what `playing` checks, and no prompt is left. */
const clickPrompt =
  (blocked: typeof soundBlocked, playing: (video: HTMLVideoElement) => Promise<void>): Play =>
  async (context) => {
    const { button, video } = await blocked(context);
    await userEvent.click(button);
    await playing(video);
    await expect(within(context.canvasElement).queryByRole('button')).toBeNull();
  };

/** Chromium refuses sound before a gesture: the picture plays muted, and the tile says "Turn on sound". */
export const AutoplaySoundBlocked: Story = {
  ...refusing('sound'),
  parameters: shows((t) => [t.turnOnSound, 'Host']),
  play: async (context) => {
    await soundBlocked(context);
  },
};

/** As **Autoplay sound blocked**, then a click on the prompt: the sound plays and the prompt goes. */
export const AutoplaySoundBlockedThenClick: Story = {
  name: 'Autoplay sound blocked, then a click',
  ...refusing('sound'),
  parameters: afterClick('Turn on sound'),
  play: clickPrompt(soundBlocked, async (video) => {
    await waitFor(() => expect(video.muted).toBe(false));
    await expect(await playbackOf(video)).toEqual({ paused: false, muted: false, advancing: true });
  }),
};

/** Even muted playback refused: "Tap to play" over the tile. */
export const AutoplayBlocked: Story = {
  ...refusing('all'),
  parameters: shows((t) => [t.tapToPlay, 'Host']),
  play: async (context) => {
    await allBlocked(context);
  },
};

/** As **Autoplay blocked**, then a click on the prompt: it plays, with sound. */
export const AutoplayBlockedThenClick: Story = {
  name: 'Autoplay blocked, then a click',
  ...refusing('all'),
  parameters: afterClick('Tap to play'),
  play: clickPrompt(allBlocked, async (video) => {
    await waitFor(() => expect(video.paused).toBe(false));
    await expect(video.muted).toBe(false);
  }),
};

/** `remoteCameraStatusUpdate` MUTE: the host's name and initial instead of a black picture. */
export const CameraOff: Story = {
  ...withStatus([watching, media({ type: 'remoteCameraStatusUpdate', streamID: STREAM, status: 'MUTE' })], MEDIA),
  parameters: {
    caption: 'The host turned the camera off: the tile shows the name and its initial instead of a black picture (a screen reader hears "Host: camera off").',
    ...shows(['Host']),
  },
  play: async ({ canvasElement, globals }) => {
    const t = mediaMessagesOf({ globals });
    const placeholder = within(canvasElement).getByRole('img', { name: formatMessage(t.cameraOff, { name: 'Host' }) });
    await expect(placeholder).toHaveTextContent('H');
    await expect(placeholder).toBeVisible();
    await expect(tileOf(canvasElement)).toHaveAttribute('data-camera', 'off');
  },
};

/** `remoteMicStatusUpdate` MUTE: a muted-mic icon with an accessible name, next to the name tag. */
export const MicrophoneOff: Story = {
  ...withStatus([watching, media({ type: 'remoteMicStatusUpdate', streamID: STREAM, status: 'MUTE' })], { ...MEDIA, testPatterns: [STREAM] }),
  parameters: {
    caption: 'The host muted the microphone: a crossed-out microphone next to the name tag (a screen reader hears "Microphone off").',
    ...shows(['Host']),
  },
  play: async ({ canvasElement, globals }) => {
    const t = mediaMessagesOf({ globals });
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('img', { name: t.microphoneOff })).toBeVisible();
    await expect(canvas.getByText('Host')).toBeVisible();
  },
};

/** `playQualityUpdate` poor (3): "Weak network". */
export const WeakNetwork: Story = {
  ...withStatus([watching, playQuality(STREAM, 3)], { ...MEDIA, testPatterns: [STREAM] }),
  parameters: shows((t) => [t.weakNetwork, 'Host']),
  play: async ({ canvasElement, globals }) => {
    await expect(within(canvasElement).getByText(mediaMessagesOf({ globals }).weakNetwork)).toBeVisible();
  },
};

/** `exceptionUpdate` 1009 (decode frame rate too low): "Video is stuttering". */
export const Stuttering: Story = {
  ...withStatus([watching, media({ type: 'exceptionUpdate', streamID: STREAM, code: 1009 })], { ...MEDIA, testPatterns: [STREAM] }),
  parameters: shows((t) => [t.stuttering, 'Host']),
  play: async ({ canvasElement, globals }) => {
    await expect(within(canvasElement).getByText(mediaMessagesOf({ globals }).stuttering)).toBeVisible();
  },
};

const NAMES = ['Ana', 'Bo', 'Chen', '李雷'];

/** Every tile state at once, and the page-level StartMediaButton: one click starts every blocked tile. */
function AllStates() {
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(2, 240px)', gap: 8 }}>
      <StartMediaButton />
      <span />
      {NAMES.map((name) => (
        <StreamView key={name} streamID={`${name}-main`} label={name} className="story-stream" style={{ width: 240 }} />
      ))}
    </div>
  );
}

/**
 * Every tile state at once: Ana's camera and mic off, Bo's weak network and
 * stutter, and sound refused on Bo, Chen and 李雷, each tile and the
 * page-level StartMediaButton offering "Turn on sound".
 */
async function everyState({ canvasElement, globals }: PlayContext) {
  const t = mediaMessagesOf({ globals });
  const canvas = within(canvasElement);
  await expect(canvas.getByRole('img', { name: formatMessage(t.cameraOff, { name: 'Ana' }) })).toHaveTextContent('A');
  await expect(canvas.getAllByRole('img', { name: t.microphoneOff })).toHaveLength(2);
  await expect(canvas.getByText(t.weakNetwork)).toBeVisible();
  await expect(canvas.getByText(t.stuttering)).toBeVisible();
  // Three tiles with sound, refused: each offers it, and so does the page-level button.
  for (const name of ['Bo', 'Chen', '李雷']) await canvas.findByRole('button', { name: `${t.turnOnSound} ${name}` });
  return canvas.getByRole('button', { name: t.turnOnSound });
}

const allStates: Story = {
  ...withStatus(
    [
      watching,
      hostsPlaying(...NAMES),
      media({ type: 'remoteCameraStatusUpdate', streamID: 'Ana-main', status: 'MUTE' }),
      media({ type: 'remoteMicStatusUpdate', streamID: 'Ana-main', status: 'MUTE' }),
      playQuality('Bo-main', 4),
      media({ type: 'exceptionUpdate', streamID: 'Bo-main', code: 1010 }),
      media({ type: 'remoteMicStatusUpdate', streamID: 'Chen-main', status: 'MUTE' }),
    ],
    MEDIA,
  ),
  render: () => <AllStates />,
  beforeEach: blockedAutoplay('sound', 'Bo-main', 'Chen-main', '李雷-main'),
  parameters: shows((t) => [t.turnOnSound, t.weakNetwork, t.stuttering, ...NAMES]),
  play: async (context) => {
    await everyState(context);
  },
};

/** All tile states, light theme. */
export const AllStatesLight: Story = { ...allStates };

/** All tile states, dark theme. */
export const AllStatesDark: Story = { ...allStates, globals: { theme: 'dark' } };

/** All tile states, zh-CN. */
export const AllStatesZhCN: Story = { ...allStates, globals: { locale: 'zh-CN' } };

/** All tile states, then one click on the page-level "Turn on sound": every blocked tile plays with sound. */
export const AllStatesThenStart: Story = {
  ...allStates,
  name: 'All states, then Turn on sound',
  parameters: {
    caption: 'After one click on the page-level "Turn on sound": every blocked tile plays with sound, and every prompt is gone.',
    ...shows((t) => [t.weakNetwork, t.stuttering, ...NAMES]),
  },
  play: async (context) => {
    await userEvent.click(await everyState(context));
    const canvas = within(context.canvasElement);
    await waitFor(() => expect(canvas.queryAllByRole('button')).toHaveLength(0));
    for (const video of context.canvasElement.querySelectorAll('video')) if (video.srcObject) await expect(video.muted).toBe(false);
  },
};
