/// <reference types="vite/client" />
import type { Api } from '../../shared/ipc/contract';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in browser mode, where the HTTP client stands in. */
    api?: Api;
  }
}

export {};
