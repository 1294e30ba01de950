import type { Preview } from '@storybook/react-vite';
import { configure } from 'storybook/test';
import '../src/react/styles.css';
import { disposeStatusOnCleanup, withKitGlobals } from '../stories/support/status-story.js';
import { withDocDefaults } from '../stories/support/docs-args.js';
import { inDocsPage } from '../stories/support/play.js';

/**
 * How long a play function's waitFor / findBy waits for what it expects.
 * Testing Library's 1 s default is a guess about an idle machine: on the
 * 2-core CI machine under load, and on a docs page where every story plays at
 * once (the Playground's: 16 frames, each a live simulated room), stories that
 * reach their state in a little over 1 s failed. A passing wait returns as
 * soon as its assertion holds, so a longer ceiling costs nothing when things
 * work; a story that never reaches its state still fails.
 */
const patientQueries: NonNullable<Preview['beforeEach']> = ({ canvasElement }) => {
  configure({ asyncUtilTimeout: inDocsPage(canvasElement) ? 30_000 : 10_000 });
};

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
  beforeEach: [patientQueries, disposeStatusOnCleanup],
  tags: ['autodocs'],
};

export default preview;
