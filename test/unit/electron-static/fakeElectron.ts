/**
 * A recording stand-in for the parts of the `electron` module the shell uses, so the main process
 * can run under vitest on machines without the Electron binary. It records what the shell asks for
 * (scheme privileges, protocol and IPC handlers, window options, guards) for the tests to inspect.
 */

type Listener = (...args: unknown[]) => unknown;

export class FakeWebContents {
  readonly listeners = new Map<string, Listener[]>();
  openHandler: ((details: unknown) => unknown) | undefined;
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  setWindowOpenHandler(handler: (details: unknown) => unknown): void {
    this.openHandler = handler;
  }
  /** Fires an event carrying `url` the way Electron does; answers whether some listener prevented it. */
  emitNavigation(event: string, url: string): boolean {
    let prevented = false;
    const e = { url, preventDefault: () => (prevented = true) };
    for (const l of this.listeners.get(event) ?? []) l(e);
    return prevented;
  }
}

export const state = {
  privileged: [] as { scheme: string; privileges?: Record<string, boolean> }[],
  protocolHandlers: new Map<string, (request: Request) => Promise<Response> | Response>(),
  ipc: new Map<string, (event: unknown, payload: unknown) => unknown>(),
  windows: [] as FakeBrowserWindow[],
  appListeners: new Map<string, Listener[]>(),
  errorBoxes: [] as [string, string][],
  exitCodes: [] as number[],
  sandboxEnabled: false,
  permissionRequest: undefined as undefined | ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void),
  permissionCheck: undefined as undefined | ((...args: unknown[]) => boolean),
  menu: undefined as unknown,
};

export class FakeBrowserWindow {
  readonly webContents = new FakeWebContents();
  loadedUrl: string | undefined;
  constructor(readonly options: { title?: string; webPreferences?: Record<string, unknown> } & Record<string, unknown>) {
    state.windows.push(this);
  }
  once(): this {
    return this;
  }
  show(): void {}
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  static getAllWindows(): FakeBrowserWindow[] {
    return state.windows;
  }
}

export const fakeElectron = {
  app: {
    isPackaged: true,
    whenReady: () => Promise.resolve(),
    getAppPath: () => '/nonexistent-app',
    getPath: () => '/nonexistent-user-data',
    getVersion: () => '0.0.0-test',
    enableSandbox: () => {
      state.sandboxEnabled = true;
    },
    on(event: string, listener: Listener) {
      state.appListeners.set(event, [...(state.appListeners.get(event) ?? []), listener]);
    },
    quit: () => undefined,
    exit: (code: number) => {
      state.exitCodes.push(code);
    },
  },
  BrowserWindow: FakeBrowserWindow,
  protocol: {
    registerSchemesAsPrivileged: (schemes: { scheme: string; privileges?: Record<string, boolean> }[]) => {
      state.privileged.push(...schemes);
    },
    handle: (scheme: string, handler: (request: Request) => Promise<Response> | Response) => {
      state.protocolHandlers.set(scheme, handler);
    },
  },
  ipcMain: {
    handle: (channel: string, handler: (event: unknown, payload: unknown) => unknown) => {
      state.ipc.set(channel, handler);
    },
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (h: typeof state.permissionRequest) => {
        state.permissionRequest = h;
      },
      setPermissionCheckHandler: (h: typeof state.permissionCheck) => {
        state.permissionCheck = h;
      },
      webRequest: { onHeadersReceived: () => undefined },
    },
  },
  dialog: {
    showErrorBox: (title: string, message: string) => {
      state.errorBoxes.push([title, message]);
    },
    showMessageBox: () => Promise.resolve({ response: 0 }),
  },
  Menu: {
    buildFromTemplate: (template: unknown) => template,
    setApplicationMenu: (menu: unknown) => {
      state.menu = menu;
    },
  },
};
