import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { ConnectionStatusBadge } from '../src/react/index.js';
import { expectArgsTable } from './support/docs-args.js';
import type { RoomPhase } from '../src/core/states.js';
import {
  MINUTE,
  SECOND,
  SimulatorErrorCode,
  dropNetwork,
  login,
  messagesOf,
  room,
  say,
  shows as promises,
  wait,
  withStatus,
} from './support/status-story.js';

const meta = {
  title: 'Components/ConnectionStatusBadge',
  component: ConnectionStatusBadge,
  argTypes: {
    store: { control: false },
    messages: { control: false },
  },
  parameters: {
    docs: {
      description: {
        component:
          'The room phase in one pill, one story per phase. The phase comes from the room reason (`phaseOfReason`), ' +
          'reached by dispatching `roomStateChanged` events. `role="img"` with a label such as "Connection: Reconnecting"; ' +
          'not a live region (the banner announces changes).',
      },
    },
  },
} satisfies Meta<typeof ConnectionStatusBadge>;
export default meta;

type Story = StoryObj<typeof meta>;

/** The badge carries `phase` as data-state and the phase in its accessible name ("Connection: Reconnecting"). */
const shows = (phase: RoomPhase): Story['play'] =>
  async ({ canvasElement, globals }) => {
    const t = messagesOf({ globals });
    const badge = within(canvasElement).getByRole('img', { name: say(t, t.phaseLabel, 0, { phase: t.phases[phase] }) });
    await expect(badge).toHaveAttribute('data-state', phase);
    await expect(badge).toHaveTextContent(t.phases[phase]);
  };

/** No room yet (LOGOUT, the default before login). */
export const Idle: Story = {
  ...withStatus([]),
  parameters: promises((t) => [t.phases.idle]),
  play: shows('idle'),
};

/** LOGINING. */
export const Connecting: Story = {
  ...withStatus([room('LOGINING'), wait(1 * SECOND)]),
  parameters: promises((t) => [t.phases.connecting]),
  play: shows('connecting'),
};

/** LOGINED (and RECONNECTED). */
export const Connected: Story = {
  ...withStatus([login]),
  parameters: promises((t) => [t.phases.connected]),
  play: async (context) => {
    await shows('connected')!(context);
    await expectArgsTable(context);
  },
};

/** RECONNECTING. */
export const Reconnecting: Story = {
  ...withStatus([login, wait(MINUTE), dropNetwork, wait(5 * SECOND)]),
  parameters: promises((t) => [t.phases.reconnecting]),
  play: shows('reconnecting'),
};

/** LOGIN_FAILED and RECONNECT_FAILED. */
export const Failed: Story = {
  ...withStatus([login, dropNetwork, wait(5 * MINUTE), room('RECONNECT_FAILED', SimulatorErrorCode.RECONNECT_FAILED)]),
  parameters: promises((t) => [t.phases.failed]),
  play: shows('failed'),
};

/** KICKOUT. */
export const Kicked: Story = {
  ...withStatus([login, room('KICKOUT', SimulatorErrorCode.KICKED_BY_SERVER)]),
  parameters: promises((t) => [t.phases.kicked]),
  play: shows('kicked'),
};

/** `hideText`: only the dot shows; the accessible label stays. */
export const DotOnly: Story = {
  ...withStatus([login, dropNetwork]),
  args: { hideText: true },
  // Only the dot shows, on purpose: no text to promise (its name is the accessible label).
  parameters: promises([]),
  play: async ({ canvasElement, globals }) => {
    const t = messagesOf({ globals });
    const badge = within(canvasElement).getByRole('img', { name: say(t, t.phaseLabel, 0, { phase: t.phases.reconnecting }) });
    await expect(badge).toHaveTextContent(/^$/);
  },
};
