// A server component (no 'use client'): the kit's plain values and functions
// run here, on the server; its components render here as client components.
import {
  CONNECTING_NOTICE_MS,
  ConnectionStatusBadge,
  RECONNECTED_CONFIRMATION_MS,
  en,
  formatDuration,
} from 'zego-status-kit/react';
import { ROOM_ID, Room } from './room';

export default function Page() {
  return (
    <main>
      <h1>
        zego-status-kit on Next.js <ConnectionStatusBadge roomID={ROOM_ID} />
      </h1>
      <p id="server-facts">
        From the server: a login longer than {formatDuration(CONNECTING_NOTICE_MS, en)} shows “Connecting…”, and
        “Reconnected” stays for {formatDuration(RECONNECTED_CONFIRMATION_MS, en)}.
      </p>
      <Room />
    </main>
  );
}
