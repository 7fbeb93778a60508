import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS, type Method } from '../../shared/ipc/channels';
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

const api = {
  appInfo: bind('appInfo'),
  draftsList: bind('draftsList'),
  draftsGet: bind('draftsGet'),
  draftsCreate: bind('draftsCreate'),
  draftsSave: bind('draftsSave'),
  draftsRename: bind('draftsRename'),
  draftsDuplicate: bind('draftsDuplicate'),
  draftsDelete: bind('draftsDelete'),
  draftsRestore: bind('draftsRestore'),
  draftsPurge: bind('draftsPurge'),
  draftsRevisions: bind('draftsRevisions'),
  draftsImport: bind('draftsImport'),
  draftsExport: bind('draftsExport'),
  guidelinesList: bind('guidelinesList'),
  guidelinesGet: bind('guidelinesGet'),
} satisfies Api;

contextBridge.exposeInMainWorld('api', Object.freeze(api));

/** The type of `window.api` in both Electron and browser mode. */
export type { Api };
