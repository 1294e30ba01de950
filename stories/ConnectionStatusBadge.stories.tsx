import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { ConnectionStatusBadge } from '../src/react/index.js';
import type { RoomPhase } from '../src/core/states.js';
import { MINUTE, SECOND, SimulatorErrorCode, dropNetwork, login, messagesOf, room, say, wait, withStatus } from './support/status-story.js';

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
  play: shows('idle'),
};

/** LOGINING. */
export const Connecting: Story = {
  ...withStatus([room('LOGINING'), wait(1 * SECOND)]),
  play: shows('connecting'),
};

/** LOGINED (and RECONNECTED). */
export const Connected: Story = {
  ...withStatus([login]),
  play: shows('connected'),
};

/** RECONNECTING. */
export const Reconnecting: Story = {
  ...withStatus([login, wait(MINUTE), dropNetwork, wait(5 * SECOND)]),
  play: shows('reconnecting'),
};

/** LOGIN_FAILED and RECONNECT_FAILED. */
export const Failed: Story = {
  ...withStatus([login, dropNetwork, wait(5 * MINUTE), room('RECONNECT_FAILED', SimulatorErrorCode.RECONNECT_FAILED)]),
  play: shows('failed'),
};

/** KICKOUT. */
export const Kicked: Story = {
  ...withStatus([login, room('KICKOUT', SimulatorErrorCode.KICKED_BY_SERVER)]),
  play: shows('kicked'),
};

/** `hideText`: only the dot shows; the accessible label stays. */
export const DotOnly: Story = {
  ...withStatus([login, dropNetwork]),
  args: { hideText: true },
  play: async ({ canvasElement, globals }) => {
    const t = messagesOf({ globals });
    const badge = within(canvasElement).getByRole('img', { name: say(t, t.phaseLabel, 0, { phase: t.phases.reconnecting }) });
    await expect(badge).toHaveTextContent(/^$/);
  },
};
