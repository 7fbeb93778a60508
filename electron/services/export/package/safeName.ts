import { sanitizeFileBase } from '../../drafts/exportFileName';

const MEDIA_EXTENSIONS: Record<string, string> = {
  'application/pdf': '.pdf',
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'image/gif': '.gif',
  'image/webp': '.webp',
  'image/tiff': '.tif',
  'application/msword': '.doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
  'application/vnd.ms-excel': '.xls',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': '.xlsx',
  'application/zip': '.zip',
  'application/x-rar-compressed': '.rar',
  'application/vnd.rar': '.rar',
  'text/plain': '.txt',
};

/** Checklist names are pack text; keep them short so `附件N-…` stays well under path limits. */
const MAX_ITEM_NAME = 40;

/**
 * The extension of the user's file: only a plain `.abc` of letters and digits survives, so a name
 * like 「营业执照.pdf\u202Eexe」 or 「a.pdf/../x」 cannot smuggle anything into the package.
 */
export function safeExtension(originalName: string, mediaType: string): string {
  const cleaned = originalName.normalize('NFC').replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
  const match = /\.([A-Za-z0-9]{1,10})$/.exec(cleaned.trim());
  if (match?.[1]) return `.${match[1].toLowerCase()}`;
  // Own keys only: a media type such as 「constructor」 must not reach Object.prototype.
  const key = mediaType.toLowerCase();
  return Object.hasOwn(MEDIA_EXTENSIONS, key) ? MEDIA_EXTENSIONS[key]! : '.bin';
}

/** 「附件3-营业执照副本.pdf」 for 附件3 of the book; its second file becomes 「附件3-营业执照副本（2）.pdf」. */
export function attachmentEntryName(no: number, itemName: string, originalName: string, mediaType: string, copy = 1): string {
  const base = Array.from(sanitizeFileBase(itemName)).slice(0, MAX_ITEM_NAME).join('').replace(/[.\s]+$/g, '');
  const suffix = copy > 1 ? `（${copy}）` : '';
  return `附件${no}-${base}${suffix}${safeExtension(originalName, mediaType)}`;
}

/** 「<项目名称>-申报书.docx」 with the same rules as every other exported file name. */
export function documentFileName(projectName: string, documentName: string, extension: string): string {
  return `${sanitizeFileBase(projectName)}-${documentName}${extension}`;
}
