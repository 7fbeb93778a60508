/** The largest attachment the app accepts, whatever the checklist item allows. */
export const ATTACHMENT_MAX_BYTES = 50 * 1024 * 1024;

/** Base64 text of `bytes` bytes is 4 characters per 3 bytes, rounded up. */
export function base64LengthOf(bytes: number): number {
  return Math.ceil(bytes / 3) * 4;
}
