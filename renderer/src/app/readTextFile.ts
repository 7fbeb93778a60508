import { AppError } from '../../../shared/ipc/errors';
import { decodeTextOr } from '../../../shared/text/decodeText';

/**
 * A text file the user chose (a draft file, a guideline pack, its notice), decoded exactly as the
 * CLI and the services decode files: UTF-8, UTF-16 or GBK, whichever it is. A file that is no text
 * is refused in Chinese rather than read as mojibake.
 */
export async function readTextFile(file: Blob): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    throw new AppError('io_error', '无法读取所选文件');
  }
  return decodeTextOr(bytes, () => new AppError('invalid_input', '所选文件不是文本文件（可能是图片、压缩包等其他格式，只是改了扩展名），请重新选择'));
}
