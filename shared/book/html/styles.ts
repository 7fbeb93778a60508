import { cssString } from './escape';
import { FONT_STACKS as F, SIZES as S } from './fonts';

/** GB/T 9704 page: A4, 上 37 mm, 下 35 mm, 左 28 mm, 右 26 mm. */
export const PAGE_MARGINS = { top: '37mm', bottom: '35mm', left: '28mm', right: '26mm' } as const;

/**
 * Paged media for the PDF: margin boxes carry the running header and 「— N —」, nothing else (a
 * submitted book shows only what the form has); the cover is a named page without them. Chromium's page counter counts the cover too,
 * so numbered pages reset it to start at 1 on the first page after the cover.
 */
function pageCss(projectName: string): string {
  const m = PAGE_MARGINS;
  return `
@page { size: A4; margin: ${m.top} ${m.right} ${m.bottom} ${m.left};
  @top-center { content: ${cssString(projectName)}; font-family: ${F.table}; font-size: ${S.wuhao}; color: #333;
    vertical-align: bottom; padding-bottom: 3mm; border-bottom: 0.5pt solid #555; }
  @bottom-center { content: "— " counter(page) " —";
    font-family: ${F.table}; font-size: ${S.wuhao}; line-height: 1.7; color: #333; vertical-align: top; padding-top: 4mm; }
}
@page cover { @top-center { content: none; border: none; } @bottom-center { content: none; } }
@page body-first { counter-reset: page 1; }
.cover { page: cover; }
.body-start { page: body-first; }
`;
}

const SHARED = `
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: ${F.body}; font-size: ${S.sanhao}; line-height: 28pt; color: #000; }
p { margin: 0; text-align: justify; }
p.indent { text-indent: 2em; }
p.note { color: #666; font-size: ${S.sihao}; }
p.caption { font-family: ${F.heading}; font-size: ${S.xiaosi}; line-height: 20pt; margin: 6pt 0 3pt; }
p.signature { margin-top: 10pt; padding-right: 6em; }
.align-left { text-align: left; } .align-center { text-align: center; } .align-right { text-align: right; } .align-justify { text-align: justify; }
h1, h2, h3, h4, h5 { margin: 0; font-weight: normal; line-height: 28pt; break-after: avoid; page-break-after: avoid; }
h1 { font-family: ${F.heading}; font-size: ${S.sanhao}; margin: 14pt 0 6pt; }
h1.front { text-align: center; font-family: ${F.title}; font-size: ${S.erhao}; line-height: 36pt; margin: 0 0 18pt; }
h2 { font-family: ${F.subheading}; font-size: ${S.sanhao}; margin: 8pt 0 4pt; }
h3 { font-family: ${F.body}; font-size: ${S.sanhao}; }
h4, h5 { font-family: ${F.body}; font-size: ${S.sanhao}; }
h2, h3, h4, h5 { text-indent: 2em; }
ol.list, ul.list { margin: 0; padding-left: 2em; }
ol.list { list-style-type: decimal; } ul.list { list-style-type: disc; }
ol.list li, ul.list li { text-align: justify; padding-left: 0.25em; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 4pt 0 10pt; font-family: ${F.table}; font-size: ${S.wuhao}; line-height: 1.5; }
table.info { font-size: ${S.xiaosi}; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.75pt solid #000; padding: 3pt 4pt; vertical-align: middle; overflow-wrap: anywhere; }
/* IDs, credit codes, phones and dates: one line, never split inside (no break-all anywhere). */
td.nobr { white-space: nowrap; overflow-wrap: normal; }
/*
 * Emphasis is set in 黑体, never synthesised bold: the CJK faces have no bold weight, and a
 * synthetic bold glyph is written to the PDF as a Type 3 font (GB/T 9704 sets levels 3 and 4 in 仿宋).
 */
strong, b { font-family: ${F.heading}; font-weight: normal; }
th { font-family: ${F.heading}; font-weight: normal; background: #f2f2f2; text-align: center; }
td.label { background: #f7f7f7; text-align: center; }
td.bold { font-family: ${F.heading}; font-weight: normal; }
td.indent-1 { padding-left: 2em; } td.indent-2 { padding-left: 3em; } td.indent-3 { padding-left: 4em; }
.table-caption { text-align: right; font-family: ${F.table}; font-size: ${S.wuhao}; line-height: 18pt; }
.keep { break-inside: avoid; page-break-inside: avoid; }
figure { margin: 10pt auto; text-align: center; break-inside: avoid; }
figure img { max-width: 100%; max-height: 180mm; }
figcaption { font-family: ${F.table}; font-size: ${S.wuhao}; line-height: 18pt; }
.figure-missing { border: 0.75pt dashed #888; padding: 24pt; color: #666; font-size: ${S.wuhao}; }
.signature-box { border: 0.75pt solid #000; padding: 8pt 12pt; margin: 10pt 0; min-height: 62mm; display: flex; flex-direction: column; break-inside: avoid; }
.signature-box .title { font-family: ${F.heading}; }
.signature-box .space { flex: 1; min-height: 24mm; }
.signature-box .line { text-align: right; padding-right: 3em; }
.toc { margin: 0; padding: 0; list-style: none; }
.toc li { line-height: 28pt; display: flex; align-items: baseline; }
.toc li a { flex: none; max-width: 85%; }
.toc li .leader { flex: 1; border-bottom: 1pt dotted #000; margin: 0 4pt; min-width: 2em; }
.toc li .page { flex: none; min-width: 2em; text-align: right; }
.toc li.level-2 { padding-left: 2em; }
.toc a { color: inherit; text-decoration: none; }
.cover { text-align: center; }
.cover .issuer-top { height: 6mm; }
.cover h1.cover-title { font-family: ${F.title}; font-size: ${S.erhao}; line-height: 40pt; font-weight: normal; margin: 0 0 16mm; letter-spacing: 1pt; text-wrap: balance; }
.cover table.cover-fields { width: 100%; margin: 0 auto; border: none; font-family: ${F.body}; font-size: ${S.sanhao}; line-height: 24pt; table-layout: auto; }
.cover table.cover-fields td { border: none; padding: 5pt 0; vertical-align: bottom; }
.cover table.cover-fields td.cover-label { width: 8.5em; text-align: justify; text-align-last: justify; font-family: ${F.heading}; padding-right: 6pt; white-space: nowrap; }
.cover table.cover-fields td.cover-value { border-bottom: 0.75pt solid #000; text-align: left; padding-left: 6pt; }
.cover .cover-foot { margin-top: 16mm; font-family: ${F.body}; font-size: ${S.sanhao}; line-height: 30pt; }
.watermark { position: fixed; top: 50%; left: 50%; transform: translate(-50%, -50%) rotate(-35deg); font-family: ${F.heading};
  font-size: 150pt; line-height: 1; color: rgba(200, 0, 0, 0.13); pointer-events: none; user-select: none; z-index: 10; white-space: nowrap; }
`;

const PRINT = `
.page-break { break-after: page; page-break-after: always; height: 0; }
.cover { break-after: page; page-break-after: always; }
`;

/** On screen the book is one sheet of paper on a grey desk; page breaks show as a dashed rule. */
const SCREEN = `
html { background: #e9ebef; }
body { max-width: 210mm; margin: 16px auto; background: #fff; padding: 28px 7%; box-shadow: 0 1px 6px rgba(0, 0, 0, 0.18); }
.page-break { border-top: 1px dashed #b5b9c2; margin: 24px -8%; }
.cover { padding-bottom: 24px; }
.running-header { font-family: ${F.table}; font-size: ${S.wuhao}; color: #666; border-bottom: 0.5pt solid #999; text-align: center; margin-bottom: 12px; }
.provenance { font-family: ${F.table}; font-size: ${S.xiaowu}; color: #666; text-align: center; margin-top: 24px; border-top: 0.5pt solid #ccc; line-height: 2; }
.watermark { font-size: 110pt; }
h1, h2, h3, h4, h5 { scroll-margin-top: 12px; }
`;

export function bookCss(options: { projectName: string; provenance: string; forPrint: boolean; extra: string }): string {
  return `${SHARED}${options.forPrint ? pageCss(options.projectName) + PRINT : SCREEN}${options.extra}`;
}
