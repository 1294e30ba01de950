import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { describeError } from '../src/core/errors.js';
import { ReconnectingBanner } from '../src/react/index.js';
import {
  MINUTE,
  SECOND,
  SimulatorErrorCode,
  dropNetwork,
  login,
  messagesOf,
  room,
  say,
  statusOf,
  wait,
  withStatus,
} from './support/status-story.js';
import { settle } from './support/play.js';

const meta = {
  title: 'Components/ReconnectingBanner',
  component: ReconnectingBanner,
  args: { onRetry: fn() },
  argTypes: {
    store: { control: false },
    messages: { control: false },
  },
  parameters: {
    docs: {
      description: {
        component:
          'One story per room reason. Each builds its state by dispatching `roomStateChanged` events on a manual clock ' +
          '(web SDK retry time, 5 min), so what you see is what the reducer makes of the SDK callbacks. The time shown is frozen ' +
          'at the end of the timeline; the **Outage flow** story moves the clock from its play function.',
      },
    },
  },
} satisfies Meta<typeof ReconnectingBanner>;
export default meta;

type Story = StoryObj<typeof meta>;

/**
 * Nothing shown: the banner's polite live region is there, hidden and empty
 * (it stays mounted so that what it says later is announced), and no alert.
 */
const noBanner = async (canvasElement: HTMLElement): Promise<HTMLElement> => {
  const canvas = within(canvasElement);
  const region = canvas.getByRole('status');
  await expect(region).toHaveAttribute('data-state', 'hidden');
  await expect(region).toBeEmptyDOMElement();
  await expect(canvas.queryByRole('alert')).toBeNull();
  return region;
};

/** LOGINING, 1 s in: a normal login takes ≈120 ms (seed 003, T1), so nothing is shown before the 3 s notice. */
export const Logining: Story = {
  ...withStatus([room('LOGINING'), wait(1 * SECOND)]),
  parameters: { caption: 'LOGINING for 1 s: no banner yet (an empty live region); "Connecting…" appears in it only after 3 s.' },
  play: async ({ canvasElement }) => {
    await noBanner(canvasElement);
  },
};

/** LOGINING for 4 s: the web SDK keeps trying for its whole retry time (DESIGN §4), so say so. */
export const LoginingPastNotice: Story = {
  ...withStatus([room('LOGINING'), wait(4 * SECOND)]),
  play: async ({ canvasElement, globals }) => {
    const t = messagesOf({ globals });
    const banner = within(canvasElement).getByRole('status');
    await expect(banner).toHaveAttribute('data-state', 'connecting');
    await expect(banner).toHaveTextContent(t.connecting);
    await expect(banner).toHaveTextContent(say(t, t.connectingElapsed, 4 * SECOND));
    await expect(banner).toHaveTextContent(say(t, t.connectingRemaining, 4 * MINUTE + 56 * SECOND));
  },
};

/** LOGINED: connected, the banner renders only its empty live region. */
export const Logined: Story = {
  ...withStatus([login, wait(10 * SECOND)]),
  parameters: { caption: 'LOGINED: connected, so the banner shows nothing (it renders an empty live region).' },
  play: async ({ canvasElement }) => {
    await noBanner(canvasElement);
  },
};

/** LOGIN_FAILED 1002033: the token is wrong or expired (seed 002); Retry is offered. */
export const LoginFailed: Story = {
  ...withStatus([room('LOGINING'), wait(120), room('LOGIN_FAILED', SimulatorErrorCode.TOKEN_EXPIRED)]),
  play: async ({ canvasElement, args, globals }) => {
    const t = messagesOf({ globals });
    const banner = within(canvasElement).getByRole('alert');
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
  ...withStatus([login, wait(MINUTE), dropNetwork, wait(12 * SECOND)]),
  play: async ({ canvasElement, globals }) => {
    const t = messagesOf({ globals });
    const banner = within(canvasElement).getByRole('status');
    await expect(banner).toHaveAttribute('data-state', 'reconnecting');
    await expect(banner).toHaveTextContent(say(t, t.reconnectingElapsed, 12 * SECOND));
    await expect(banner).toHaveTextContent(say(t, t.reconnectingRemaining, 4 * MINUTE + 48 * SECOND));
    await expect(banner).not.toHaveTextContent(t.heartbeatTimedOut);
  },
};

/** RECONNECTING past the 90 s heartbeat timeout: the others now see this user as gone (seed 003, T4'). */
export const ReconnectingPastHeartbeat: Story = {
  ...withStatus([login, dropNetwork, wait(95 * SECOND)]),
  play: async ({ canvasElement, globals }) => {
    const t = messagesOf({ globals });
    const banner = within(canvasElement).getByRole('status');
    await expect(banner).toHaveTextContent(say(t, t.reconnectingElapsed, 95 * SECOND));
    await expect(banner).toHaveTextContent(t.heartbeatTimedOut);
  },
};

/** RECONNECTING 10 s before the retry deadline (5 min on web). */
export const ReconnectingNearDeadline: Story = {
  ...withStatus([login, dropNetwork, wait(4 * MINUTE + 50 * SECOND)]),
  play: async ({ canvasElement, globals }) => {
    const t = messagesOf({ globals });
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent(say(t, t.reconnectingRemaining, 10 * SECOND));
  },
};

/** RECONNECTED after a 30 s outage the banner showed: "Reconnected" for 2 s. */
export const Reconnected: Story = {
  ...withStatus([login, dropNetwork, wait(30 * SECOND)], { afterMount: [room('RECONNECTED')] }),
  play: async ({ canvasElement, globals }) => {
    const banner = await within(canvasElement).findByRole('status');
    await waitFor(() => expect(banner).toHaveAttribute('data-state', 'reconnected'));
    await expect(banner).toHaveTextContent(messagesOf({ globals }).reconnected);
  },
};

/** RECONNECT_FAILED 1002053: the retry time ran out; Retry is offered. */
export const ReconnectFailed: Story = {
  ...withStatus([login, dropNetwork, wait(5 * MINUTE), room('RECONNECT_FAILED', SimulatorErrorCode.RECONNECT_FAILED)]),
  play: async ({ canvasElement, args, globals }) => {
    const t = messagesOf({ globals });
    const banner = within(canvasElement).getByRole('alert');
    await expect(banner).toHaveTextContent(t.reconnectFailed);
    await expect(banner).toHaveTextContent(describeError(SimulatorErrorCode.RECONNECT_FAILED, t.errors).message);
    await userEvent.click(within(banner).getByRole('button', { name: t.retry }));
    await expect(args.onRetry).toHaveBeenCalledTimes(1);
  },
};

/** KICKOUT: the banner stays out of the way; KickedOutOverlay explains. */
export const Kickout: Story = {
  ...withStatus([login, wait(MINUTE), room('KICKOUT', SimulatorErrorCode.KICKED_DUPLICATE_LOGIN)]),
  parameters: { caption: 'KICKOUT: the banner shows nothing (an empty live region); the KickedOutOverlay dialog explains.' },
  play: async ({ canvasElement }) => {
    await noBanner(canvasElement);
  },
};

/** LOGOUT: left the room on purpose; nothing to say. */
export const Logout: Story = {
  ...withStatus([login, wait(MINUTE), room('LOGOUT')]),
  parameters: { caption: 'LOGOUT: not in a room, so the banner shows nothing (it renders an empty live region).' },
  play: async ({ canvasElement }) => {
    await noBanner(canvasElement);
  },
};

/** LOGOUT_FAILED 1002002: the phase is unchanged (still connected), so nothing is shown. */
export const LogoutFailed: Story = {
  ...withStatus([login, wait(MINUTE), room('LOGOUT_FAILED', SimulatorErrorCode.LOGOUT_ROOM_NOT_FOUND)]),
  parameters: {
    caption: 'LOGOUT_FAILED 1002002: the room phase is unchanged (connected), so the banner shows nothing (it renders an empty live region).',
  },
  play: async ({ canvasElement }) => {
    await noBanner(canvasElement);
  },
};

/** The zh-CN catalog, past the heartbeat mark. */
export const ReconnectingZhCN: Story = {
  ...withStatus([login, dropNetwork, wait(95 * SECOND)]),
  globals: { locale: 'zh-CN' },
  play: async ({ canvasElement }) => {
    const banner = within(canvasElement).getByRole('status');
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
  ...withStatus([login, wait(MINUTE)]),
  parameters: { caption: 'Connected. Play this story to run an outage on its clock.' },
  play: async ({ canvasElement, loaded, globals, step }) => {
    const status = statusOf({ loaded });
    const t = messagesOf({ globals });
    const canvas = within(canvasElement);
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
  },
};
