/**
 * The one warning a media component gives when its store keeps no media
 * health: it would otherwise show nothing, forever, and say nothing about why.
 */
import { useEffect } from 'react';
import { hasMediaHealth } from '../../core/media-selectors.js';
import type { StatusStore } from '../../core/store.js';
import { inDevelopment } from '../../core/dev.js';

const warned = /* @__PURE__ */ new Set<string>();

/**
 * In development, warns once per component name (per page) when `store` was created without
 * the `mediaHealth()` extension. Internal to the kit.
 *
 * @internal
 */
export function useMediaHealthWarning(component: string, store: StatusStore): void {
  useEffect(() => {
    inDevelopment(() => {
      if (hasMediaHealth(store.getState()) || warned.has(component)) return;
      warned.add(component);
      console.warn(`zego-status-kit: ${component} needs createStatusStore({ extensions: [mediaHealth()] })`);
    });
  }, [store, component]);
}
