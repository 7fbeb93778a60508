import { describe, expect, it } from 'vitest';
import type { Book } from '../../../shared/book/ast';
import { cssString, escapeHtml, safeImageSrc } from '../../../shared/book/html/escape';
import { renderBookHtml } from '../../../shared/book/html/index';

const HOSTILE = ['<img src=x onerror=alert(1)>', '<script>alert(1)</script>', 'javascript:alert(1)', '"><svg onload=alert(1)>', "'; } body { display:none } </style><script>x()</script>"];

function hostileBook(text: string): Book {
  return {
    meta: { documentType: 'application', documentName: '申报书', projectName: text, packId: 'p', packVersion: '1.0.0', packHash: 'a'.repeat(64), draftId: 'd', revision: 1, watermark: true, provenance: text, facts: { projectName: text, applicant: text, pi: text, total: text, fiscal: text } },
    cover: { title: text, fields: [{ label: text, value: text }], issuer: text, date: text },
    blocks: [
      { type: 'heading', level: 1, text, sectionId: 'x"><script>' },
      { type: 'toc' },
      { type: 'paragraph', runs: [{ type: 'text', text, bold: true }] },
      { type: 'list', ordered: false, items: [[{ type: 'text', text }]] },
      { type: 'table', role: 'info', widths: [1, 2], headerRows: [[{ runs: [{ type: 'text', text }] }]], rows: [[{ runs: [{ type: 'text', text }], colSpan: 2 }]], caption: text },
      { type: 'figure', sha256: 'f'.repeat(64), mediaType: 'image/png', caption: text },
      { type: 'signature', title: text, lines: [text], sealLabel: text },
      { type: 'attachmentList', items: [{ no: 1, name: text, files: [text], required: true }] },
    ],
  };
}

const ALLOWED_TAGS = ['html', 'head', 'meta', 'title', 'style', 'body', 'div', 'section', 'h1', 'h2', 'h3', 'h4', 'p', 'strong', 'em', 'u', 'sup', 'sub', 'br', 'ul', 'ol', 'li', 'a', 'table', 'colgroup', 'col', 'thead', 'tbody', 'tr', 'th', 'td', 'figure', 'figcaption', 'img'];

/** Opening tags outside the stylesheet: escaped text can never produce a `<` here. */
function tagsOf(html: string): RegExpMatchArray[] {
  const withoutCss = html.replace(/<style[^>]*>[\s\S]*?<\/style>/, '<style>');
  return [...withoutCss.matchAll(/<([a-zA-Z][a-zA-Z0-9]*)([^>]*)>/g)];
}

describe('escapeHtml', () => {
  it('turns markup into text', () => {
    expect(escapeHtml('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert(1)&gt;');
    expect(escapeHtml('<script>alert("1")</script>')).toBe('&lt;script&gt;alert(&quot;1&quot;)&lt;/script&gt;');
    expect(escapeHtml(`a&b'c\``)).toBe('a&amp;b&#39;c&#96;');
  });
});

describe('cssString', () => {
  it('leaves no quote, backslash, newline or angle bracket that could end the string or the style element', () => {
    const s = cssString('项目"\\\n</style><script>');
    expect(s.slice(1, -1)).not.toMatch(/["\n<>/]/);
    expect(s).toContain('项目');
  });
});

describe('safeImageSrc', () => {
  it('accepts inlined images and drops every other scheme', () => {
    expect(safeImageSrc('data:image/png;base64,iVBORw0KGgo=')).toBe('data:image/png;base64,iVBORw0KGgo=');
    expect(safeImageSrc('javascript:alert(1)')).toBeUndefined();
    expect(safeImageSrc('data:text/html;base64,PHNjcmlwdD4=')).toBeUndefined();
    expect(safeImageSrc('file:///etc/passwd')).toBeUndefined();
    expect(safeImageSrc('data:image/png;base64,x" onerror="alert(1)')).toBeUndefined();
  });
});

describe('renderBookHtml with hostile text everywhere', () => {
  for (const text of HOSTILE) {
    for (const forPrint of [true, false]) {
      it(`${forPrint ? 'print' : 'preview'}: ${text}`, () => {
        const html = renderBookHtml(hostileBook(text), { forPrint, styleNonce: 'n"><script>', figureSrc: () => 'javascript:alert(1)' });
        // Every real tag is one the printer writes, with no handler attribute and no scheme but #.
        for (const [, name, attrs] of tagsOf(html)) {
          expect(ALLOWED_TAGS).toContain(name!.toLowerCase());
          expect(attrs).not.toMatch(/\son\w+=/i);
          expect(attrs).not.toMatch(/(href|src)="(?!#)/i);
        }
        // Exactly one style element, and it is the one we wrote.
        expect(html.match(/<style/g)).toHaveLength(1);
        expect(html.match(/<\/style>/g)).toHaveLength(1);
        expect(html).not.toMatch(/\sstyle=/);
      });
    }
  }

  it('carries the nonce on its only style element', () => {
    const html = renderBookHtml(hostileBook('x'), { forPrint: false, styleNonce: 'abc123' });
    expect(html).toContain('<style nonce="abc123">');
  });

  it('prints a figure only from an inlined image source', () => {
    const book = hostileBook('图');
    const src = 'data:image/png;base64,iVBORw0KGgo=';
    expect(renderBookHtml(book, { forPrint: true, figureSrc: () => src })).toContain(`<img src="${src}" alt="图">`);
    expect(renderBookHtml(book, { forPrint: true })).toContain('图片未载入');
  });
});
