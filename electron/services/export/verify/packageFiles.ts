import { MANIFEST_FILE } from '../../../../shared/export/manifest';
import type { SafeEntry } from './readZipSafely';

export interface PackageFile {
  /** The path the manifest uses for it. */
  path: string;
  entry: SafeEntry;
}

function isFolder(entry: SafeEntry): boolean {
  return entry.name.endsWith('/') && entry.size === 0;
}

/**
 * The package's files under the paths the manifest uses. Folder entries hold nothing and are not
 * files. A package that was unpacked into a folder and zipped again (Windows' 「发送到 → 压缩文件夹」
 * on the folder) has every file under that one folder: when the manifest is only found there, the
 * folder is taken as the package root.
 */
export function packageFiles(entries: readonly SafeEntry[]): PackageFile[] {
  const files = entries.filter((e) => !isFolder(e));
  if (files.some((e) => e.name === MANIFEST_FILE)) return files.map((entry) => ({ path: entry.name, entry }));
  const first = files[0]?.name ?? '';
  const slash = first.indexOf('/');
  if (slash <= 0) return files.map((entry) => ({ path: entry.name, entry }));
  const prefix = first.slice(0, slash + 1);
  const wrapped = files.every((e) => e.name.startsWith(prefix)) && files.some((e) => e.name === prefix + MANIFEST_FILE);
  return files.map((entry) => ({ path: wrapped ? entry.name.slice(prefix.length) : entry.name, entry }));
}
