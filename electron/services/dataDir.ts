import os from 'node:os';
import path from 'node:path';

export interface DataDirSources {
  argv?: readonly string[];
  env?: Readonly<Record<string, string | undefined>>;
  /** Electron passes `app.getPath('userData')` here; it replaces the OS default. */
  defaultDir?: string;
  platform?: NodeJS.Platform;
  homeDir?: string;
}

export const DATA_DIR_ENV = 'SHENBAO_DATA_DIR';

/** `--data-dir` argument > SHENBAO_DATA_DIR > the caller's default > the OS convention. Always absolute. */
export function resolveDataDir(sources: DataDirSources = {}): string {
  const fromArg = dataDirArgument(sources.argv ?? process.argv);
  if (fromArg) return path.resolve(fromArg);
  const fromEnv = (sources.env ?? process.env)[DATA_DIR_ENV];
  if (fromEnv && fromEnv.trim() !== '') return path.resolve(fromEnv);
  if (sources.defaultDir) return path.resolve(sources.defaultDir);
  return osDefaultDataDir(sources.platform ?? process.platform, sources.homeDir ?? os.homedir(), sources.env ?? process.env);
}

function dataDirArgument(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--data-dir') {
      const next = argv[i + 1];
      if (next && next.trim() !== '' && !next.startsWith('--')) return next;
    } else if (arg.startsWith('--data-dir=')) {
      const value = arg.slice('--data-dir='.length);
      if (value.trim() !== '') return value;
    }
  }
  return undefined;
}

/** The directory name Electron derives from package.json `productName`, so every host shares one store. */
export const APP_DIR_NAME = '申报通';

/**
 * Electron's `userData` for this app (`appData/<productName>`), computed without Electron so that
 * the CLI and browser mode open the same drafts as the desktop app by default.
 */
export function osDefaultDataDir(
  platform: NodeJS.Platform,
  homeDir: string,
  env: Readonly<Record<string, string | undefined>> = {},
): string {
  if (platform === 'win32') {
    const appData = env['APPDATA'] ?? path.win32.join(homeDir, 'AppData', 'Roaming');
    return path.win32.join(appData, APP_DIR_NAME);
  }
  if (platform === 'darwin') return path.posix.join(homeDir, 'Library', 'Application Support', APP_DIR_NAME);
  const xdg = env['XDG_CONFIG_HOME'];
  return path.posix.join(xdg && xdg.trim() !== '' ? xdg : path.posix.join(homeDir, '.config'), APP_DIR_NAME);
}
