'use client';
import { useState, type ReactNode } from 'react';
import { createStatusStore } from 'zego-status-kit';
import { StatusProvider } from 'zego-status-kit/react';

// One store per browser tab, created on the client: a store holds functions,
// which cannot cross from a server component to a client one.
export function Providers({ children }: { children: ReactNode }) {
  const [store] = useState(() => createStatusStore());
  return <StatusProvider store={store}>{children}</StatusProvider>;
}
