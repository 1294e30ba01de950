import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import type { DeviceKind } from '../src/core/media-events.js';
import { describeDeviceError, describeDeviceIssue } from '../src/core/device-error.js';
import { selectDeviceIssues } from '../src/core/media-selectors.js';
import { DeviceErrorBanner } from '../src/react/index.js';
import { formatMessage } from '../src/react/i18n/messages.js';
import { AppFrame } from './support/app-frame.js';
import { STREAM, shows, statusOf, watching, withStatus, type StoryMessages } from './support/status-story.js';
import { MEDIA, media, mediaMessagesOf } from './support/media-story.js';

const meta = {
  title: 'Media health/DeviceErrorBanner',
  component: DeviceErrorBanner,
  args: { onRetry: fn() },
  argTypes: { store: { control: false }, messages: { control: false } },
  parameters: {
    docs: {
      description: {
        component:
          'The newest local device problem: the SDK\'s `deviceError`, or a rejected `createZegoStream` / `getUserMedia` ' +
          'turned into an event with `deviceErrorEvent`. What happened and what to do come from the error catalog ' +
          '(`describeDeviceIssue`), in the provider\'s language. `role="alert"`; Retry calls `onRetry`, and when it returns ' +
          'a promise its outcome is recorded (resolved clears the problem). With no problem: an empty, space-less ' +
          '`role="status"` root, like the ReconnectingBanner (**Retry works** shows it in its place in an app).',
      },
    },
  },
} satisfies Meta<typeof DeviceErrorBanner>;
export default meta;

type Story = StoryObj<typeof meta>;

/**
 * A device problem as the browser (a DOMException's name) or the SDK (its
 * code) reports it for `device` (undefined: the SDK did not say which).
 */
interface Problem {
  readonly device?: DeviceKind;
  readonly cause: string | number;
}

const deviceError = ({ device, cause }: Problem) =>
  media({
    type: 'deviceError',
    ...(typeof cause === 'string' ? { errorCode: 0, errorName: cause } : { errorCode: cause }),
    ...(device && { device }),
  });

/** "Can't use your camera", in the catalog's words. */
const titleOf = (t: StoryMessages, device: DeviceKind | undefined): string => formatMessage(t.deviceFailed, { device: t.devices[device ?? 'unknown'] });

/**
 * The story of a problem: the banner shows it, with the catalog's title,
 * what to do, and Retry (the texts it promises the screenshot test).
 */
const problemStory = (problem: Problem): Pick<Story, 'loaders' | 'parameters'> => ({
  ...withStatus([deviceError(problem)], MEDIA),
  parameters: shows((t) => [titleOf(t, problem.device), describeDeviceError(problem.cause, t.errors).message, t.retry]),
});

/** The banner shows the device's title and the catalog's sentence for the store's newest issue. */
const showsIssue = (device: DeviceKind | undefined) =>
  (async ({ canvasElement, globals, loaded }) => {
    const t = mediaMessagesOf({ globals });
    const issue = selectDeviceIssues(statusOf({ loaded }).store.getState())[0]!;
    const alert = within(canvasElement).getByRole('alert');
    await expect(alert).toHaveTextContent(titleOf(t, device));
    await expect(alert).toHaveTextContent(describeDeviceIssue(issue, t.errors).message);
    await expect(alert).toHaveAttribute('data-reason', issue.reason);
  }) satisfies Story['play'];

const cameraDenied: Problem = { device: 'camera', cause: 'NotAllowedError' };

/** The browser (or the user) refused the camera: `NotAllowedError`. Retry calls `onRetry`; the problem stays until it resolves. */
export const CameraDenied: Story = {
  ...problemStory(cameraDenied),
  play: async (context) => {
    const t = mediaMessagesOf(context);
    await showsIssue('camera')(context);
    await userEvent.click(within(context.canvasElement).getByRole('button', { name: `${t.retry} ${t.devices.camera}` }));
    await expect(context.args.onRetry).toHaveBeenCalledWith('camera');
    await showsIssue('camera')(context);
  },
};

/** No microphone: `NotFoundError`. */
export const MicrophoneNotFound: Story = {
  ...problemStory({ device: 'microphone', cause: 'NotFoundError' }),
  play: showsIssue('microphone'),
};

/** Another app holds the camera: `NotReadableError`. */
export const CameraInUse: Story = {
  ...problemStory({ device: 'camera', cause: 'NotReadableError' }),
  play: showsIssue('camera'),
};

/** The SDK's `deviceError` 1006006: a device was unplugged mid-call (which one, it does not say). */
export const Unplugged: Story = {
  ...problemStory({ cause: 1006006 }),
  play: showsIssue(undefined),
};

/**
 * Retry that works: the problem is cleared and the banner is an empty live
 * region again. Shown in its place in an app (the room card, the host's own
 * video), since the banner itself now shows nothing.
 */
export const RetryWorks: Story = {
  ...withStatus([watching, deviceError(cameraDenied)], { ...MEDIA, testPatterns: [STREAM] }),
  args: { onRetry: fn(() => Promise.resolve()) },
  render: (args) => (
    <AppFrame title="Your room">
      <DeviceErrorBanner {...args} />
    </AppFrame>
  ),
  parameters: {
    caption:
      'The camera was denied; the user allowed it and pressed Retry, and onRetry resolved: the problem is cleared, so the ' +
      'device banner shows nothing (an empty live region, kept for the next announcement) and the video plays.',
    ...shows((t) => [t.phases.connected, 'Host']),
  },
  play: async ({ canvasElement, globals }) => {
    const t = mediaMessagesOf({ globals });
    const slot = within(canvasElement.querySelector<HTMLElement>('.story-app__banner')!);
    await userEvent.click(slot.getByRole('button', { name: `${t.retry} ${t.devices.camera}` }));
    await waitFor(() => expect(slot.getByRole('status')).toHaveAttribute('data-state', 'hidden'));
    await expect(slot.getByRole('status')).toBeEmptyDOMElement();
    await expect(within(canvasElement).queryByRole('alert')).toBeNull();
  },
};

const denied: Story = { ...problemStory(cameraDenied), play: showsIssue('camera') };

/** Camera denied, dark theme. */
export const CameraDeniedDark: Story = { ...denied, globals: { theme: 'dark' } };
/** Camera denied, zh-CN. */
export const CameraDeniedZhCN: Story = { ...denied, globals: { locale: 'zh-CN' } };
