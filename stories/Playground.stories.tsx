import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { describeDeviceError } from '../src/core/device-error.js';
import { describeError } from '../src/core/errors.js';
import type { QualityName, StatusMessages } from '../src/react/index.js';
import { formatDuration } from '../src/react/format.js';
import { formatMessage } from '../src/react/i18n/messages.js';
import { zhCN } from '../src/react/zh-CN.js';
import { PLAYGROUND, Playground } from './playground/Playground.js';
import { mediaMessagesOf } from './support/media-story.js';
import { messagesOf, say, shows, type StoryMessages } from './support/status-story.js';

type Canvas = ReturnType<typeof within>;

const meta = {
  title: 'Playground',
  component: Playground,
  args: { initialScale: 1, autoStart: true },
  argTypes: {
    initialScale: { control: { type: 'select' }, options: [0, 1, 10, 60, 600] },
    messages: { table: { disable: true } },
  },
  parameters: {
    docs: {
      description: {
        component:
          'A host and an audience member side by side on one simulated room, each with its own engine and store, ' +
          'wired with `useZegoWeb`; the audience runs `useAudiencePolicy` and shows `StreamView`, the host ' +
          '`attachPublisherRetryPolicy`. Every fault the simulator has is a button; the time scale (1×, 10×, 60×, ' +
          '600×, pause) and the labelled jumps move one simulated clock that the simulator, policies and ' +
          'countdowns all share. The log lists every SDK callback and policy action at T+mm:ss.s simulated time. ' +
          'Each story below plays its fault and stops there (paused), so it shows the state it is named after.',
      },
      // Each story in a frame of its own, where its play function runs: the docs page shows the named states too.
      story: { inline: false, height: '1180px' },
    },
  },
  // The locale toolbar, when there is one, switches the kit's catalog.
  render: (args, { globals }) => <Playground {...args} messages={globals['locale'] === 'zh-CN' ? zhCN : args.messages} />,
} satisfies Meta<typeof Playground>;
export default meta;

type Story = StoryObj<typeof meta>;

const panel = (canvas: Canvas, id: 'host' | 'audience'): Canvas => within(canvas.getByTestId(`${id}-panel`));

/** The log as text lines, oldest first. */
function logLines(canvas: Canvas): string[] {
  return within(canvas.getByRole('log')).queryAllByRole('listitem').map((item) => item.textContent ?? '');
}

function lastLineWith(lines: readonly string[], marker: string): number {
  for (let i = lines.length - 1; i >= 0; i--) if (lines[i]!.includes(marker)) return i;
  return -1;
}

/** Lines after the last one containing `marker`. */
function linesAfter(canvas: Canvas, marker: string): string[] {
  const lines = logLines(canvas);
  const index = lastLineWith(lines, marker);
  if (index < 0) throw new Error(`no log line contains "${marker}"`);
  return lines.slice(index + 1);
}

/** Each of `expected` appears in `lines`, in this order. */
function expectInOrder(lines: readonly string[], expected: readonly string[]): void {
  let from = 0;
  for (const text of expected) {
    const index = lines.findIndex((line, i) => i >= from && line.includes(text));
    expect(index, `"${text}" after line ${from} in:\n${lines.join('\n')}`).toBeGreaterThanOrEqual(0);
    from = index + 1;
  }
}

/** Simulated seconds of a log line (its T+mm:ss.s stamp). */
function stampOf(line: string): number {
  const match = /T\+(\d+):(\d+\.\d)/.exec(line);
  if (!match) throw new Error(`no timestamp in "${line}"`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** `text` is shown (waiting out the kit's short entrance fade). */
async function shows_(canvas: Canvas, text: string): Promise<void> {
  await waitFor(() => expect(canvas.getByText(text)).toBeVisible());
}

/**
 * The audience plays. The wait is the preview's (10 s; 30 s on the docs page,
 * where every story is a frame of its own with a live simulated room, all
 * starting together: on a loaded machine one of 16 took over 10 s to log in
 * and play at 1x).
 */
async function audiencePlaying(canvas: Canvas): Promise<void> {
  await waitFor(() => expect(panel(canvas, 'audience').getByTestId('player-state')).toHaveTextContent('PLAYING'));
}

/** Stops the clock, so the story stays in the state it reached (its name's) for as long as it is looked at. */
async function pause(canvas: Canvas): Promise<void> {
  await userEvent.click(canvas.getByRole('button', { name: 'Pause' }));
  await expect(canvas.getByText('(paused)')).toBeVisible();
}

/** The badge's accessible name for `phase`, in the active catalog. */
const badgeName = (t: StatusMessages, phase: keyof StatusMessages['phases']): string => say(t, t.phaseLabel, 0, { phase: t.phases[phase] });

/** "The host has been unreachable for …" as the overlay words it `ms` after the host's last heartbeat. */
const unreachableFor = (t: StatusMessages, ms: number): string =>
  t.streamDeleteReasons['heartbeat-timeout'].replace('{elapsed}', formatDuration(ms, t));

/**
 * Both log in on mount; the audience plays the host's stream. Use the buttons:
 * e.g. 60×, then "Drop network" on the host, and watch the 90 s mark.
 */
export const Default: Story = {
  name: 'Playground',
  parameters: shows(['Audience SDK playerStateUpdate host-main PLAYING', 'PUBLISHING']),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await audiencePlaying(canvas);
    await expect(panel(canvas, 'host').getByTestId('publisher-state')).toHaveTextContent('PUBLISHING');
    expectInOrder(logLines(canvas), [
      'Audience SDK roomStateChanged LOGINED',
      'Host SDK publisherStateUpdate host-main PUBLISHING',
      'Audience SDK roomStreamUpdate ADD host-main',
      'Audience policy startPlayingStream(host-main)',
      'Audience SDK playerStateUpdate host-main PLAYING',
    ]);
  },
};

/**
 * Crash the host app, then jump 20 s: the player's own retries run out and
 * the policy replays (seed 003). Paused from before the crash, so the jumps
 * land exactly 20 s after it however busy the machine is.
 */
async function crashHost(canvas: Canvas, step: (name: string, run: () => Promise<void>) => Promise<void> | void): Promise<void> {
  const host = panel(canvas, 'host');
  const audience = panel(canvas, 'audience');
  await step('both log in; the audience plays the host', () => audiencePlaying(canvas));

  await step('pause, crash the host app: its panel freezes as it was', async () => {
    await pause(canvas);
    await userEvent.click(host.getByRole('button', { name: 'Crash host app' }));
    await expect(host.getByRole('note')).toHaveTextContent('crashed');
  });

  await step('jump 20 s: the player retries on its own, NO_PLAY 1004020, the policy replays after 3 s', async () => {
    await userEvent.click(canvas.getByRole('button', { name: 'Jump +10 s' }));
    await waitFor(() => expect(audience.getByTestId('player-state')).not.toHaveTextContent('PLAYING'));
    await userEvent.click(canvas.getByRole('button', { name: 'Jump +10 s' }));
    expectInOrder(linesAfter(canvas, 'the host app crashes'), [
      'Audience SDK playerStateUpdate host-main NO_PLAY 1004020',
      'Audience policy player retry 1 of host-main scheduled in 3.0 s',
      'Audience policy player retry 1 of host-main started',
      'Audience policy startPlayingStream(host-main)',
    ]);
  });
}

/**
 * Seed 003, a host app crash: no logout, so for the audience the host's
 * stream is still listed (its session lingers until the 90 s heartbeat
 * timeout), but nothing plays: the player's own retries run out (NO_PLAY
 * 1004020 at T+10 s) and the policy replays once after 3 s. The story stops
 * 20 s after the crash, paused: the host panel frozen as it crashed, the
 * audience's tile connecting again for the replay.
 */
export const HostCrash: Story = {
  name: 'Host crash',
  parameters: shows((t) => ['This app has crashed', t.streamConnecting, 'Audience policy startPlayingStream(host-main)']),
  play: async ({ canvasElement, globals, step }) => {
    const t = messagesOf({ globals });
    const canvas = within(canvasElement);
    await crashHost(canvas, step);
    await step('paused 20 s after the crash: the host frozen, the audience replaying (PLAY_REQUESTING)', async () => {
      await expect(canvas.getByText('(paused)')).toBeVisible();
      const audience = panel(canvas, 'audience');
      await expect(audience.getByTestId('player-state')).toHaveTextContent('PLAY_REQUESTING');
      await shows_(audience, t.streamConnecting);
      await expect(panel(canvas, 'host').getByRole('note')).toBeVisible();
    });
  },
};

/**
 * Seed 003, "host crash, restart within 90 s": after the crash (as in **Host
 * crash**) a new engine with the same userID logs in, the audience gets
 * DELETE then ADD and plays again. The 20 s after the crash are jumped over
 * (the jump fires every timer in order, at its own simulated time); the
 * restart runs at 1×, then the story pauses.
 */
export const CrashAndRestart: Story = {
  name: 'Host crash, then restart',
  parameters: shows(['Host (app #2)', 'stream_delete_reason 3: repeated login', 'Audience SDK playerStateUpdate host-main PLAYING']),
  play: async ({ canvasElement, step }) => {
    const canvas = within(canvasElement);
    const host = panel(canvas, 'host');
    const audience = panel(canvas, 'audience');
    await crashHost(canvas, step);

    await step('restart 20 s after the crash (within 90 s), then 1×: DELETE then ADD, and the audience plays again', async () => {
      await userEvent.click(host.getByRole('button', { name: 'Restart host app' }));
      await userEvent.click(canvas.getByRole('button', { name: '1×' }));
      await audiencePlaying(canvas);
      await expect(audience.getByTestId('player-state')).toHaveTextContent('PLAYING');
      await waitFor(() => expect(panel(canvas, 'host').getByTestId('publisher-state')).toHaveTextContent('PUBLISHING'));
      await expect(canvas.getByRole('heading', { name: 'Host (app #2)' })).toBeVisible();
      expectInOrder(linesAfter(canvas, 'restart: app #2'), [
        'Host SDK roomStateChanged LOGINED',
        'Audience SDK roomStreamUpdate DELETE host-main (stream_delete_reason 3: repeated login)',
        'Audience policy stopPlayingStream(host-main)',
        'Host SDK publisherStateUpdate host-main PUBLISHING',
        'Audience SDK roomStreamUpdate ADD host-main',
        'Audience policy startPlayingStream(host-main)',
        'Audience SDK playerStateUpdate host-main PLAYING',
      ]);
      const crash = logLines(canvas).find((line) => line.includes('the host app crashes'))!;
      const restart = logLines(canvas).find((line) => line.includes('restart: app #2'))!;
      expect(stampOf(restart) - stampOf(crash)).toBeLessThan(90); // within the heartbeat timeout
      await pause(canvas);
    });
  },
};

/**
 * The host drops, paused clock, then a jump of exactly 90 s: the audience
 * gets the stream DELETE at T3 + 90 s (heartbeat timeout, seed 003).
 */
async function dropHostPast90s(
  canvas: Canvas,
  t: StatusMessages,
  step: (name: string, run: () => Promise<void>) => Promise<void> | void,
): Promise<void> {
  const host = panel(canvas, 'host');
  const audience = panel(canvas, 'audience');
  await step('both log in; the audience plays the host', () => audiencePlaying(canvas));

  await step('pause, drop the host network (T3): the host is reconnecting at once', async () => {
    // Paused from here, the jump lands exactly on T3 + 90 s.
    await pause(canvas);
    await userEvent.click(host.getByRole('button', { name: 'Drop network' }));
    await shows_(host, t.reconnecting);
    await waitFor(() => expect(host.getByRole('img', { name: badgeName(t, 'reconnecting') })).toBeVisible());
  });

  await step('jump 90 s: the audience gets the stream DELETE, the overlay shows', async () => {
    await userEvent.click(canvas.getByRole('button', { name: 'Jump +90 s' }));
    await shows_(audience, t.streamWaiting);
    await shows_(host, t.heartbeatTimedOut);
    await expect(audience.getByTestId('player-state')).toHaveTextContent('NO_PLAY');
    const lines = linesAfter(canvas, 'fault: network cut off');
    expectInOrder(lines, [
      'Audience SDK playerStateUpdate host-main NO_PLAY 1004020',
      'Audience policy player retry 1 of host-main scheduled',
      'Audience SDK roomStreamUpdate DELETE host-main (stream_delete_reason 2: heartbeat timeout)',
      'Audience policy stopPlayingStream(host-main)',
    ]);
    const all = logLines(canvas);
    const drop = all[lastLineWith(all, 'fault: network cut off')]!;
    const removed = lines.find((line) => line.includes('roomStreamUpdate DELETE host-main'))!;
    expect(stampOf(removed) - stampOf(drop)).toBeGreaterThanOrEqual(89.9); // T3 + 90 s, not before
    expect(stampOf(removed) - stampOf(drop)).toBeLessThan(91);
  });
}

/**
 * Seed 003, "host network loss": the host drops; at T3 + 90 s (heartbeat
 * timeout) the audience gets a stream DELETE and the overlay says the host's
 * connection is lost and for how long it has been unreachable; the host's
 * banner says the others now see it as gone. The 90 s are jumped over
 * (every timer on the way fires in order, at its own simulated time); the
 * story stops there, paused.
 */
export const HostDropPast90s: Story = {
  name: 'Host network drop past 90 s',
  parameters: shows((t) => [t.streamWaiting, unreachableFor(t, 90_000), t.heartbeatTimedOut, t.reconnecting, 'stream_delete_reason 2: heartbeat timeout']),
  play: async ({ canvasElement, globals, step }) => {
    const t = messagesOf({ globals });
    const canvas = within(canvasElement);
    await dropHostPast90s(canvas, t, step);
    await step('paused at T3 + 90 s: the audience waits for the host, who is still reconnecting', async () => {
      const audience = panel(canvas, 'audience');
      await shows_(audience, t.streamWaiting);
      await shows_(audience, unreachableFor(t, 90_000));
      await expect(panel(canvas, 'host').getByRole('img', { name: badgeName(t, 'reconnecting') })).toBeVisible();
    });
  },
};

/**
 * The same drop, then the host's network comes back within its 5 min retry
 * time: it reconnects and republishes, the audience gets ADD and plays again
 * (recovery at 1×, then paused). The log shows the way back.
 */
export const HostDropRestored: Story = {
  name: 'Host network drop past 90 s, then restore',
  parameters: shows(['Host SDK roomStateChanged RECONNECTED', 'Audience SDK playerStateUpdate host-main PLAYING']),
  play: async ({ canvasElement, globals, step }) => {
    const t = messagesOf({ globals });
    const canvas = within(canvasElement);
    const host = panel(canvas, 'host');
    const audience = panel(canvas, 'audience');
    await dropHostPast90s(canvas, t, step);

    await step('restore at T3 + 90 s, then 1×: the host reconnects and republishes, the audience plays again', async () => {
      await userEvent.click(host.getByRole('button', { name: 'Restore network' }));
      await userEvent.click(canvas.getByRole('button', { name: '1×' }));
      await audiencePlaying(canvas);
      await waitFor(() => expect(audience.queryByText(t.streamWaiting)).toBeNull());
      await expect(host.getByTestId('publisher-state')).toHaveTextContent('PUBLISHING');
      expectInOrder(linesAfter(canvas, 'network restored'), [
        'Host SDK roomStateChanged RECONNECTED',
        'Host SDK publisherStateUpdate host-main PUBLISHING',
        'Audience SDK roomStreamUpdate ADD host-main',
        'Audience policy startPlayingStream(host-main)',
        'Audience SDK playerStateUpdate host-main PLAYING',
      ]);
      await pause(canvas);
    });
  },
};

/** The audience is kicked by the server with a custom message: the dialog covers the audience panel only. */
async function kickAudience(canvas: Canvas, canvasElement: HTMLElement, t: StatusMessages): Promise<HTMLElement> {
  const audience = panel(canvas, 'audience');
  await audiencePlaying(canvas);
  await userEvent.click(audience.getByRole('button', { name: 'Kick (1002055)' }));
  const dialog = await audience.findByRole('alertdialog');
  // `contained`: it covers the audience panel only, and leaves the host usable (so not aria-modal).
  await expect(dialog).toHaveClass('zsk-dialog--contained');
  await expect(dialog).not.toHaveAttribute('aria-modal');
  const crash = panel(canvas, 'host').getByRole('button', { name: 'Crash host app' });
  const { left, top, width, height } = crash.getBoundingClientRect();
  await expect(canvasElement.ownerDocument.elementFromPoint(left + width / 2, top + height / 2)).toBe(crash);
  await expect(dialog).toHaveTextContent(t.kickedByServer);
  await expect(dialog).toHaveTextContent(PLAYGROUND.kickMessage);
  return dialog;
}

/** The kick-out dialog with the server's custom message, contained in the audience panel; the story ends with it open. */
export const KickedWithMessage: Story = {
  name: 'Audience kicked by the server (1002055)',
  parameters: shows((t) => [t.kickedTitle, t.kickedByServer, PLAYGROUND.kickMessage, t.rejoin]),
  play: async ({ canvasElement, globals }) => {
    const t = messagesOf({ globals });
    const canvas = within(canvasElement);
    await kickAudience(canvas, canvasElement, t);
    await expect(panel(canvas, 'audience').getByRole('img', { name: badgeName(t, 'kicked') })).toBeVisible();
  },
};

/** Kicked as above, then Rejoin: the audience logs in again and plays the host (the log shows the way back). */
export const KickedThenRejoin: Story = {
  name: 'Audience kicked, then rejoins',
  parameters: shows(['Audience SDK roomStateChanged KICKOUT 1002055', 'Audience SDK playerStateUpdate host-main PLAYING']),
  play: async ({ canvasElement, globals }) => {
    const t = messagesOf({ globals });
    const canvas = within(canvasElement);
    const dialog = await kickAudience(canvas, canvasElement, t);
    await userEvent.click(within(dialog).getByRole('button', { name: t.rejoin }));
    await audiencePlaying(canvas);
    await expect(panel(canvas, 'audience').queryByRole('alertdialog')).toBeNull();
    await pause(canvas);
  },
};

// ---- media health (issue 14): each fault from its button, both sides' indicators --------------
//
// Each story pauses the clock once the audience plays, and moves it only with
// the jumps (which fire every timer on the way at its own simulated time): the
// SDK's delays (≈100 ms to the other side, 3 s quality reports, RECONNECTING
// 8 s after offline, tokenWillExpire 30 s before expiry) land where the
// timeline says however busy the machine (or a docs page of 16 of them) is,
// and the story ends paused in the state it is named after.

const HOST_NAME = PLAYGROUND.host.userName;

/** Both log in and the audience plays the host; then the clock pauses. The start of every media story. */
async function started(canvasElement: HTMLElement) {
  const canvas = within(canvasElement);
  await audiencePlaying(canvas);
  await pause(canvas);
  return { canvas, host: panel(canvas, 'host'), audience: panel(canvas, 'audience') };
}

const press = (scope: Canvas, name: string) => userEvent.click(scope.getByRole('button', { name }));

/** Jumps the paused clock 10 s: every timer due on the way fires, in order. */
const jump10s = (canvas: Canvas) => press(canvas, 'Jump +10 s');

/** "Connection quality: poor", in the catalog's words: what each indicator says, and writes beside its bars. */
const quality = (t: StoryMessages, name: QualityName): string => formatMessage(t.qualityLabel, { quality: t.qualities[name] });

/** The badge of `scope` says `phase`. */
const badgeSays = (scope: Canvas, t: StatusMessages, phase: keyof StatusMessages['phases']) =>
  waitFor(() => expect(scope.getByRole('img', { name: badgeName(t, phase) })).toBeVisible());

/** The kick-out web SDK 3.12 reports when a room's token expired (KICKOUT 1102018). */
const TOKEN_EXPIRED_KICKOUT = 1102018;

/**
 * The camera is usable again (`fix`: the host's button that makes it so),
 * the device banner's Retry, a jump: the banner goes, the host publishes
 * again and is connected.
 */
async function cameraBack(canvas: Canvas, host: Canvas, t: StoryMessages, fix: string): Promise<void> {
  await press(host, fix);
  await press(host, `${t.retry} ${t.devices.camera}`);
  await waitFor(() => expect(host.queryByRole('alert')).toBeNull());
  await jump10s(canvas);
  await waitFor(() => expect(host.getByTestId('publisher-state')).toHaveTextContent('PUBLISHING'));
  await badgeSays(host, t, 'connected');
}

/** The host publishes (again) and the audience plays it, after the host's camera came back. */
const LIVE_AGAIN = (t: StoryMessages) => ['PUBLISHING', 'Host SDK publisherStateUpdate host-main PUBLISHING', t.phases.connected];

/**
 * The host turns its camera off: ≈100 ms later the audience gets
 * remoteCameraStatusUpdate MUTE, and its tile shows the host's name and
 * initial instead of a black picture; back on, the picture again (OPEN).
 * Then camera and microphone off: the name, and the muted-mic icon, where
 * the story stops.
 */
export const CameraAndMicOff: Story = {
  name: 'Host camera and mic off',
  parameters: shows([
    'Camera: off',
    'Microphone: off',
    'Audience SDK remoteCameraStatusUpdate host-main MUTE',
    'Audience SDK remoteMicStatusUpdate host-main MUTE',
  ]),
  play: async ({ canvasElement, globals, step }) => {
    const t = mediaMessagesOf({ globals });
    const { canvas, host, audience } = await started(canvasElement);
    const placeholder = formatMessage(t.cameraOff, { name: HOST_NAME });
    await step('camera off: the name instead of a black tile', async () => {
      await press(host, 'Camera off');
      await jump10s(canvas);
      await waitFor(() => expect(audience.getByRole('img', { name: placeholder })).toBeVisible());
      await expect(host.getByRole('button', { name: 'Camera off' })).toHaveAttribute('aria-pressed', 'true');
      await expect(host.getByTestId('host-camera')).toHaveTextContent('off');
      expectInOrder(linesAfter(canvas, 'mutePublishStreamVideo(camera, true)'), ['Audience SDK remoteCameraStatusUpdate host-main MUTE']);
    });
    await step('camera on again: the picture', async () => {
      await press(host, 'Camera off');
      await jump10s(canvas);
      await waitFor(() => expect(audience.queryByRole('img', { name: placeholder })).toBeNull());
      expectInOrder(linesAfter(canvas, 'mutePublishStreamVideo(camera, false)'), ['Audience SDK remoteCameraStatusUpdate host-main OPEN']);
    });
    await step('camera and mic off: the name and the muted-mic icon', async () => {
      await press(host, 'Camera off');
      await press(host, 'Mic off');
      await jump10s(canvas);
      await waitFor(() => expect(audience.getByRole('img', { name: placeholder })).toBeVisible());
      await expect(audience.getByRole('img', { name: t.microphoneOff })).toBeVisible();
      await expect(host.getByTestId('host-microphone')).toHaveTextContent('off');
      expectInOrder(linesAfter(canvas, 'mutePublishStreamAudio(camera, true)'), ['Audience SDK remoteMicStatusUpdate host-main MUTE']);
    });
  },
};

/**
 * Network quality from the SDK's 3 s reports: the host's upload goes poor;
 * after the next report the host's own sending indicator, the audience's
 * indicators for the host's network and for the stream, and the tile's
 * "Weak network" hint all say so. Back to excellent, the hint goes.
 */
export const NetworkQuality: Story = {
  name: 'Host upload poor, then excellent',
  parameters: shows((t) => [quality(t, 'excellent'), 'Audience SDK networkQuality host up 0 down 0', 'Host SDK publishQualityUpdate host-main video 0 audio 0']),
  play: async ({ canvasElement, globals, step }) => {
    const t = mediaMessagesOf({ globals });
    const { canvas, host, audience } = await started(canvasElement);
    await step('upload poor, jump 10 s: every indicator says poor, the tile says weak network', async () => {
      await press(host, 'Upload: poor');
      await jump10s(canvas);
      await waitFor(() => expect(audience.getByTestId('audience-host-quality')).toHaveAccessibleName(quality(t, 'poor')));
      await expect(audience.getByTestId('audience-play-quality')).toHaveAttribute('data-quality', 'poor');
      await expect(host.getByTestId('host-send-quality')).toHaveAttribute('data-quality', 'poor');
      await shows_(audience, t.weakNetwork);
    });
    await step('upload excellent, jump 10 s: every indicator says excellent, the hint goes', async () => {
      await press(host, 'Upload: excellent');
      await jump10s(canvas);
      await waitFor(() => expect(audience.getByTestId('audience-host-quality')).toHaveAccessibleName(quality(t, 'excellent')));
      await expect(audience.getByTestId('audience-play-quality')).toHaveAttribute('data-quality', 'excellent');
      await expect(host.getByTestId('host-send-quality')).toHaveAttribute('data-quality', 'excellent');
      await expect(audience.queryByText(t.weakNetwork)).toBeNull();
    });
  },
};

/**
 * The host's camera is unplugged mid-call: deviceError 1006006 and
 * videoDeviceStateChanged DELETE; the device banner says what happened and
 * what to do, the audience sees the camera go. Plugged back in, Retry in the
 * banner captures and publishes again, and the audience plays it.
 */
export const CameraUnplugged: Story = {
  name: 'Host camera unplugged, then Retry',
  parameters: shows(LIVE_AGAIN),
  play: async ({ canvasElement, globals, step }) => {
    const t = mediaMessagesOf({ globals });
    const { canvas, host, audience } = await started(canvasElement);
    const placeholder = formatMessage(t.cameraOff, { name: HOST_NAME });
    await step('unplug: the banner, and the camera off for the audience', async () => {
      await press(host, 'Unplug camera');
      const alert = await host.findByRole('alert');
      await expect(alert).toHaveTextContent(formatMessage(t.deviceFailed, { device: t.devices.camera }));
      await expect(alert).toHaveTextContent(describeDeviceError(1006006, t.errors).message);
      await jump10s(canvas);
      await waitFor(() => expect(audience.getByRole('img', { name: placeholder })).toBeVisible());
      expectInOrder(linesAfter(canvas, 'the camera is unplugged'), [
        'Host SDK deviceError 1006006 Simulated Camera',
        'Host SDK videoDeviceStateChanged DELETE Simulated Camera',
        'Audience SDK remoteCameraStatusUpdate host-main MUTE',
      ]);
    });
    await step('plug it in, Retry, jump 10 s: publishing again, the banner gone, the audience plays the new stream', async () => {
      await cameraBack(canvas, host, t, 'Plug camera in');
      await audiencePlaying(canvas);
      await waitFor(() => expect(audience.queryByRole('img', { name: placeholder })).toBeNull());
    });
  },
};

/** The browser denies the camera (createZegoStream rejects 1103064): the banner with what to do; allowed again, Retry works. */
export const CameraDenied: Story = {
  name: 'Host camera denied, then allowed',
  parameters: shows(LIVE_AGAIN),
  play: async ({ canvasElement, globals, step }) => {
    const t = mediaMessagesOf({ globals });
    const { canvas, host } = await started(canvasElement);
    await step('deny: the banner says what to do', async () => {
      await press(host, 'Deny camera');
      const alert = await host.findByRole('alert');
      await expect(alert).toHaveTextContent(describeDeviceError(1103064, t.errors).message);
      expectInOrder(linesAfter(canvas, 'the browser denies the camera'), ['Host SDK createZegoStream rejected 1103064: NotAllowedError: get device not allowed']);
    });
    await step('allow, Retry, jump 10 s: publishing again, the banner gone', () => cameraBack(canvas, host, t, 'Allow camera'));
  },
};

/**
 * The browser goes offline: the banner says so at once, while the room is
 * still connected as far as the SDK says; its RECONNECTING comes 8 s later
 * (web SDK 3.12 holds the first one back). Online again, at 1×: RECONNECTED,
 * "Reconnected" for a moment, then connected, where the story stops.
 */
export const Offline: Story = {
  name: 'Host offline, then online',
  parameters: shows((t) => ['Host SDK browser online', 'Host SDK roomStateChanged RECONNECTED', t.phases.connected]),
  play: async ({ canvasElement, globals, step }) => {
    const t = mediaMessagesOf({ globals });
    const { canvas, host } = await started(canvasElement);
    await step('offline: the banner at once, the room still connected', async () => {
      await press(host, 'Go offline');
      await shows_(host, t.offline);
      await expect(host.getByRole('img', { name: badgeName(t, 'connected') })).toBeVisible();
    });
    await step('jump 10 s: the SDK says RECONNECTING, 8 s after the browser did', async () => {
      await jump10s(canvas);
      await badgeSays(host, t, 'reconnecting');
      const lines = linesAfter(canvas, 'the browser goes offline');
      const offline = lines.find((line) => line.includes('Host SDK browser offline'))!;
      const reconnecting = lines.find((line) => line.includes('Host SDK roomStateChanged RECONNECTING 1000017'))!;
      expect(stampOf(reconnecting) - stampOf(offline)).toBeCloseTo(8, 0);
    });
    await step('online, then 1×: RECONNECTED, then connected; paused there', async () => {
      await press(host, 'Go online');
      await press(canvas, '1×');
      await shows_(host, t.reconnected);
      expectInOrder(linesAfter(canvas, 'the browser is back online'), ['Host SDK browser online', 'Host SDK roomStateChanged RECONNECTED']);
      await badgeSays(host, t, 'connected');
      await pause(canvas);
    });
  },
};

/** tokenWillExpire 30 s before the expiry: useTokenRenewal fetches a token and renewToken takes it; no kick-out at the expiry. */
export const TokenRenewed: Story = {
  name: 'Host token renewed before it expires',
  parameters: shows((t) => ['Host policy token renewal renewed', t.phases.connected]),
  play: async ({ canvasElement, globals }) => {
    const t = mediaMessagesOf({ globals });
    const { canvas, host } = await started(canvasElement);
    await press(host, 'Token expires in 40 s');
    await jump10s(canvas);
    await waitFor(() =>
      expectInOrder(linesAfter(canvas, 'the token expires in 40 s'), [
        'Host SDK tokenWillExpire live-1',
        'Host policy fetchToken(live-1), then renewToken',
        'Host policy token renewal renewed',
      ]),
    );
    await press(canvas, 'Jump +90 s');
    await expect(linesAfter(canvas, 'the token expires in 40 s').some((line) => line.includes('KICKOUT'))).toBe(false);
    await badgeSays(host, t, 'connected');
    await expect(host.queryByText(t.tokenExpiring)).toBeNull();
  },
};

/**
 * The app's token server is down: the renewal fails and the banner counts
 * the session down with the error; at the expiry the ZEGO server kicks the
 * audience out (KICKOUT 1102018, as web SDK 3.12 reports a token that
 * expired), where the story stops.
 */
export const TokenExpires: Story = {
  name: 'Audience token not renewed: expiring, then kicked out',
  parameters: shows((t) => [t.kickedTitle, describeError(TOKEN_EXPIRED_KICKOUT, t.errors).message, t.rejoin, `Audience SDK roomStateChanged KICKOUT ${TOKEN_EXPIRED_KICKOUT}`]),
  play: async ({ canvasElement, globals, step }) => {
    const t = mediaMessagesOf({ globals });
    const { canvas, audience } = await started(canvasElement);
    await step('token server down, 40 s left; jump 20 s: the warning, the renewal fails, the banner counts down', async () => {
      await press(audience, 'Token server down');
      await press(audience, 'Token expires in 40 s');
      await jump10s(canvas);
      await jump10s(canvas);
      await shows_(audience, t.tokenExpiring);
      await waitFor(() => expect(audience.getByText(t.tokenRenewFailed, { exact: false })).toBeVisible());
    });
    await step('jump to the expiry: kicked out with 1102018', async () => {
      await press(canvas, 'Jump +90 s');
      const dialog = await audience.findByRole('alertdialog');
      await expect(dialog).toHaveTextContent(t.kickedTitle);
      await expect(dialog).toHaveTextContent(describeError(TOKEN_EXPIRED_KICKOUT, t.errors).message);
      expectInOrder(linesAfter(canvas, 'the token expires in 40 s'), [`Audience SDK roomStateChanged KICKOUT ${TOKEN_EXPIRED_KICKOUT}`]);
    });
  },
};

/**
 * The audience's page reloads in a browser that refuses sound until a user
 * gesture: the picture plays muted and the tile offers "Turn on sound"; one
 * click plays it with sound (and counts for the rest of the page).
 */
export const AutoplayBlocked: Story = {
  name: 'Audience autoplay blocked, then a click',
  parameters: shows(['Audience SDK autoplay blocked (audio) host-main', 'Audience SDK autoplay resumed host-main']),
  play: async ({ canvasElement, globals }) => {
    const t = mediaMessagesOf({ globals });
    const { audience } = await started(canvasElement);
    await press(audience, 'Reload: sound blocked');
    const prompt = await audience.findByRole('button', { name: `${t.turnOnSound} ${HOST_NAME}` });
    const video = canvasElement.querySelector<HTMLVideoElement>('[data-testid="audience-panel"] video')!;
    await expect(video.muted).toBe(true);
    await expect(audience.getByRole('button', { name: t.turnOnSound })).toBeVisible(); // the page-level StartMediaButton
    await userEvent.click(prompt);
    await waitFor(() => expect(video.muted).toBe(false));
    await waitFor(() => expect(audience.queryByRole('button', { name: `${t.turnOnSound} ${HOST_NAME}` })).toBeNull());
    await expect(audience.queryByRole('button', { name: t.turnOnSound })).toBeNull();
  },
};

/** exceptionUpdate 1008 (decode failed) on the audience's stream: "Video is stuttering" on the tile until 2008. */
export const Stuttering: Story = {
  name: 'Audience decode failed, then back',
  parameters: shows(['Audience SDK exceptionUpdate host-main 1008', 'Audience SDK exceptionUpdate host-main 2008']),
  play: async ({ canvasElement, globals }) => {
    const t = mediaMessagesOf({ globals });
    const { audience } = await started(canvasElement);
    await press(audience, 'Decode failed (1008)');
    await shows_(audience, t.stuttering);
    await press(audience, 'Decoding back (2008)');
    await waitFor(() => expect(audience.queryByText(t.stuttering)).toBeNull());
  },
};
