import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { ROOM_REASONS, RoomReasonValue, canPublishOrPlay, phaseOfReason, type RoomReason } from '../src/index.js';
import { shows } from './support/status-story.js';

// What each reason means, in the words of seed 003 / seed 002.
const MEANING: Record<RoomReason, string> = {
  LOGINING: 'loginRoom or switchRoom called; connecting to the server.',
  LOGINED: 'Logged in; stream and user callbacks flow.',
  LOGIN_FAILED: 'Login failed, e.g. 1002033 wrong or expired token, 1002053 timeout.',
  RECONNECTING: 'Connection interrupted; the SDK is retrying.',
  RECONNECTED: 'The SDK reconnected.',
  RECONNECT_FAILED: 'The retry time ran out (20 min native, 5 min web).',
  KICKOUT: 'Kicked out: 1002050 same userID elsewhere, 1002055 server kick API.',
  LOGOUT: 'Default before login; after logoutRoom or switchRoom.',
  LOGOUT_FAILED: 'Logout failed, e.g. 1002002 room ID not found; phase unchanged.',
};

function RoomReasonTable() {
  return (
    <table style={{ borderCollapse: 'collapse', fontFamily: 'system-ui, sans-serif', fontSize: 14 }}>
      <caption style={{ textAlign: 'left', fontWeight: 600, marginBottom: 8 }}>The nine ZEGO room reasons</caption>
      <thead>
        <tr>
          {['#', 'reason', 'phase', 'publish / play', 'meaning'].map((h) => (
            <th key={h} scope="col" style={{ textAlign: 'left', padding: '4px 12px', borderBottom: '1px solid #888' }}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {ROOM_REASONS.map((reason) => (
          <tr key={reason} data-reason={reason}>
            <td style={{ padding: '4px 12px' }}>{RoomReasonValue[reason]}</td>
            <td style={{ padding: '4px 12px' }}>
              <code>{reason}</code>
            </td>
            <td style={{ padding: '4px 12px' }}>{phaseOfReason(reason) ?? 'unchanged'}</td>
            <td style={{ padding: '4px 12px' }}>{canPublishOrPlay(reason) ? 'allowed' : 'not allowed'}</td>
            <td style={{ padding: '4px 12px' }}>{MEANING[reason]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const meta = {
  title: 'Core/Room reasons',
  component: RoomReasonTable,
} satisfies Meta<typeof RoomReasonTable>;
export default meta;

type Story = StoryObj<typeof meta>;

/** All nine room reasons with their phase and whether publishing and playing are allowed. */
export const Table: Story = {
  parameters: shows(['The nine ZEGO room reasons', 'RECONNECT_FAILED', MEANING.KICKOUT]),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getAllByRole('row')).toHaveLength(ROOM_REASONS.length + 1);
    await expect(canvas.getAllByText('allowed')).toHaveLength(2);
  },
};
