import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { ConnectionStatusBadge, ReconnectingBanner, StreamView } from '../src/react/index.js';
import { SECOND, STREAM, dropNetwork, player, shows, wait, watching, withStatus } from './support/status-story.js';
import { BRAND_THEME_CSS, THEME_VARIABLES, ThemeVariablesTable } from './support/theme-variables.js';

function ThemeSample() {
  return (
    <>
      <ConnectionStatusBadge />
      <ReconnectingBanner />
      <StreamView streamID={STREAM} muted className="story-stream" />
    </>
  );
}

const meta = {
  title: 'Theming',
  component: ThemeSample,
  // The Theming page (Theming.mdx) is this file's docs.
  tags: ['!autodocs'],
} satisfies Meta<typeof ThemeSample>;
export default meta;

type Story = StoryObj<typeof meta>;

/**
 * The brand theme: only `--zsk-*` variables (stories/support/story.css), no
 * class of the kit restyled. A reconnecting room past the 90 s mark with the
 * host stream replaying.
 */
export const BrandTheme: Story = {
  ...withStatus([watching, wait(30 * SECOND), dropNetwork, player('PLAY_REQUESTING'), wait(95 * SECOND)], {
    testPatterns: [STREAM],
  }),
  globals: { theme: 'brand' },
  parameters: shows((t) => [t.reconnecting, t.heartbeatTimedOut, t.streamConnecting]),
  play: async ({ canvasElement }) => {
    const banner = within(canvasElement).getAllByRole('status')[0]!;
    // The brand accent and warning reach the components through the variables alone.
    await expect(getComputedStyle(banner).color).toBe('rgb(139, 74, 0)');
    await expect(BRAND_THEME_CSS).toContain('--zsk-color-accent');
  },
};

/** Every `--zsk-*` variable, read from styles.css, with its light, dark and brand values. */
export const Variables: Story = {
  render: () => <ThemeVariablesTable />,
  parameters: shows(['--zsk-font', '--zsk-z-banner', '--zsk-color-video-ring']),
  play: async ({ canvasElement }) => {
    const rows = within(canvasElement).getAllByRole('row');
    await expect(rows).toHaveLength(THEME_VARIABLES.length + 1);
    // What the README's theming section promises.
    for (const name of ['--zsk-font', '--zsk-radius', '--zsk-space-4', '--zsk-z-dialog', '--zsk-color-accent', '--zsk-color-overlay-fg']) {
      await expect(within(canvasElement).getByRole('rowheader', { name })).toBeInTheDocument();
    }
    // Every colour of the light theme is themed for dark too.
    for (const { name, values } of THEME_VARIABLES) {
      if (name.startsWith('--zsk-color-') && !['--zsk-color-scrim', '--zsk-color-video-bg', '--zsk-color-overlay-bg', '--zsk-color-overlay-fg'].includes(name)) {
        await expect({ name, dark: values.dark }).toEqual({ name, dark: expect.any(String) });
      }
    }
  },
};
