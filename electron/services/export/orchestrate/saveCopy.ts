import { createReadStream, promises as fsp } from 'node:fs';
import path from 'node:path';
import { commitTempFile, streamToTempFile } from '../../fs/atomicWrite';

/**
 * Copies a finished package to where the user chose (Electron's save dialog): streamed to a temp
 * file beside the target, fsynced and renamed, so an interrupted copy never leaves half a zip there.
 * A copy (not a move) keeps the job's file downloadable again until the daily cleanup.
 */
export async function saveCopyAs(source: string, target: string): Promise<void> {
  const full = path.resolve(target);
  const temp = await streamToTempFile(() => createReadStream(source), path.dirname(full));
  try {
    await commitTempFile(temp, full);
  } catch (e) {
    await fsp.unlink(temp).catch(() => undefined);
    throw e;
  }
}
