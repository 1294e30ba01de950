import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// zego-status-kit is installed from this repository (file:../..), a symlink to
// a folder above this app, so the bundler's root is the repository's.
const repository = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  turbopack: { root: repository },
  outputFileTracingRoot: repository,
};

export default nextConfig;
