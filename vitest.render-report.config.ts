// The render cost report (`npm run bench:render`, last step of `npm run bench`):
// test/browser/*.report.tsx in Chromium. Its timings are printed and written to
// test-results/render.json, not asserted, so it is not part of `npm test`.
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { browser } from './vitest.config.js';

export default defineConfig({
  plugins: [react()],
  test: {
    include: ['test/browser/**/*.report.tsx'],
    browser: browser('render-report-chromium'),
  },
});
