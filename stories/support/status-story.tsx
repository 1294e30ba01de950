/**
 * The one place stories get their state from: a status store on a manual
 * clock, driven by the same core events an adapter dispatches (no hand-written
 * state objects that could drift from the reducer), wrapped in a
 * StatusProvider with the locale toolbar's catalog and a container themed by
 * the theme toolbar.
 *
 * A story declares its timeline with {@link withStatus}; the preview's
 * {@link withKitGlobals} decorator renders it; a play function moves time with
 * {@link statusOf}:
 *
 * ```tsx
 * export const Reconnecting: Story = {
 *   ...withStatus([login, { advance: 1000, event: room('RECONNECTING', 1000017) }, { advance: 12_000 }]),
 *   play: async (context) => {
 *     statusOf(context).advance(5000);
 *     await within(context.canvasElement).findByText('Offline for 17 s');
 *   },
 * };
 * ```
 */
import type { Decorator, Loader, StoryContext } from '@storybook/react-vite';
import { useEffect, useLayoutEffect, useRef, type HTMLAttributes, type ReactNode, type Ref } from 'react';
import { createManualClock, type ManualClock } from '../../src/core/clock.js';
import type { PlayerStateName, RoomReason } from '../../src/core/states.js';
import type { StatusEvent, ZegoStream } from '../../src/core/events.js';
import { WEB_ROOM_RETRY_TIME_MS } from '../../src/core/status.js';
import { createStatusStore, type StatusStore, type StatusStoreOptions } from '../../src/core/store.js';
import { StatusProvider } from '../../src/react/context.js';
import { en } from '../../src/react/i18n/en.js';
import { enMedia } from '../../src/react/i18n/en-media.js';
import { formatDuration } from '../../src/react/format.js';
import { formatMessage, type MediaMessages, type StatusLocale, type StatusMessages } from '../../src/react/i18n/messages.js';
import { zhCN } from '../../src/react/i18n/zh-CN.js';
import { createMediaRegistry, type MediaRegistry } from '../../src/react/media-registry.js';
import { createTestPattern, stopSimulatedMedia } from '../../src/simulator/media.js';
import { LOGIN_LATENCY_MS, PLAY_LATENCY_MS, SimulatorErrorCode } from '../../src/simulator/constants.js';
import './story.css';

/** A core event without `at`: the helper stamps it with the manual clock's time. */
export type StoryEvent = StatusEvent extends infer E ? (E extends StatusEvent ? Omit<E, 'at'> : never) : never;

/** Dispatches one event at the clock's current time. */
export type Emit = (event: StoryEvent) => void;

/** One step of a timeline: move the clock (timers fire in order), then dispatch. */
export interface StatusStep {
  readonly advance?: number;
  /** The event, or a function of the clock's time for events that carry one (`dueAt`). */
  readonly event?: StoryEvent | ((now: number) => StoryEvent);
}

/** Steps, possibly grouped (`[login, wait(1000), dropNetwork]`). */
export type StatusSteps = readonly (StatusStep | readonly StatusStep[])[];

/** A timeline: steps, or a function that emits and advances itself. */
export type StatusScript = StatusSteps | ((emit: Emit, clock: ManualClock) => void);

/** Theme toolbar values: the kit's two themes and the stories' brand theme (stories/support/story.css). */
export type StoryTheme = 'light' | 'dark' | 'brand';

export interface StatusStoryOptions extends Omit<StatusStoreOptions, 'clock'> {
  /**
   * Steps dispatched right after the story mounted, for states a component
   * only reaches from what it showed before: "Reconnected" confirms an outage
   * the banner showed, so RECONNECTED must arrive while it is on screen.
   */
  readonly afterMount?: StatusScript;
  /** Canvas test patterns (createTestPattern) put in the media registry, as the audience policy would. */
  readonly testPatterns?: readonly string[];
}

/** What a story and its play function hold: the store, its clock and ways to drive them. */
export interface StatusHandle {
  readonly store: StatusStore;
  readonly clock: ManualClock;
  readonly registry: MediaRegistry;
  readonly emit: Emit;
  /** Moves the story's clock; countdowns and anti-flap timers fire as in real time. */
  readonly advance: (ms: number) => void;
  readonly run: (script: StatusScript) => void;
  /** Runs the `afterMount` steps once, however often React mounts; repaints test patterns. */
  readonly mounted: () => void;
  /**
   * Stops the story's test patterns (each redraws on a real 500 ms timer while
   * its track is live) and pending repaints: Storybook calls it when the story
   * is torn down ({@link disposeStatusOnCleanup}), so switching stories leaves
   * no canvas drawing in the background.
   */
  readonly dispose: () => void;
}

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const ROOM = 'room-1';
export const STREAM = 'host-main';

/**
 * Builds a store on a manual clock and runs `script` on it. Stories use the
 * web SDK's 5 min retry time (seed 002) unless told otherwise.
 */
export function createStatusHandle(script: StatusScript = [], options: StatusStoryOptions = {}): StatusHandle {
  const { afterMount, testPatterns = [], ...storeOptions } = options;
  const clock = createManualClock();
  const store = createStatusStore({ roomRetryTimeMs: WEB_ROOM_RETRY_TIME_MS, ...storeOptions, clock });
  const registry = createMediaRegistry();
  const emit: Emit = (event) => store.dispatch({ ...event, at: clock.now() } as StatusEvent);
  const run = (steps: StatusScript): void => {
    if (typeof steps === 'function') {
      steps(emit, clock);
      return;
    }
    for (const step of steps.flat()) {
      if (step.advance) clock.advance(step.advance);
      if (step.event) emit(typeof step.event === 'function' ? step.event(clock.now()) : step.event);
    }
  };
  const patterns: MediaStream[] = [];
  for (const streamID of testPatterns) {
    const media = createTestPattern(streamID);
    if (typeof MediaStream !== 'undefined' && media instanceof MediaStream) {
      registry.set(streamID, media);
      patterns.push(media);
    }
  }
  // The test pattern redraws itself every TEST_PATTERN_REDRAW_MS; ask for a
  // frame as soon as the story's videos are attached too, so a screenshot
  // taken right after mount is not black (real timers: display only, not state).
  const repaint = (): void => {
    for (const media of patterns) {
      for (const track of media.getVideoTracks()) (track as MediaStreamTrack & { requestFrame?: () => void }).requestFrame?.();
    }
  };
  run(script);
  let ranAfterMount = false;
  const repaints = new Set<ReturnType<typeof setTimeout>>();
  const mounted = (): void => {
    if (patterns.length > 0) {
      for (const delay of [0, 100, 500]) {
        const id = setTimeout(() => {
          repaints.delete(id);
          repaint();
        }, delay);
        repaints.add(id);
      }
    }
    if (ranAfterMount || !afterMount) return;
    ranAfterMount = true;
    run(afterMount);
  };
  const dispose = (): void => {
    for (const id of repaints) clearTimeout(id);
    repaints.clear();
    for (const media of patterns.splice(0)) stopSimulatedMedia(media);
  };
  return { store, clock, registry, emit, advance: (ms) => clock.advance(ms), run, mounted, dispose };
}

/**
 * The story fields that give a story its status store: a loader, so every
 * render (and every test) starts from a fresh store at T0.
 */
export function withStatus(script: StatusScript, options: StatusStoryOptions = {}): { loaders: Loader[] } {
  return { loaders: [() => ({ status: createStatusHandle(script, options) })] };
}

/**
 * The preview's `beforeEach` (it runs after the loaders): returns the cleanup
 * that disposes the story's handle, which Storybook calls when the story is
 * torn down or rendered again.
 */
export function disposeStatusOnCleanup(context: Pick<StoryContext, 'loaded'>): (() => void) | undefined {
  const status = (context.loaded as { status?: StatusHandle } | undefined)?.status;
  return status && (() => status.dispose());
}

/** The story's handle, for play functions: `statusOf(context).advance(90_000)`. */
export function statusOf(context: Pick<StoryContext, 'loaded'>): StatusHandle {
  const status = (context.loaded as { status?: StatusHandle } | undefined)?.status;
  if (!status) throw new Error('This story has no status store: spread withStatus(...) into it.');
  return status;
}

/**
 * The catalog the story shows (the locale toolbar's), so play functions assert
 * the catalog's words and pass in either locale.
 */
export function messagesOf(context: Pick<StoryContext, 'globals'>): StatusMessages {
  return asLocale(context.globals['locale']) === 'zh-CN' ? zhCN : en;
}

/**
 * A catalog with every string a story can show: the room components' and the
 * media-health components' (optional in `StatusMessages`: English ones ship
 * with each media component, from `enMedia`; `zhCN` has them all).
 */
export type StoryMessages = StatusMessages & MediaMessages;

/** The active catalog of {@link messagesOf} with the English media strings under it, as the media components show them. */
export function storyMessagesOf(context: Pick<StoryContext, 'globals'>): StoryMessages {
  return { ...enMedia, ...messagesOf(context) };
}

/** A catalog template with `{elapsed}` / `{remaining}` filled with `ms` and `{code}`, `{phase}` as given. */
export function say(messages: StatusMessages, template: string, ms = 0, values: Record<string, string | number> = {}): string {
  return formatMessage(template, {
    elapsed: formatDuration(ms, messages, 'floor'),
    remaining: formatDuration(ms, messages, 'ceil'),
    ...values,
  });
}

/** Provider for a handle, with the locale's catalog; runs `afterMount` once its children mounted. */
export function StatusStory({ status, locale = 'en', children }: { status: StatusHandle; locale?: StatusLocale; children?: ReactNode }) {
  // Parent effects run after their children's: every component has mounted here.
  useEffect(() => status.mounted(), [status]);
  return (
    <StatusProvider store={status.store} mediaRegistry={status.registry} messages={locale === 'zh-CN' ? zhCN : en} locale={locale}>
      {children}
    </StatusProvider>
  );
}

/** The themed container of a story. */
export function ThemeFrame({
  theme,
  children,
  ...rest
}: { theme: StoryTheme; children?: ReactNode; ref?: Ref<HTMLDivElement> } & HTMLAttributes<HTMLDivElement>) {
  return (
    <div data-theme={theme} className="story-frame" {...rest}>
      {children}
    </div>
  );
}

/**
 * The theme fills what holds the story, not only the story's own box: the
 * canvas (`<body>`, which paints the whole viewport) or, on a docs page, the
 * story's preview block. Without it the dark theme stopped at the content and
 * the rest of the frame stayed white.
 */
function useThemedCanvas(frame: { current: HTMLElement | null }, theme: StoryTheme): void {
  useLayoutEffect(() => {
    const node = frame.current;
    const holder = node?.closest<HTMLElement>('.docs-story') ?? node?.ownerDocument.body;
    if (!holder) return undefined;
    holder.setAttribute('data-theme', theme);
    holder.classList.add('story-themed');
    return () => {
      holder.removeAttribute('data-theme');
      holder.classList.remove('story-themed');
    };
  }, [frame, theme]);
}

/**
 * What a story promises to show at its end (after its play function): texts,
 * or a function of the active catalog for the kit's own words, so the same
 * promise holds in English and in zh-CN. `null` entries are skipped.
 */
export type StoryShows = readonly string[] | ((t: StoryMessages) => readonly (string | null)[]);

/**
 * The story parameter that declares what the story shows when it is done:
 * the screenshot test (scripts/storybook-smoke.mjs) fails a story without one,
 * or whose promised text is not visible, in each theme and locale it runs.
 * An empty list says the story shows no text on purpose (e.g. a dot-only badge).
 *
 * ```tsx
 * export const Reconnecting: Story = { parameters: shows((t) => [t.reconnecting, say(t, t.reconnectingElapsed, 12_000)]) };
 * ```
 */
export const shows = (texts: StoryShows): { shows: StoryShows } => ({ shows: texts });

const promised = (declared: unknown, messages: StoryMessages): string | undefined => {
  if (declared === undefined) return undefined;
  const texts = typeof declared === 'function' ? (declared as (t: StoryMessages) => readonly (string | null)[])(messages) : declared;
  return JSON.stringify((texts as readonly (string | null)[]).filter((text): text is string => typeof text === 'string'));
};

const asTheme = (value: unknown): StoryTheme => (value === 'dark' || value === 'brand' ? value : 'light');
const asLocale = (value: unknown): StatusLocale => (value === 'zh-CN' ? 'zh-CN' : 'en');

/**
 * The preview's decorator: the theme toolbar's container around every story
 * (its theme also fills the canvas or the docs preview around it); for stories
 * made with {@link withStatus}, the provider with the locale toolbar's
 * catalog; `parameters.caption` as a line of text under the story (what the
 * user sees and why); `parameters.shows` ({@link shows}) written, in the
 * active catalog's words, into `data-story-shows` for the screenshot test.
 */
export const withKitGlobals: Decorator = (Story, context) => {
  const status = (context.loaded as { status?: StatusHandle } | undefined)?.status;
  const caption = context.parameters['caption'] as string | undefined;
  const locale = asLocale(context.globals['locale']);
  const body = (
    <>
      <Story />
      {caption && <p className="story-caption">{caption}</p>}
    </>
  );
  return (
    <KitFrame theme={asTheme(context.globals['theme'])} shows={promised(context.parameters['shows'], storyMessagesOf(context))}>
      {status ? (
        <StatusStory status={status} locale={locale}>
          {body}
        </StatusStory>
      ) : (
        body
      )}
    </KitFrame>
  );
};

function KitFrame({ theme, shows: texts, children }: { theme: StoryTheme; shows: string | undefined; children: ReactNode }) {
  const frame = useRef<HTMLDivElement | null>(null);
  useThemedCanvas(frame, theme);
  return (
    <ThemeFrame theme={theme} ref={frame} data-story-shows={texts}>
      {children}
    </ThemeFrame>
  );
}

// Step builders in the web SDK's words (seed 002 / 003), so timelines read like the seeds.

/** `roomStateChanged` for {@link ROOM}. */
export const room = (reason: RoomReason, errorCode = 0, extendedData?: string): StatusStep => ({
  event: { type: 'roomStateChanged', roomID: ROOM, reason, errorCode, ...(extendedData !== undefined && { extendedData }) },
});

/** `roomStreamUpdate` for {@link STREAM} from the host. */
export const streams = (updateType: 'ADD' | 'DELETE', extendedData?: string): StatusStep => {
  const stream: ZegoStream = { streamID: STREAM, user: { userID: 'host', userName: 'Host' } };
  return { event: { type: 'roomStreamUpdate', roomID: ROOM, updateType, streamList: [stream], ...(extendedData !== undefined && { extendedData }) } };
};

/** `playerStateUpdate` for {@link STREAM}. */
export const player = (state: PlayerStateName, errorCode = 0): StatusStep => ({
  event: { type: 'playerStateUpdate', streamID: STREAM, state, errorCode },
});

/** The audience policy scheduled replay `attempt` of {@link STREAM}, due in `inMs` (seed 003: once after 3–5 s). */
export const replayScheduled = (attempt: number, inMs: number): StatusStep => ({
  event: (now) => ({ type: 'replayScheduled', target: 'player', streamID: STREAM, attempt, dueAt: now + inMs }),
});

/** The audience policy spent its `attempts` on {@link STREAM}. */
export const replayGaveUp = (attempts: number): StatusStep => ({
  event: { type: 'replayGaveUp', target: 'player', streamID: STREAM, attempts },
});

/** Waits `ms` on the story's clock. */
export const wait = (ms: number): StatusStep => ({ advance: ms });

/** T0 loginRoom: LOGINING, T1 ≈ T0 + 120 ms LOGINED (seed 003). */
export const login: readonly StatusStep[] = [room('LOGINING'), wait(LOGIN_LATENCY_MS), room('LOGINED')];

/** Logged in and playing the host's stream: ADD, PLAY_REQUESTING, PLAYING ≈100 ms later. */
export const watching: readonly StatusStep[] = [
  ...login,
  streams('ADD'),
  player('PLAY_REQUESTING'),
  wait(PLAY_LATENCY_MS),
  player('PLAYING'),
];

/** T3: the network drops; RECONNECTING 1000017 at once (seed 002 / 003). */
export const dropNetwork: StatusStep = room('RECONNECTING', SimulatorErrorCode.RECONNECTING);

/**
 * Watching; T3 the network drops and the player requests again; the web SDK
 * gives up after its 5 min retry time (RECONNECT_FAILED 1002053, seed 002),
 * and the player ends NO_PLAY 1004020.
 */
export const reconnectFailed: readonly StatusStep[] = [
  ...watching,
  dropNetwork,
  player('PLAY_REQUESTING'),
  wait(5 * MINUTE),
  room('RECONNECT_FAILED', SimulatorErrorCode.RECONNECT_FAILED),
  player('NO_PLAY', SimulatorErrorCode.PLAY_RETRY_FAILED),
];

export { SimulatorErrorCode };
