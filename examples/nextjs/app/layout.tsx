import type { ReactNode } from 'react';
import 'zego-status-kit/styles.css';
import { Providers } from './providers';

export const metadata = { title: 'zego-status-kit on Next.js' };

// A server component: the store is created in the client Providers below,
// since a store (functions) cannot be passed from server to client.
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
