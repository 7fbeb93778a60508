import { FONT_FALLBACKS, FONTS } from './fonts';

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** GB2312 charset (0x86) for the Chinese faces, ANSI (0x00) for the Latin ones. */
function fontEntry(name: string): string {
  const chinese = [...name].some((ch) => ch.charCodeAt(0) > 0x7f);
  const alt = FONT_FALLBACKS[name];
  return [
    `<w:font w:name="${escapeXml(name)}">`,
    alt ? `<w:altName w:val="${escapeXml(alt)}"/>` : '',
    `<w:charset w:val="${chinese ? '86' : '00'}"/>`,
    `<w:family w:val="${chinese ? 'modern' : 'roman'}"/>`,
    `<w:pitch w:val="${chinese ? 'fixed' : 'variable'}"/>`,
    '</w:font>',
  ].join('');
}

/**
 * `word/fontTable.xml`, replacing the docx package's empty one: it lists every face the book
 * uses and gives 方正小标宋简体 and 仿宋_GB2312 their fallbacks (宋体, 仿宋) as `w:altName`,
 * which is how Word and WPS pick a substitute for a font the reader does not have.
 */
export function fontTableXml(): string {
  const names = new Set<string>();
  for (const role of Object.values(FONTS)) {
    names.add(role.eastAsia);
    names.add(role.latin);
  }
  for (const alt of Object.values(FONT_FALLBACKS)) names.add(alt);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    [...names].map(fontEntry).join('') +
    '</w:fonts>'
  );
}
