// Stories are built by Vite: CSS side-effect imports and `?raw` text imports.
/// <reference types="vite/client" />
