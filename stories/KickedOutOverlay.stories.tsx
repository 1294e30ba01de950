import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { KickedOutOverlay } from '../src/react/index.js';
import { expectArgsTable } from './support/docs-args.js';
import { inDocsPage } from './support/play.js';
import { MINUTE, SimulatorErrorCode, login, messagesOf, room, shows, statusOf, wait, withStatus } from './support/status-story.js';

const MARKUP = '<img src=x onerror=alert(1)>';

const meta = {
  title: 'Components/KickedOutOverlay',
  component: KickedOutOverlay,
  args: { onRejoin: fn(), onLeave: fn() },
  argTypes: {
    store: { control: false },
    messages: { control: false },
  },
  parameters: {
    docs: {
      description: {
        component:
          'A modal `alertdialog` on KICKOUT. Each story logs in, then receives `roomStateChanged(KICKOUT, code, extendedData)`. ' +
          'The dialog takes focus, keeps Tab inside (unless `contained`: then it is not modal), ignores Escape and gives focus back when it closes.',
      },
      // A modal with a page-wide scrim: each story in a frame of its own on the docs page.
      story: { inline: false, height: '320px' },
    },
  },
} satisfies Meta<typeof KickedOutOverlay>;
export default meta;

type Story = StoryObj<typeof meta>;

const kickout = (code: number, extendedData?: string) => withStatus([login, wait(MINUTE), room('KICKOUT', code, extendedData)]);

/** 1002050: the same userID logged in on another device (seed 002). */
export const SignedInElsewhere: Story = {
  ...kickout(SimulatorErrorCode.KICKED_DUPLICATE_LOGIN),
  parameters: shows((t) => [t.kickedTitle, t.kickedElsewhere, t.rejoin, t.leave]),
  play: async (context) => {
    const { canvasElement, globals } = context;
    await expectArgsTable(context);
    const t = messagesOf({ globals });
    const dialog = within(canvasElement).getByRole('alertdialog', { name: t.kickedTitle });
    await expect(dialog).toHaveAttribute('data-code', '1002050');
    await expect(dialog).toHaveAttribute('aria-modal', 'true');
    await expect(dialog).toHaveAccessibleDescription(t.kickedElsewhere);
    await expect(within(dialog).getByRole('button', { name: t.rejoin })).toBeInTheDocument();
  },
};

/** 1002055: removed through the server's kick-out API (seed 002). */
export const RemovedByServer: Story = {
  ...kickout(SimulatorErrorCode.KICKED_BY_SERVER),
  parameters: shows((t) => [t.kickedTitle, t.kickedByServer]),
  play: async ({ canvasElement, globals }) => {
    const dialog = within(canvasElement).getByRole('alertdialog');
    await expect(dialog).toHaveAttribute('data-code', '1002055');
    await expect(dialog).toHaveAccessibleDescription(messagesOf({ globals }).kickedByServer);
  },
};

/** 1002055 with a custom message in extendedData, shown under the standard one. */
export const CustomMessage: Story = {
  ...kickout(SimulatorErrorCode.KICKED_BY_SERVER, JSON.stringify({ custom_kickout_message: 'The class has ended. See you next week!' })),
  parameters: shows((t) => [t.kickedByServer, 'The class has ended. See you next week!']),
  play: async ({ canvasElement, globals }) => {
    const dialog = within(canvasElement).getByRole('alertdialog');
    await expect(dialog).toHaveTextContent(messagesOf({ globals }).kickedByServer);
    await expect(within(dialog).getByText('The class has ended. See you next week!')).toBeInTheDocument();
  },
};

/** A custom message that looks like markup is shown as text: no element is created, no script runs. */
export const MarkupShownAsText: Story = {
  ...kickout(SimulatorErrorCode.KICKED_BY_SERVER, JSON.stringify({ custom_kickout_message: MARKUP })),
  parameters: shows([MARKUP]),
  play: async ({ canvasElement }) => {
    const dialog = within(canvasElement).getByRole('alertdialog');
    await expect(within(dialog).getByText(MARKUP)).toBeInTheDocument();
    await expect(dialog.querySelector('img')).toBeNull();
  },
};

/** Without actions the dialog itself takes focus, so a screen reader still lands in it. */
export const WithoutActions: Story = {
  ...kickout(SimulatorErrorCode.KICKED_DUPLICATE_LOGIN),
  args: { onRejoin: undefined, onLeave: undefined },
  parameters: shows((t) => [t.kickedTitle, t.kickedElsewhere]),
  play: async ({ canvasElement }) => {
    const dialog = within(canvasElement).getByRole('alertdialog');
    await expect(within(dialog).queryByRole('button')).toBeNull();
    // Focus is only observable in a focused document (not in a docs-page frame).
    if (!inDocsPage(canvasElement) && canvasElement.ownerDocument.hasFocus()) await waitFor(() => expect(dialog).toHaveFocus());
  },
};

/** Buttons of the app around the dialog, in the kit's look. */
const PAGE_BUTTON = 'zsk-button zsk-button--quiet';

/**
 * The kick-out flow from the play function: focus is on a page button, KICKOUT
 * arrives, focus moves into the dialog, Tab and Shift+Tab cycle inside it,
 * Escape does not close it, Leave and Rejoin fire; when the app logs in again
 * the dialog closes and focus returns to the page button; a second KICKOUT
 * opens it again with focus inside, which is where the story ends.
 */
export const FocusTrapAndActions: Story = {
  ...withStatus([login, wait(MINUTE)]),
  render: (args) => (
    <>
      <p style={{ margin: 0 }}>Room 1: video and controls</p>
      <button type="button" className={PAGE_BUTTON}>
        Room settings
      </button>
      <KickedOutOverlay {...args} />
    </>
  ),
  parameters: shows((t) => [t.kickedTitle, t.kickedElsewhere, t.rejoin, t.leave]),
  play: async ({ canvasElement, args, loaded, globals, step }) => {
    const status = statusOf({ loaded });
    const t = messagesOf({ globals });
    const canvas = within(canvasElement);
    const pageButton = canvas.getByRole('button', { name: 'Room settings' });
    if (inDocsPage(canvasElement)) {
      // On the docs page: the state only (the frames there take focus from each other).
      status.run([room('KICKOUT', SimulatorErrorCode.KICKED_DUPLICATE_LOGIN)]);
      await canvas.findByRole('alertdialog', { name: t.kickedTitle });
      return;
    }
    pageButton.focus();

    await step('KICKOUT 1002050: the dialog opens and takes focus', async () => {
      status.run([room('KICKOUT', SimulatorErrorCode.KICKED_DUPLICATE_LOGIN)]);
      const dialog = await canvas.findByRole('alertdialog');
      await waitFor(() => expect(within(dialog).getByRole('button', { name: t.rejoin })).toHaveFocus());
    });

    const dialog = canvas.getByRole('alertdialog');
    const rejoin = within(dialog).getByRole('button', { name: t.rejoin });
    const leave = within(dialog).getByRole('button', { name: t.leave });

    await step('Tab and Shift+Tab cycle inside the dialog', async () => {
      await userEvent.tab();
      await expect(leave).toHaveFocus();
      await userEvent.tab();
      await expect(rejoin).toHaveFocus();
      await userEvent.tab({ shift: true });
      await expect(leave).toHaveFocus();
      await userEvent.tab({ shift: true });
      await expect(rejoin).toHaveFocus();
    });

    await step('Escape does not dismiss it', async () => {
      await userEvent.keyboard('{Escape}');
      await expect(canvas.getByRole('alertdialog')).toBeInTheDocument();
      await expect(rejoin).toHaveFocus();
    });

    await step('Leave and Rejoin fire their actions', async () => {
      await userEvent.click(leave);
      await expect(args.onLeave).toHaveBeenCalledTimes(1);
      await userEvent.click(rejoin);
      await expect(args.onRejoin).toHaveBeenCalledTimes(1);
    });

    await step('logging in again closes it and gives focus back', async () => {
      status.run([room('LOGINING')]);
      await waitFor(() => expect(canvas.queryByRole('alertdialog')).toBeNull());
      await expect(pageButton).toHaveFocus();
    });

    await step('kicked again: it opens again and takes focus, Tab held inside', async () => {
      status.run([room('LOGINED'), room('KICKOUT', SimulatorErrorCode.KICKED_DUPLICATE_LOGIN)]);
      const again = await canvas.findByRole('alertdialog', { name: t.kickedTitle });
      await waitFor(() => expect(within(again).getByRole('button', { name: t.rejoin })).toHaveFocus());
      await userEvent.tab();
      await userEvent.tab();
      await expect(within(again).getByRole('button', { name: t.rejoin })).toHaveFocus();
    });
  },
};

/** A bounded room box: `position: relative` is all `contained` needs from it. */
const ROOM_BOX = {
  position: 'relative',
  width: '22rem',
  height: '14rem',
  border: '1px solid var(--zsk-color-border)',
  borderRadius: 'var(--zsk-radius)',
} as const;

/** The room's video under the dialog: an empty tile in the kit's colours. */
const ROOM_VIDEO = {
  height: '9rem',
  margin: '0 var(--zsk-space-3)',
  borderRadius: 'var(--zsk-radius)',
  background: 'var(--zsk-color-video-bg)',
} as const;

/**
 * `contained`: the dialog covers only its nearest positioned ancestor (here a
 * bounded room box), e.g. one room among several or a tile. It still takes
 * focus and gives it back, but is not `aria-modal` and does not hold Tab: the
 * rest of the page, like the buttons beside the box, stays usable.
 */
export const Contained: Story = {
  ...withStatus([login, wait(MINUTE)]),
  args: { contained: true },
  render: (args) => (
    <>
      <button type="button" className={PAGE_BUTTON}>
        Other room
      </button>
      <section aria-label="Room 1" style={ROOM_BOX}>
        <p style={{ margin: 0, padding: 'var(--zsk-space-3)' }}>Room 1: video and controls</p>
        <div style={ROOM_VIDEO} />
        <KickedOutOverlay {...args} />
      </section>
      <button type="button" className={PAGE_BUTTON}>
        Room 2
      </button>
    </>
  ),
  parameters: shows((t) => [t.kickedTitle, t.kickedByServer, t.rejoin, 'Other room', 'Room 2']),
  play: async ({ canvasElement, loaded, globals, step }) => {
    const status = statusOf({ loaded });
    const t = messagesOf({ globals });
    const canvas = within(canvasElement);
    const other = canvas.getByRole('button', { name: 'Other room' });
    const box = canvas.getByRole('region', { name: 'Room 1' });
    if (inDocsPage(canvasElement)) {
      // On the docs page: the state only (the frames there take focus from each other).
      status.run([room('KICKOUT', SimulatorErrorCode.KICKED_BY_SERVER)]);
      await within(box).findByRole('alertdialog', { name: t.kickedTitle });
      return;
    }
    other.focus();

    await step('KICKOUT: the dialog opens inside the box and takes focus', async () => {
      status.run([room('KICKOUT', SimulatorErrorCode.KICKED_BY_SERVER)]);
      const dialog = await within(box).findByRole('alertdialog', { name: t.kickedTitle });
      await expect(dialog).toHaveClass('zsk-dialog--contained');
      await expect(dialog).not.toHaveAttribute('aria-modal');
      await waitFor(() => expect(within(dialog).getByRole('button', { name: t.rejoin })).toHaveFocus());
    });

    const dialog = within(box).getByRole('alertdialog');
    await step('it covers the box exactly, and nothing outside it', async () => {
      const inner = box.getBoundingClientRect();
      const rect = dialog.getBoundingClientRect();
      await expect(getComputedStyle(dialog).position).toBe('absolute');
      await expect(rect.left).toBeCloseTo(inner.left + box.clientLeft, 0);
      await expect(rect.top).toBeCloseTo(inner.top + box.clientTop, 0);
      await expect(rect.width).toBeCloseTo(box.clientWidth, 0);
      await expect(rect.height).toBeCloseTo(box.clientHeight, 0);
      // The button beside the box is not under the dialog.
      const { left, top, width, height } = other.getBoundingClientRect();
      await expect(canvasElement.ownerDocument.elementFromPoint(left + width / 2, top + height / 2)).toBe(other);
    });

    await step('Tab moves on to the page (not modal); Escape does not dismiss it', async () => {
      await userEvent.tab();
      const leave = within(dialog).getByRole('button', { name: t.leave });
      await expect(leave).toHaveFocus();
      await userEvent.tab();
      await expect(canvas.getByRole('button', { name: 'Room 2' })).toHaveFocus();
      await userEvent.tab({ shift: true });
      await expect(leave).toHaveFocus();
      await userEvent.keyboard('{Escape}');
      await expect(within(box).getByRole('alertdialog')).toBeInTheDocument();
    });

    await step('logging in again closes it and gives focus back', async () => {
      status.run([room('LOGINING')]);
      await waitFor(() => expect(canvas.queryByRole('alertdialog')).toBeNull());
      await expect(other).toHaveFocus();
    });

    await step('kicked again: it covers the box again, and the buttons beside it stay usable', async () => {
      status.run([room('LOGINED'), room('KICKOUT', SimulatorErrorCode.KICKED_BY_SERVER)]);
      const again = await within(box).findByRole('alertdialog', { name: t.kickedTitle });
      await expect(again).toHaveTextContent(t.kickedByServer);
      const { left, top, width, height } = other.getBoundingClientRect();
      await expect(canvasElement.ownerDocument.elementFromPoint(left + width / 2, top + height / 2)).toBe(other);
    });
  },
};
