import type { Preview } from '@storybook/react-vite';
import '../src/react/styles.css';

const preview: Preview = {
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    // Every story is an accessibility test: violations fail `npm test`.
    a11y: { test: 'error' },
  },
  tags: ['autodocs'],
};

export default preview;
