import { UNTITLED_DRAFT } from '../../../shared/model/draft';

export const DRAFT_FILE_SUFFIX = '.shenbao.json';
const MAX_BASE_LENGTH = 80;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/**
 * A title becomes a file name the user's OS will accept and that cannot point elsewhere:
 * no separators or characters Windows rejects, no control or bidi-override characters (which
 * can disguise an extension), no reserved device names, no trailing dots/spaces, bounded length.
 */
export function sanitizeFileBase(title: string): string {
  let base = title
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- stripping control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[/\\<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '');
  base = Array.from(base).slice(0, MAX_BASE_LENGTH).join('').replace(/[.\s]+$/g, '');
  if (base === '') base = UNTITLED_DRAFT;
  if (WINDOWS_RESERVED.test(base)) base = `_${base}`;
  return base;
}

export function draftFileName(title: string): string {
  return sanitizeFileBase(title) + DRAFT_FILE_SUFFIX;
}
