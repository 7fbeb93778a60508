/**
 * The only ways user text enters the HTML. Every text node and attribute value goes through
 * escapeHtml; text inside the stylesheet (the running header) goes through cssString.
 */
const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => HTML_ESCAPES[c]!);
}

/**
 * A quoted CSS string: letters, digits and spaces stay, everything else becomes a CSS hex escape,
 * so no quote, backslash, newline or `</style>` can end the string or the style element.
 */
export function cssString(text: string): string {
  let out = '"';
  for (const ch of text) {
    if (/[\p{L}\p{N} ]/u.test(ch)) out += ch;
    else out += `\\${ch.codePointAt(0)!.toString(16)} `;
  }
  return `${out}"`;
}

/** Image sources the printer accepts: inlined data (png/jpeg/gif/webp) or a blob of this page; anything else is dropped. */
export function safeImageSrc(src: string | undefined): string | undefined {
  if (src === undefined) return undefined;
  if (/^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=]+$/.test(src)) return src;
  if (/^blob:[A-Za-z0-9:/._%-]+$/.test(src)) return src;
  return undefined;
}

/** Attribute values built from ids (pack ids, sha256) are escaped too, never trusted. */
export function attr(name: string, value: string | number): string {
  return ` ${name}="${escapeHtml(String(value))}"`;
}
