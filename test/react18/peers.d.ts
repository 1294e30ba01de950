// `provide` in vitest.config.ts: the peers each project is meant to run on.
declare module 'vitest' {
  export interface ProvidedContext {
    peers: { react: string; zustandMajor: number };
  }
}
export {};
