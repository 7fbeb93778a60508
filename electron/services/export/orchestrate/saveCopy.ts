import { createReadStream } from 'node:fs';
import path from 'node:path';
import { commitTempFile, streamToTempFile } from '../../fs/atomicWrite';

/**
 * Copies a finished package to where the user chose (Electron's save dialog): streamed to a temp
 * file beside the target, fsynced and renamed, so an interrupted copy never leaves half a zip there.
 * A copy (not a move) keeps the job's file downloadable again until the daily cleanup.
 */
export async function saveCopyAs(source: string, target: string): Promise<void> {
  const temp = await streamToTempFile(() => createReadStream(source), path.dirname(path.resolve(target)));
  await commitTempFile(temp, path.resolve(target));
}
