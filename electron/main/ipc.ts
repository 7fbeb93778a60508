import { ipcMain } from 'electron';
import { CHANNELS, METHODS } from '../../shared/ipc/channels';
import type { Handlers } from '../../shared/ipc/contract';
import { dispatch } from '../../shared/ipc/dispatch';
import type { Envelope } from '../../shared/ipc/errors';
import { isTrustedUrl } from './origins';

const FORBIDDEN: Envelope<never> = { ok: false, error: { code: 'forbidden', message: '拒绝来自非本应用页面的请求' } };

/**
 * One `ipcMain.handle` per contract method. The sender must be a frame of our own origin; the payload
 * is then validated by `dispatch` against the contract before a handler sees it.
 */
export function registerIpc(handlers: Handlers, origins: readonly string[]): void {
  for (const method of METHODS) {
    ipcMain.handle(CHANNELS[method], (event, payload: unknown) => {
      const frame = event.senderFrame;
      if (frame === null || !isTrustedUrl(frame.url, origins)) return FORBIDDEN;
      return dispatch(handlers, method, payload);
    });
  }
}
