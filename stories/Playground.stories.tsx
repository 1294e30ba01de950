import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { StatusMessages } from '../src/react/index.js';
import { zhCN } from '../src/react/zh-CN.js';
import { PLAYGROUND, Playground } from './playground/Playground.js';
import { formatDuration } from '../src/react/format.js';
import { messagesOf, say, shows } from './support/status-story.js';

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
  await waitFor(() => expect(canvas.getByText(text)).toBeVisible(), { timeout: 5_000 });
}

async function audiencePlaying(canvas: Canvas): Promise<void> {
  await waitFor(() => expect(panel(canvas, 'audience').getByTestId('player-state')).toHaveTextContent('PLAYING'), {
    timeout: 10_000,
  });
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
