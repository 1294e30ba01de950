import type { Preview } from '@storybook/react-vite';
import '../src/react/styles.css';
import { disposeStatusOnCleanup, withKitGlobals } from '../stories/support/status-story.js';
import { withDocDefaults } from '../stories/support/docs-args.js';

const preview: Preview = {
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    // Every story is an accessibility test: violations fail `npm test`.
    a11y: { test: 'error' },
    // Stories paint their own themed background (withKitGlobals).
    backgrounds: { disable: true },
  },
  globalTypes: {
    theme: {
      description: 'Theme of the kit: its light and dark themes, or a brand theme made only of --zsk-* variables',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
          { value: 'brand', title: 'Brand (custom --zsk-* variables)' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'Message catalog of the kit',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'zh-CN', title: '简体中文' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', locale: 'en' },
  decorators: [withKitGlobals],
  // Args tables: defaults from the props' @defaultValue, {@link X} as code (stories/support/docs-args.ts).
  argTypesEnhancers: [withDocDefaults],
  // Stops each story's test patterns when it is torn down.
  beforeEach: disposeStatusOnCleanup,
  tags: ['autodocs'],
};

export default preview;
