import { ZipFile } from 'yazl';
import { ATTACHMENT_MAX_BYTES } from '../../../shared/attachments/limits';
import { AppError } from '../../../shared/ipc/errors';
import { DRAFT_ARCHIVE_MAX_BYTES } from '../../../shared/ipc/domains/drafts.contract';
import type { AttachmentRef, Draft } from '../../../shared/model/draft';
import { decodeTextOr } from '../../../shared/text/decodeText';
import { formatFileSize } from '../../../shared/text/fileSize';
import type { AttachmentStore } from '../attachments/attachmentStore';
import { useNativeCrc32ForZip } from '../export/package/nativeCrc32';
import { readZipSafely, type SafeEntry } from '../export/verify/readZipSafely';
import { draftFileContent } from './draftFileSize';
import { sanitizeFileBase } from './exportFileName';
import { parseDraftFile } from './parseDraftFile';

/**
 * 草稿数据文件: one zip holding the draft (`draft.json`, the documented draft format) and the bytes of
 * every attachment it refers to (`attachments/<sha256>`), so a draft moved to another computer arrives whole.
 */
export const ARCHIVE_DRAFT_ENTRY = 'draft.json';
export const ARCHIVE_ATTACHMENTS_DIR = 'attachments/';
/** The word for this file in every message, including those of the shared zip checks. */
export const DRAFT_ARCHIVE_NOUN = '草稿数据文件';
export const DRAFT_ARCHIVE_SUFFIX = '-草稿数据.zip';

const refused = (message: string) => new AppError('corrupt_file', message);

export function draftArchiveFileName(title: string): string {
  return sanitizeFileBase(title) + DRAFT_ARCHIVE_SUFFIX;
}

/** Each stored file once, by its address, with every reference to it (the same file may sit in two slots). */
function refsBySha(draft: Draft): Map<string, AttachmentRef[]> {
  const map = new Map<string, AttachmentRef[]>();
  for (const refs of Object.values(draft.attachments)) {
    for (const ref of refs) map.set(ref.sha256, [...(map.get(ref.sha256) ?? []), ref]);
  }
  return map;
}

function zipToBuffer(zip: ZipFile): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.end();
  });
}

/**
 * The draft and its attachments' bytes (each read through the store's verifying reader) as one zip.
 * A file this computer no longer has whole (missing or altered) cannot be carried: the draft still
 * goes, its reference stays (the other side shows it as 缺失, as with a plain draft file), and
 * `missing` names it so the user is told.
 */
export async function buildDraftArchive(draft: Draft, attachments: AttachmentStore): Promise<{ bytes: Buffer; attachmentCount: number; missing: string[] }> {
  const files = refsBySha(draft);
  const content = Buffer.from(draftFileContent(draft), 'utf8');
  const total = content.length + [...files.values()].reduce((sum, refs) => sum + refs[0]!.size, 0);
  if (total > DRAFT_ARCHIVE_MAX_BYTES) {
    throw new AppError(
      'invalid_input',
      `草稿连同附件共 ${formatFileSize(total)}，超过草稿数据文件 ${formatFileSize(DRAFT_ARCHIVE_MAX_BYTES)} 的上限；请删去较大的附件后再导出，附件原件请另行拷贝`,
    );
  }
  // A fixed time: the same draft always gives the same file.
  const mtime = new Date('2000-01-01T00:00:00Z');
  // yazl CRCs every attachment it holds; the native CRC-32 is an order of magnitude faster than its JavaScript one.
  useNativeCrc32ForZip();
  const zip = new ZipFile();
  zip.addBuffer(content, ARCHIVE_DRAFT_ENTRY, { mtime });
  const missing: string[] = [];
  for (const [sha256, refs] of files) {
    let bytes: Buffer;
    try {
      bytes = await attachments.read(sha256, refs[0]!.name);
    } catch (e) {
      if (!(e instanceof AppError) || (e.code !== 'not_found' && e.code !== 'corrupt_file')) throw e;
      missing.push(refs[0]!.name);
      continue;
    }
    zip.addBuffer(bytes, ARCHIVE_ATTACHMENTS_DIR + sha256, { mtime });
  }
  return { bytes: await zipToBuffer(zip), attachmentCount: files.size - missing.length, missing };
}

/** The one draft entry: at the top, or under a single folder when the zip was made again by hand. */
function findDraftEntry(files: SafeEntry[]): SafeEntry {
  const top = files.find((e) => e.name === ARCHIVE_DRAFT_ENTRY);
  if (top) return top;
  const nested = files.filter((e) => e.name.endsWith(`/${ARCHIVE_DRAFT_ENTRY}`) && e.name.split('/').length === 2);
  if (nested.length === 1) return nested[0]!;
  throw refused(`${DRAFT_ARCHIVE_NOUN}中没有草稿内容，这不是申报通导出的${DRAFT_ARCHIVE_NOUN}`);
}

/**
 * What Windows Explorer and macOS add when a folder is zipped or browsed (thumbnails, folder
 * settings, resource forks): not part of the draft, and not a reason to refuse the file.
 */
function isSystemLitter(name: string): boolean {
  const base = name.slice(name.lastIndexOf('/') + 1);
  return /^(?:Thumbs\.db|desktop\.ini|\.DS_Store)$/i.test(base) || base.startsWith('._') || name.startsWith('__MACOSX/');
}

/**
 * Reads a 草稿数据文件 through the exact zip reader (traversal, bombs, overlapping entries, GBK names),
 * checks every attachment it carries against the draft's references (SHA-256 and size), and only then
 * stores them. Any refusal happens before a byte is stored, so a refused file leaves nothing behind.
 */
export async function readDraftArchive(bytes: Buffer, attachments: AttachmentStore): Promise<{ draft: Draft; attachmentCount: number; missing: string[] }> {
  const zip = await readZipSafely(bytes, { noun: DRAFT_ARCHIVE_NOUN });
  try {
    const files = zip.entries.filter((e) => !e.name.endsWith('/') && !isSystemLitter(e.name));
    const draftEntry = findDraftEntry(files);
    const prefix = draftEntry.name.slice(0, -ARCHIVE_DRAFT_ENTRY.length);
    // In whatever encoding a hand edit on another computer left it.
    const draft = parseDraftFile(decodeTextOr(await zip.readSmall(draftEntry), () => new AppError('corrupt_file', `${DRAFT_ARCHIVE_NOUN}已损坏：其中的草稿内容不是文本`)));
    const needed = refsBySha(draft);
    const byName = new Map(files.map((e) => [e.name, e]));
    const expected = new Set([draftEntry.name, ...[...needed.keys()].map((sha) => prefix + ARCHIVE_ATTACHMENTS_DIR + sha)]);
    const stranger = files.find((e) => !expected.has(e.name));
    if (stranger) throw refused(`${DRAFT_ARCHIVE_NOUN}中有不属于这份草稿的文件「${stranger.name}」，已拒绝导入`);

    const entries: { entry: SafeEntry; refs: AttachmentRef[] }[] = [];
    const missing: string[] = [];
    for (const [sha256, refs] of needed) {
      const entry = byName.get(prefix + ARCHIVE_ATTACHMENTS_DIR + sha256);
      // Not carried (the exporting computer no longer had it): the reference stays and shows as 缺失, as with a plain draft file.
      if (!entry) {
        if (attachments.info(sha256) === undefined) missing.push(refs[0]!.name);
        continue;
      }
      const got = await zip.hash(entry);
      const wrong = refs.find((r) => r.sha256 !== got.sha256 || r.size !== got.size);
      if (wrong) {
        throw refused(`附件「${wrong.name}」的内容与草稿记录不符（大小或校验值不一致），${DRAFT_ARCHIVE_NOUN}可能已损坏或被改动，未导入任何内容`);
      }
      entries.push({ entry, refs });
    }
    for (const { entry, refs } of entries) {
      const stored = await attachments.putFile(await zip.read(entry, ATTACHMENT_MAX_BYTES), { name: refs[0]!.name, mediaType: refs[0]!.mediaType });
      if (stored.sha256 !== refs[0]!.sha256) throw refused(`附件「${refs[0]!.name}」在导入时读到的内容前后不一致，请重试`);
    }
    return { draft, attachmentCount: entries.length, missing };
  } finally {
    zip.close();
  }
}
