import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor, within } from 'storybook/test';
import type { QualityGrade } from '../src/core/media-events.js';
import { ConnectionQualityIndicator, qualityName } from '../src/react/index.js';
import { formatMessage } from '../src/react/i18n/messages.js';
import { SECOND, STREAM, login, shows, statusOf, wait, watching, withStatus, type StoryMessages } from './support/status-story.js';
import { MEDIA, media, mediaMessagesOf, playQuality } from './support/media-story.js';
import { settle } from './support/play.js';
import { LabelledQuality } from './support/quality-legend.js';

const meta = {
  title: 'Media health/ConnectionQualityIndicator',
  component: ConnectionQualityIndicator,
  args: { userID: 'host' },
  argTypes: { store: { control: false }, messages: { control: false } },
  // The bars say their grade only to assistive technology: the label is written beside them.
  render: (args) => <LabelledQuality {...args} />,
  parameters: {
    docs: {
      description: {
        component:
          'Signal bars for a user (`networkQuality`, the worse of up- and downstream) or a stream (`playQualityUpdate`, ' +
          'every 3 s). The SDK\'s grades: −1 unknown, 0 excellent, 1 good, 2 middle, 3 poor, 4 die, in `data-quality`; ' +
          'a report older than 7 s reads as unknown. `role="img"` with a label such as "Connection quality: poor"; the ' +
          'stories write that label beside the bars (the indicator itself shows bars only).',
      },
    },
  },
} satisfies Meta<typeof ConnectionQualityIndicator>;
export default meta;

type Story = StoryObj<typeof meta>;

const GRADES: QualityGrade[] = [-1, 0, 1, 2, 3, 4];
const user = (grade: QualityGrade) => `user-${qualityName(grade)}`;

/** "Connection quality: poor", in the catalog's words. */
const labelOf = (t: StoryMessages, grade: QualityGrade): string => formatMessage(t.qualityLabel, { quality: t.qualities[qualityName(grade)] });

/** One user per grade: the user, the bars and what they say. */
function Grades() {
  return (
    <ul style={{ listStyle: 'none', padding: 0, display: 'grid', gap: 8 }}>
      {GRADES.map((grade) => (
        <li key={grade}>
          {user(grade)} <LabelledQuality userID={user(grade)} />
        </li>
      ))}
    </ul>
  );
}

const grades: Story = {
  ...withStatus(
    [login, ...GRADES.filter((grade) => grade >= 0).map((grade) => media({ type: 'networkQuality', userID: user(grade), upstreamQuality: grade, downstreamQuality: 0 }))],
    MEDIA,
  ),
  render: () => <Grades />,
  parameters: shows((t) => GRADES.map((grade) => labelOf(t, grade))),
  play: async ({ canvasElement, globals }) => {
    const t = mediaMessagesOf({ globals });
    for (const grade of GRADES) {
      const indicator = within(canvasElement).getByRole('img', { name: labelOf(t, grade) });
      await expect(indicator).toHaveAttribute('data-quality', qualityName(grade));
    }
  },
};

/** Every grade, light theme. */
export const AllGrades: Story = { ...grades };
/** Every grade, dark theme. */
export const AllGradesDark: Story = { ...grades, globals: { theme: 'dark' } };
/** Every grade, zh-CN. */
export const AllGradesZhCN: Story = { ...grades, globals: { locale: 'zh-CN' } };

/** A user whose upstream is poor (3): "Connection quality: poor". */
export const UserPoor: Story = {
  ...withStatus([login, media({ type: 'networkQuality', userID: 'host', upstreamQuality: 3, downstreamQuality: 1 })], MEDIA),
  parameters: shows((t) => [labelOf(t, 3)]),
  play: async ({ canvasElement, globals }) => {
    const t = mediaMessagesOf({ globals });
    await expect(within(canvasElement).getByRole('img')).toHaveAccessibleName(labelOf(t, 3));
  },
};

/** A played stream reported good; the reports stop, and 7 s after the last one it reads unknown. */
export const StreamGoesStale: Story = {
  ...withStatus([watching, playQuality(STREAM, 1), wait(3 * SECOND), playQuality(STREAM, 1)], MEDIA),
  args: { userID: undefined, streamID: STREAM },
  parameters: shows((t) => [labelOf(t, -1)]),
  play: async (context) => {
    const t = mediaMessagesOf(context);
    const indicator = within(context.canvasElement).getByRole('img');
    await expect(indicator).toHaveAttribute('data-quality', 'good');
    await settle();
    statusOf(context).advance(7 * SECOND + 1);
    await waitFor(() => expect(indicator).toHaveAttribute('data-quality', 'unknown'));
    await expect(indicator).toHaveAccessibleName(labelOf(t, -1));
  },
};
