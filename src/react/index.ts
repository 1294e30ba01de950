'use client';
/**
 * zego-status-kit/react: provider, hooks and components (coming in the next slice).
 */
export {};
