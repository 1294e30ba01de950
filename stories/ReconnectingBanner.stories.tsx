import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { describeError } from '../src/core/errors.js';
import { ReconnectingBanner } from '../src/react/index.js';
import type { StatusMessages } from '../src/react/i18n/messages.js';
import { AppFrame } from './support/app-frame.js';
import {
  MINUTE,
  SECOND,
  STREAM,
  SimulatorErrorCode,
  dropNetwork,
  login,
  messagesOf,
  player,
  reconnectFailed,
  replayGaveUp,
  room,
  say,
  shows,
  statusOf,
  wait,
  watching,
  withStatus,
  type StatusScript,
  type StatusStoryOptions,
} from './support/status-story.js';
import { inDocsPage, settle } from './support/play.js';
import { expectArgsTable, hasDocgen } from './support/docs-args.js';

const meta = {
  title: 'Components/ReconnectingBanner',
  component: ReconnectingBanner,
  args: { onRetry: fn() },
  argTypes: {
    store: { control: false },
    messages: { control: false },
  },
  // The banner in its place in an app: a room card with its badge and the host's
  // video, so the states in which the banner rightly shows nothing show the app.
  render: (args) => (
    <AppFrame>
      <ReconnectingBanner {...args} />
    </AppFrame>
  ),
  parameters: {
    docs: {
      description: {
        component:
          'One story per room reason, each in a small app frame: the room card with its `ConnectionStatusBadge`, the banner ' +
          'above the host video (`StreamView`) and a contained `KickedOutOverlay`, all on one store. Each builds its state by ' +
          'dispatching the SDK callbacks on a manual clock (web SDK retry time, 5 min), so what you see is what the reducer ' +
          'makes of them. The time shown is frozen at the end of the timeline; **Outage flow** moves the clock from its play ' +
          'function, **Placement** shows the banner over the video (`placement="top" contained`), which moves nothing.',
      },
    },
  },
} satisfies Meta<typeof ReconnectingBanner>;
export default meta;

type Story = StoryObj<typeof meta>;

/** The banner's place in the app frame (the frame has other live regions: the tile's overlay). */
const bannerSlot = (canvasElement: HTMLElement) => {
  const slot = canvasElement.querySelector<HTMLElement>('.story-app__banner');
  if (!slot) throw new Error('no banner slot: the story renders outside AppFrame');
  return within(slot);
};

/**
 * Nothing shown: the banner's polite live region is there, hidden and empty
 * (it stays mounted so that what it says later is announced), and no alert.
 */
const noBanner = async (canvasElement: HTMLElement): Promise<HTMLElement> => {
  const slot = bannerSlot(canvasElement);
  const region = slot.getByRole('status');
  await expect(region).toHaveAttribute('data-state', 'hidden');
  await expect(region).toBeEmptyDOMElement();
  await expect(slot.queryByRole('alert')).toBeNull();
  return region;
};

/** The app frame's badge says `phase`: what the user sees while the banner is quiet. */
const badgeSays = async (canvasElement: HTMLElement, t: StatusMessages, phase: keyof StatusMessages['phases']) => {
  const badge = within(canvasElement).getByRole('img', { name: say(t, t.phaseLabel, 0, { phase: t.phases[phase] }) });
  await expect(badge).toHaveTextContent(t.phases[phase]);
};

/** Watching the host's test pattern, as an audience member of the app would be. */
const watchingWith = (script: StatusScript, options: StatusStoryOptions = {}) => withStatus(script, { testPatterns: [STREAM], ...options });

/** LOGINING, 1 s in: a normal login takes ≈120 ms (seed 003, T1), so nothing is shown before the 3 s notice. */
export const Logining: Story = {
  ...withStatus([room('LOGINING'), wait(1 * SECOND)]),
  parameters: {
    caption:
      'LOGINING for 1 s: the badge says "Connecting" and the banner says nothing yet (an empty live region): a login takes ' +
      'about 120 ms, so "Connecting…" appears only after 3 s.',
    ...shows((t) => [t.phases.connecting]),
  },
  play: async ({ canvasElement, globals }) => {
    await noBanner(canvasElement);
    await badgeSays(canvasElement, messagesOf({ globals }), 'connecting');
  },
};

/** LOGINING for 4 s: the web SDK keeps trying for its whole retry time (web SDK 3.12, as measured in Chromium), so say so. */
export const LoginingPastNotice: Story = {
  ...withStatus([room('LOGINING'), wait(4 * SECOND)]),
  parameters: shows((t) => [t.connecting, say(t, t.connectingElapsed, 4 * SECOND), say(t, t.connectingRemaining, 4 * MINUTE + 56 * SECOND)]),
  play: async ({ canvasElement, globals }) => {
    const t = messagesOf({ globals });
    const banner = bannerSlot(canvasElement).getByRole('status');
    await expect(banner).toHaveAttribute('data-state', 'connecting');
    await expect(banner).toHaveTextContent(t.connecting);
    await expect(banner).toHaveTextContent(say(t, t.connectingElapsed, 4 * SECOND));
    await expect(banner).toHaveTextContent(say(t, t.connectingRemaining, 4 * MINUTE + 56 * SECOND));
  },
};

/** LOGINED: connected, the banner renders only its empty live region. */
export const Logined: Story = {
  ...watchingWith([watching, wait(10 * SECOND)]),
  parameters: {
    caption: 'LOGINED: connected and watching the host, so the banner says nothing (it renders an empty live region); the badge says "Connected".',
    ...shows((t) => [t.phases.connected]),
  },
  play: async (context) => {
    const { canvasElement, globals, argTypes, component, step } = context;
    await noBanner(canvasElement);
    await badgeSays(canvasElement, messagesOf({ globals }), 'connected');
    await step('the docs args table shows the JSDoc defaults, and links as code', async () => {
      await expectArgsTable(context);
      if (!hasDocgen(component)) return; // docs are left out under the vitest plugin
      await expect(argTypes['placement']?.table?.defaultValue?.summary).toBe("'inline'");
      await expect(argTypes['reconnectedMs']?.table?.defaultValue?.summary).toBe('RECONNECTED_CONFIRMATION_MS (2000 ms)');
    });
  },
};

/** LOGIN_FAILED 1002033: the token is wrong or expired (seed 002); Retry is offered. */
export const LoginFailed: Story = {
  ...withStatus([room('LOGINING'), wait(120), room('LOGIN_FAILED', SimulatorErrorCode.TOKEN_EXPIRED)]),
  parameters: shows((t) => [t.loginFailed, describeError(SimulatorErrorCode.TOKEN_EXPIRED, t.errors).message, t.retry]),
  play: async ({ canvasElement, args, globals }) => {
    const t = messagesOf({ globals });
    const banner = bannerSlot(canvasElement).getByRole('alert');
    await expect(banner).toHaveAttribute('data-state', 'failed');
    await expect(banner).toHaveAttribute('aria-live', 'assertive');
    await expect(banner).toHaveTextContent(t.loginFailed);
    await expect(banner).toHaveTextContent(describeError(SimulatorErrorCode.TOKEN_EXPIRED, t.errors).message);
    await userEvent.click(within(banner).getByRole('button', { name: t.retry }));
    await expect(args.onRetry).toHaveBeenCalledTimes(1);
  },
};

/** RECONNECTING, 12 s into the outage: elapsed time and time left before the SDK gives up. */
export const ReconnectingEarly: Story = {
  ...watchingWith([watching, wait(MINUTE), dropNetwork, wait(12 * SECOND)]),
  parameters: shows((t) => [t.reconnecting, say(t, t.reconnectingElapsed, 12 * SECOND), say(t, t.reconnectingRemaining, 4 * MINUTE + 48 * SECOND)]),
  play: async ({ canvasElement, globals }) => {
    const t = messagesOf({ globals });
    const banner = bannerSlot(canvasElement).getByRole('status');
    await expect(banner).toHaveAttribute('data-state', 'reconnecting');
    await expect(banner).toHaveTextContent(say(t, t.reconnectingElapsed, 12 * SECOND));
    await expect(banner).toHaveTextContent(say(t, t.reconnectingRemaining, 4 * MINUTE + 48 * SECOND));
    await expect(banner).not.toHaveTextContent(t.heartbeatTimedOut);
  },
};

/** RECONNECTING past the 90 s heartbeat timeout: the others now see this user as gone (seed 003, T4'). */
export const ReconnectingPastHeartbeat: Story = {
  ...watchingWith([watching, dropNetwork, wait(95 * SECOND)]),
  parameters: shows((t) => [say(t, t.reconnectingElapsed, 95 * SECOND), t.heartbeatTimedOut]),
  play: async ({ canvasElement, globals }) => {
    const t = messagesOf({ globals });
    const banner = bannerSlot(canvasElement).getByRole('status');
    await expect(banner).toHaveTextContent(say(t, t.reconnectingElapsed, 95 * SECOND));
    await expect(banner).toHaveTextContent(t.heartbeatTimedOut);
  },
};

/** RECONNECTING 10 s before the retry deadline (5 min on web). */
export const ReconnectingNearDeadline: Story = {
  ...watchingWith([watching, dropNetwork, wait(4 * MINUTE + 50 * SECOND)]),
  parameters: shows((t) => [say(t, t.reconnectingRemaining, 10 * SECOND)]),
  play: async ({ canvasElement, globals }) => {
    const t = messagesOf({ globals });
    await expect(bannerSlot(canvasElement).getByRole('status')).toHaveTextContent(say(t, t.reconnectingRemaining, 10 * SECOND));
  },
};

/** RECONNECTED after a 30 s outage the banner showed: "Reconnected" for 2 s. */
export const Reconnected: Story = {
  ...watchingWith([watching, dropNetwork, wait(30 * SECOND)], { afterMount: [room('RECONNECTED')] }),
  parameters: shows((t) => [t.reconnected]),
  play: async ({ canvasElement, globals }) => {
    const banner = await bannerSlot(canvasElement).findByRole('status');
    await waitFor(() => expect(banner).toHaveAttribute('data-state', 'reconnected'));
    await expect(banner).toHaveTextContent(messagesOf({ globals }).reconnected);
  },
};

/** RECONNECT_FAILED 1002053 at T3 + 5 min; the player had failed too, and the policy gave up on it. */
const reconnectFailedGaveUp = [reconnectFailed, replayGaveUp(1)];

/**
 * RECONNECT_FAILED 1002053: the retry time ran out; Retry is offered by the
 * banner only. The tile says the stream is unavailable because the room is,
 * without a Retry of its own: one failure, one Retry (rejoining plays every
 * stream again; replaying one outside the room cannot work).
 */
export const ReconnectFailed: Story = {
  ...withStatus(reconnectFailedGaveUp),
  parameters: shows((t) => [t.reconnectFailed, describeError(SimulatorErrorCode.RECONNECT_FAILED, t.errors).message, t.retry, t.streamRoomFailed]),
  play: async ({ canvasElement, args, globals }) => {
    const t = messagesOf({ globals });
    const banner = bannerSlot(canvasElement).getByRole('alert');
    await expect(banner).toHaveTextContent(t.reconnectFailed);
    await expect(banner).toHaveTextContent(describeError(SimulatorErrorCode.RECONNECT_FAILED, t.errors).message);
    const tile = within(canvasElement).getAllByRole('alert').find((alert) => alert !== banner)!;
    await expect(tile).toHaveTextContent(t.streamUnavailable);
    await expect(tile).toHaveTextContent(t.streamRoomFailed);
    // One failure, one Retry on the whole page.
    await expect(within(canvasElement).getAllByRole('button', { name: new RegExp(t.retry) })).toHaveLength(1);
    await userEvent.click(within(banner).getByRole('button', { name: t.retry }));
    await expect(args.onRetry).toHaveBeenCalledTimes(1);
  },
};

/**
 * RECONNECT_FAILED, then Retry (the app logs in again, LOGINING at once): the
 * banner says "Connecting…" straight away and holds the focus the Retry
 * button had; the alert it was in is gone, and focus did not fall to the page.
 */
export const RetryThenConnecting: Story = {
  ...withStatus(reconnectFailedGaveUp),
  render: (args, { loaded }) => (
    <AppFrame>
      <ReconnectingBanner {...args} onRetry={() => statusOf({ loaded }).run([room('LOGINING')])} />
    </AppFrame>
  ),
  parameters: {
    ...shows((t) => [t.connecting, say(t, t.connectingElapsed, 0)]),
    // The docs page runs this play function too, so it shows the state the story is named after.
    docs: { story: { autoplay: true } },
  },
  play: async ({ canvasElement, globals }) => {
    const t = messagesOf({ globals });
    const slot = bannerSlot(canvasElement);
    await userEvent.click(slot.getByRole('button', { name: t.retry }));
    const banner = await slot.findByRole('status');
    await waitFor(() => expect(banner).toHaveTextContent(t.connecting));
    await expect(slot.queryByRole('alert')).toBeNull();
    // Focus is only observable in a focused document, and not among the other stories of a docs page.
    if (!inDocsPage(canvasElement) && canvasElement.ownerDocument.hasFocus()) await waitFor(() => expect(banner).toHaveFocus());
  },
};

/** KICKOUT: the banner stays out of the way; KickedOutOverlay explains. */
export const Kickout: Story = {
  ...watchingWith([watching, wait(MINUTE), room('KICKOUT', SimulatorErrorCode.KICKED_DUPLICATE_LOGIN), player('NO_PLAY')]),
  parameters: {
    caption: 'KICKOUT 1002050: the banner says nothing (an empty live region); the KickedOutOverlay dialog explains, over the room.',
    ...shows((t) => [t.kickedTitle, t.kickedElsewhere, t.phases.kicked]),
  },
  play: async ({ canvasElement, globals }) => {
    const t = messagesOf({ globals });
    await noBanner(canvasElement);
    await expect(within(canvasElement).getByRole('alertdialog', { name: t.kickedTitle })).toHaveTextContent(t.kickedElsewhere);
    await badgeSays(canvasElement, t, 'kicked');
  },
};

/** LOGOUT: left the room on purpose; nothing to say. */
export const Logout: Story = {
  ...withStatus([watching, wait(MINUTE), player('NO_PLAY'), room('LOGOUT')]),
  parameters: {
    caption: 'LOGOUT: the user left on purpose; nothing went wrong, so the banner says nothing (an empty live region); the badge says "Not connected".',
    ...shows((t) => [t.phases.idle]),
  },
  play: async ({ canvasElement, globals }) => {
    await noBanner(canvasElement);
    await badgeSays(canvasElement, messagesOf({ globals }), 'idle');
  },
};

/** LOGOUT_FAILED 1002002: the phase is unchanged (still connected), so nothing is shown. */
export const LogoutFailed: Story = {
  ...watchingWith([watching, wait(MINUTE), room('LOGOUT_FAILED', SimulatorErrorCode.LOGOUT_ROOM_NOT_FOUND)]),
  parameters: {
    caption:
      'LOGOUT_FAILED 1002002: the logout did not happen, so the room is still connected and the video plays on; the banner says nothing (an empty live region).',
    ...shows((t) => [t.phases.connected]),
  },
  play: async ({ canvasElement, globals }) => {
    await noBanner(canvasElement);
    await badgeSays(canvasElement, messagesOf({ globals }), 'connected');
  },
};

/** The zh-CN catalog, past the heartbeat mark. */
export const ReconnectingZhCN: Story = {
  ...watchingWith([watching, dropNetwork, wait(95 * SECOND)]),
  globals: { locale: 'zh-CN' },
  parameters: shows(['正在重新连接…', '已断开 1 分 35 秒', '房间内其他人现在会看到你已离开。']),
  play: async ({ canvasElement }) => {
    const banner = bannerSlot(canvasElement).getByRole('status');
    await expect(banner).toHaveTextContent('1 分 35 秒');
  },
};

/**
 * The whole outage, driven from the play function on the story's clock:
 * connected, the network drops (banner appears), the countdown runs, the 90 s
 * note appears, RECONNECTED shows "Reconnected", which goes away 2 s later.
 * All of it in the one live region that was there, empty, before the drop.
 */
export const OutageFlow: Story = {
  ...watchingWith([watching, wait(MINUTE)]),
  render: (args) => (
    <AppFrame transcript>
      <ReconnectingBanner {...args} />
    </AppFrame>
  ),
  parameters: {
    caption: 'Connected. The play function runs an outage on the story clock; the list under the room is what the banner said, in order.',
    // The docs page runs this play function too, so it shows the state the story is named after.
    docs: { story: { autoplay: true } },
    ...shows((t) => [t.reconnecting, t.heartbeatTimedOut, t.reconnected, t.phases.connected]),
  },
  play: async ({ canvasElement, loaded, globals, step }) => {
    const status = statusOf({ loaded });
    const t = messagesOf({ globals });
    const canvas = bannerSlot(canvasElement);
    let region: HTMLElement | undefined;
    await step('connected: no banner, only its empty live region', async () => {
      region = await noBanner(canvasElement);
    });

    await step('T3 network drop: "Reconnecting…" at once, inside the region that was there', async () => {
      status.run([dropNetwork]);
      await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent(t.reconnecting));
      const banner = canvas.getByRole('status');
      await expect(banner).toBe(region);
      await expect(banner).toHaveAttribute('data-state', 'reconnecting');
      await expect(banner).toHaveTextContent(say(t, t.reconnectingElapsed, 0));
      await expect(banner).toHaveTextContent(say(t, t.reconnectingRemaining, 5 * MINUTE));
    });

    await step('T3 + 1 s, + 10 s: the countdown moves', async () => {
      await settle();
      status.advance(1 * SECOND);
      await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent(say(t, t.reconnectingElapsed, 1 * SECOND)));
      await expect(canvas.getByRole('status')).toHaveTextContent(say(t, t.reconnectingRemaining, 4 * MINUTE + 59 * SECOND));
      await settle();
      status.advance(9 * SECOND);
      await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent(say(t, t.reconnectingRemaining, 4 * MINUTE + 50 * SECOND)));
      await expect(canvas.getByRole('status')).not.toHaveTextContent(t.heartbeatTimedOut);
    });

    await step("T3 + 90 s: the heartbeat note (seed 003, T4')", async () => {
      await settle();
      status.advance(80 * SECOND);
      await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent(t.heartbeatTimedOut));
      await expect(canvas.getByRole('status')).toHaveTextContent(say(t, t.reconnectingElapsed, 90 * SECOND));
    });

    await step('RECONNECTED: "Reconnected", gone 2 s later', async () => {
      await settle();
      status.run([room('RECONNECTED')]);
      await waitFor(() => expect(canvas.getByRole('status')).toHaveAttribute('data-state', 'reconnected'));
      await expect(canvas.getByRole('status')).toHaveTextContent(t.reconnected);
      await settle();
      status.advance(1999);
      await settle();
      await expect(canvas.getByRole('status')).toHaveTextContent(t.reconnected);
      status.advance(1);
      await waitFor(() => expect(canvas.getByRole('status')).toHaveAttribute('data-state', 'hidden'));
      await expect(canvas.getByRole('status')).toBe(region);
      await noBanner(canvasElement);
    });

    await step('the transcript under the room lists what the banner said', async () => {
      const said = within(within(canvasElement).getByRole('region', { name: 'What the banner said' }));
      await waitFor(() => expect(said.getAllByRole('listitem').length).toBeGreaterThanOrEqual(4));
      const items = said.getAllByRole('listitem').map((item) => item.textContent ?? '');
      await expect(items[0]).toContain(t.reconnecting);
      await expect(items.some((item) => item.includes(t.heartbeatTimedOut))).toBe(true);
      await expect(items.some((item) => item.includes(t.reconnected))).toBe(true);
    });
  },
};

/**
 * `placement="top" contained`: the banner lies over the top of the video
 * instead of pushing it down; the page does not move when it appears (the
 * inline default moves what follows by the banner's height). `--zsk-z-banner`
 * stacks it above the tile.
 */
export const Placement: Story = {
  ...watchingWith([watching, wait(MINUTE)]),
  args: { placement: 'top', contained: true },
  parameters: {
    ...shows((t) => [t.reconnecting, say(t, t.reconnectingElapsed, 0)]),
    // The docs page runs this play function too, so it shows the state the story is named after.
    docs: { story: { autoplay: true } },
  },
  play: async ({ canvasElement, loaded, globals }) => {
    const t = messagesOf({ globals });
    const video = canvasElement.querySelector('.story-app__video')!;
    const room = canvasElement.querySelector('.story-app')!;
    // The video's box within the room card (a docs page may move the card as other stories change).
    const place = () => {
      const [box, card] = [video.getBoundingClientRect(), room.getBoundingClientRect()];
      return { top: box.top - card.top, left: box.left - card.left, width: box.width, height: box.height };
    };
    const before = place();
    statusOf({ loaded }).run([dropNetwork]);
    const banner = bannerSlot(canvasElement).getByRole('status');
    await waitFor(() => expect(banner).toHaveTextContent(t.reconnecting));
    await expect(banner).toHaveAttribute('data-placement', 'top');
    await expect(place()).toEqual(before);
    // Over the video, and on top of it (on screen: not checked on a docs page, where it may be scrolled away).
    const box = banner.getBoundingClientRect();
    await expect(box.top).toBeGreaterThanOrEqual(video.getBoundingClientRect().top);
    if (inDocsPage(canvasElement)) return;
    const probe = canvasElement.ownerDocument.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    await expect(banner.contains(probe)).toBe(true);
  },
};
