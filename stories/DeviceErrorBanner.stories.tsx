import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { describeDeviceIssue } from '../src/core/device-error.js';
import { selectDeviceIssues } from '../src/core/media-selectors.js';
import { DeviceErrorBanner } from '../src/react/index.js';
import { formatMessage } from '../src/react/i18n/messages.js';
import { statusOf, withStatus } from './support/status-story.js';
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
          '`role="status"` root, like the ReconnectingBanner.',
      },
    },
  },
} satisfies Meta<typeof DeviceErrorBanner>;
export default meta;

type Story = StoryObj<typeof meta>;

/** The banner shows the device's title and the catalog's sentence for the store's newest issue. */
const showsIssue = (device: string) =>
  (async ({ canvasElement, globals, loaded }) => {
    const t = mediaMessagesOf({ globals });
    const issue = selectDeviceIssues(statusOf({ loaded }).store.getState())[0]!;
    const alert = within(canvasElement).getByRole('alert');
    await expect(alert).toHaveTextContent(formatMessage(t.deviceFailed, { device }));
    await expect(alert).toHaveTextContent(describeDeviceIssue(issue, t.errors).message);
    await expect(alert).toHaveAttribute('data-reason', issue.reason);
  }) satisfies Story['play'];

/** The browser (or the user) refused the camera: `NotAllowedError`. */
export const CameraDenied: Story = {
  ...withStatus([media({ type: 'deviceError', device: 'camera', errorCode: 0, errorName: 'NotAllowedError' })], MEDIA),
  play: async (context) => {
    const t = mediaMessagesOf(context);
    await showsIssue(t.devices.camera)(context);
    await userEvent.click(within(context.canvasElement).getByRole('button', { name: `${t.retry} ${t.devices.camera}` }));
    await expect(context.args.onRetry).toHaveBeenCalledWith('camera');
  },
};

/** No microphone: `NotFoundError`. */
export const MicrophoneNotFound: Story = {
  ...withStatus([media({ type: 'deviceError', device: 'microphone', errorCode: 0, errorName: 'NotFoundError' })], MEDIA),
  play: async (context) => showsIssue(mediaMessagesOf(context).devices.microphone)(context),
};

/** Another app holds the camera: `NotReadableError`. */
export const CameraInUse: Story = {
  ...withStatus([media({ type: 'deviceError', device: 'camera', errorCode: 0, errorName: 'NotReadableError' })], MEDIA),
  play: async (context) => showsIssue(mediaMessagesOf(context).devices.camera)(context),
};

/** The SDK's `deviceError` 1006006: a device was unplugged mid-call (which one, it does not say). */
export const Unplugged: Story = {
  ...withStatus([media({ type: 'deviceError', errorCode: 1006006 })], MEDIA),
  play: async (context) => showsIssue(mediaMessagesOf(context).devices.unknown)(context),
};

/** Retry that works: the problem is cleared and the banner is an empty live region again. */
export const RetryWorks: Story = {
  ...withStatus([media({ type: 'deviceError', device: 'camera', errorCode: 0, errorName: 'NotAllowedError' })], MEDIA),
  args: { onRetry: fn(() => Promise.resolve()) },
  play: async ({ canvasElement, globals }) => {
    const t = mediaMessagesOf({ globals });
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: `${t.retry} ${t.devices.camera}` }));
    await waitFor(() => expect(canvas.getByRole('status')).toHaveAttribute('data-state', 'hidden'));
    await expect(canvas.getByRole('status')).toBeEmptyDOMElement();
    await expect(canvas.queryByRole('alert')).toBeNull();
  },
};

const denied: Story = {
  ...withStatus([media({ type: 'deviceError', device: 'camera', errorCode: 0, errorName: 'NotAllowedError' })], MEDIA),
  play: async (context) => showsIssue(mediaMessagesOf(context).devices.camera)(context),
};

/** Camera denied, dark theme. */
export const CameraDeniedDark: Story = { ...denied, globals: { theme: 'dark' } };
/** Camera denied, zh-CN. */
export const CameraDeniedZhCN: Story = { ...denied, globals: { locale: 'zh-CN' } };
