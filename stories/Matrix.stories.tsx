import type { Meta, StoryObj } from '@storybook/react-vite';
import { useId, type CSSProperties } from 'react';
import { expect, fn, within } from 'storybook/test';
import { ROOM_REASONS, type RoomReason } from '../src/core/states.js';
import { ConnectionStatusBadge, KickedOutOverlay, ReconnectingBanner, StreamView } from '../src/react/index.js';
import type { StatusLocale } from '../src/react/i18n/messages.js';
import {
  MINUTE,
  SECOND,
  STREAM,
  SimulatorErrorCode,
  StatusStory,
  ThemeFrame,
  createStatusHandle,
  dropNetwork,
  messagesOf,
  player,
  reconnectFailed,
  room,
  say,
  shows,
  wait,
  watching,
  type StatusHandle,
  type StatusSteps,
  type StatusStoryOptions,
  type StoryTheme,
} from './support/status-story.js';

/**
 * One audience member's timeline per room reason, ending in that reason: the
 * host stream is played where the room allows it, so the tile shows what the
 * overlay does in that state too.
 */
const TIMELINES: Record<RoomReason, { steps: StatusSteps; options?: StatusStoryOptions }> = {
  LOGINING: { steps: [room('LOGINING'), wait(4 * SECOND)] },
  LOGINED: { steps: [watching, wait(10 * SECOND)], options: { testPatterns: [STREAM] } },
  LOGIN_FAILED: { steps: [room('LOGINING'), wait(120), room('LOGIN_FAILED', SimulatorErrorCode.TOKEN_EXPIRED)] },
  RECONNECTING: {
    steps: [watching, wait(MINUTE), dropNetwork, player('PLAY_REQUESTING'), wait(95 * SECOND)],
    options: { testPatterns: [STREAM] },
  },
  RECONNECTED: {
    steps: [watching, wait(MINUTE), dropNetwork, wait(30 * SECOND)],
    options: { testPatterns: [STREAM], afterMount: [room('RECONNECTED')] },
  },
  RECONNECT_FAILED: { steps: [reconnectFailed] },
  KICKOUT: {
    steps: [watching, wait(MINUTE), room('KICKOUT', SimulatorErrorCode.KICKED_DUPLICATE_LOGIN), player('NO_PLAY')],
  },
  LOGOUT: { steps: [watching, wait(MINUTE), player('NO_PLAY'), room('LOGOUT')] },
  LOGOUT_FAILED: {
    steps: [watching, wait(MINUTE), room('LOGOUT_FAILED', SimulatorErrorCode.LOGOUT_ROOM_NOT_FOUND)],
    options: { testPatterns: [STREAM] },
  },
};

const THEMES: readonly { theme: 'light' | 'dark'; title: string }[] = [
  { theme: 'light', title: 'Light theme' },
  { theme: 'dark', title: 'Dark theme' },
];

type MatrixStores = Record<'light' | 'dark', Record<RoomReason, StatusHandle>>;

const createStores = (): MatrixStores => {
  const column = () =>
    Object.fromEntries(
      ROOM_REASONS.map((reason) => [reason, createStatusHandle(TIMELINES[reason].steps, TIMELINES[reason].options)]),
    ) as Record<RoomReason, StatusHandle>;
  return { light: column(), dark: column() };
};

// The dialog is a page-wide modal; in the matrix it sits in its row instead.
const IN_ROW: CSSProperties = {
  position: 'relative',
  inset: 'auto',
  transform: 'none',
  width: 'auto',
  boxShadow: 'var(--zsk-shadow)',
  zIndex: 'auto',
};

function ReasonRow({ reason, status, locale }: { reason: RoomReason; status: StatusHandle; locale: StatusLocale }) {
  const headingId = useId();
  return (
    <div className="story-matrix__row" data-reason={reason} aria-labelledby={headingId} role="group">
      <StatusStory status={status} locale={locale}>
        <div className="story-matrix__room">
          <h3 id={headingId}>
            <code>{reason}</code>
          </h3>
          <ConnectionStatusBadge />
        </div>
        <div className="story-matrix__room">
          <ReconnectingBanner onRetry={fn()} />
        </div>
        <StreamView streamID={STREAM} muted className="story-stream" onRetry={fn()} />
        {reason === 'KICKOUT' && (
          // A picture of the dialog, one of nine rows: inert, so it does not take
          // the page's focus on open (which scrolled the matrix down to it).
          <div className="story-matrix__dialog" inert>
            <KickedOutOverlay style={IN_ROW} onRejoin={fn()} onLeave={fn()} />
          </div>
        )}
      </StatusStory>
    </div>
  );
}

function ThemeColumn({ theme, title, stores, locale }: { theme: StoryTheme; title: string; stores: Record<RoomReason, StatusHandle>; locale: StatusLocale }) {
  const headingId = useId();
  return (
    <ThemeFrame theme={theme} className="story-frame story-matrix__theme" role="region" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {ROOM_REASONS.map((reason) => (
        <ReasonRow key={reason} reason={reason} status={stores[reason]} locale={locale} />
      ))}
    </ThemeFrame>
  );
}

/** Every room reason × every component, in the light and dark themes side by side. */
function RoomReasonMatrix({ stores, locale = 'en' }: { stores: MatrixStores; locale?: StatusLocale }) {
  return (
    <div>
      <h1>Room reasons × components</h1>
      <div className="story-matrix">
        {THEMES.map(({ theme, title }) => (
          <ThemeColumn key={theme} theme={theme} title={title} stores={stores[theme]} locale={locale} />
        ))}
      </div>
    </div>
  );
}

const meta: Meta = {
  title: 'Matrix',
  // One page, no props worth a table.
  tags: ['!autodocs'],
  parameters: {
    layout: 'fullscreen',
    docs: {
      description: {
        component:
          'All nine room reasons × ConnectionStatusBadge, ReconnectingBanner, StreamView (with StreamRemovedOverlay) and ' +
          'KickedOutOverlay (drawn in its row here, not as a page-wide modal), in both themes. Each row is its own store, ' +
          'reached by dispatching the events an audience member gets on the way to that reason.',
      },
    },
  },
  loaders: [() => ({ matrix: createStores() })],
  render: (_args, { loaded, globals }) => (
    <RoomReasonMatrix stores={loaded['matrix'] as MatrixStores} locale={globals['locale'] === 'zh-CN' ? 'zh-CN' : 'en'} />
  ),
};
export default meta;

type Story = StoryObj;

/**
 * Each row shows what its reason should: checked in both themes. The page
 * opens at the top (nothing takes focus and scrolls it), and no badge wraps.
 */
export const AllReasons: Story = {
  parameters: shows((t) => [t.connecting, t.loginFailed, t.heartbeatTimedOut, t.reconnectFailed, t.kickedElsewhere, t.phases.kicked, t.phases.idle]),
  play: async ({ canvasElement, globals, step }) => {
    const t = messagesOf({ globals });
    const badge = (phase: 'idle' | 'connected') => ({ name: say(t, t.phaseLabel, 0, { phase: t.phases[phase] }) });
    const doc = canvasElement.ownerDocument;
    await step('opens at the top: no dialog took focus and scrolled the page', async () => {
      await new Promise((resolve) => setTimeout(resolve, 100));
      await expect(doc.scrollingElement?.scrollTop ?? 0).toBe(0);
      await expect(doc.activeElement === doc.body || doc.activeElement === null).toBe(true);
    });
    await step('no badge wraps: each is one line high', async () => {
      for (const element of within(canvasElement).getAllByRole('img', { name: new RegExp(say(t, t.phaseLabel, 0, { phase: '' })) })) {
        const lineHeight = parseFloat(getComputedStyle(element).lineHeight);
        await expect(element.getBoundingClientRect().height, `badge "${element.textContent}" wraps`).toBeLessThan(lineHeight * 1.6);
      }
    });
    for (const { title } of THEMES) {
      const column = within(within(canvasElement).getByRole('region', { name: title }));
      const row = (reason: RoomReason) => within(column.getByRole('group', { name: reason }));
      await expect(column.getAllByRole('group')).toHaveLength(ROOM_REASONS.length);
      // Each row has two polite live regions, the banner's then the overlay's, mounted even when empty.
      await expect(row('LOGINING').getAllByRole('status')[0]).toHaveTextContent(t.connecting);
      const quiet = row('LOGINED').getAllByRole('status');
      await expect(quiet).toHaveLength(2);
      for (const region of quiet) {
        await expect(region).toHaveAttribute('data-state', 'hidden');
        await expect(region).toBeEmptyDOMElement();
      }
      await expect(row('LOGINED').queryByRole('alert')).toBeNull();
      await expect(row('LOGIN_FAILED').getAllByRole('alert')[0]).toHaveTextContent(t.loginFailed);
      await expect(row('RECONNECTING').getAllByRole('status')[0]).toHaveTextContent(t.heartbeatTimedOut);
      await expect(await row('RECONNECTED').findByText(t.reconnected)).toBeInTheDocument();
      await expect(row('RECONNECT_FAILED').getAllByRole('alert')[0]).toHaveTextContent(t.reconnectFailed);
      // One failure, one Retry: the banner's; the tile says why it has none.
      for (const failed of ['LOGIN_FAILED', 'RECONNECT_FAILED'] as const) {
        await expect(row(failed).getAllByRole('button', { name: new RegExp(t.retry) })).toHaveLength(1);
        await expect(row(failed).getAllByRole('alert')[1]).toHaveTextContent(t.streamRoomFailed);
      }
      await expect(row('KICKOUT').getByRole('alertdialog')).toHaveTextContent(t.kickedElsewhere);
      await expect(row('LOGOUT').getByRole('img', badge('idle'))).toBeInTheDocument();
      await expect(row('LOGOUT_FAILED').getByRole('img', badge('connected'))).toBeInTheDocument();
    }
  },
};
