import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, METHODS, type Method } from '../../shared/ipc/channels';
import type { Api, Input, Output } from '../../shared/ipc/contract';
import type { Envelope } from '../../shared/ipc/errors';

/**
 * The sandboxed preload. It imports only the closed channel list (no zod), and exposes one named
 * method per contract entry; the page never gets ipcRenderer or a way to pick a channel itself.
 */
function bind<M extends Method>(method: M): (input: Input<M>) => Promise<Envelope<Output<M>>> {
  const channel = CHANNELS[method];
  return (input) => ipcRenderer.invoke(channel, input);
}

/** One bound method per entry of the closed list; typed per method, so the result satisfies Api. */
function buildApi<K extends Method>(methods: readonly K[]): { [M in K]: (input: Input<M>) => Promise<Envelope<Output<M>>> } {
  const entries = methods.map((m) => [m, bind(m)] as const);
  return Object.fromEntries(entries) as { [M in K]: (input: Input<M>) => Promise<Envelope<Output<M>>> };
}

const api = buildApi(METHODS) satisfies Api;

contextBridge.exposeInMainWorld('api', Object.freeze(api));

/** The type of `window.api` in both Electron and browser mode. */
export type { Api };
