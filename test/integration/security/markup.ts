/**
 * Reading generated HTML and XML the way an attacker would hope it breaks: which real tags and
 * attributes it contains, and what text a reader sees. Escaped text can never form a tag here.
 */

/** The elements the book, the preview and the self-check sheet write; anything else was injected. */
export const WRITTEN_TAGS = [
  'html', 'head', 'meta', 'title', 'style', 'body', 'div', 'section', 'span', 'h1', 'h2', 'h3', 'h4', 'p', 'strong', 'em',
  'u', 'sup', 'sub', 'br', 'ul', 'ol', 'li', 'a', 'table', 'colgroup', 'col', 'thead', 'tbody', 'tr', 'th', 'td',
  'figure', 'figcaption', 'img',
];

const withoutStyles = (html: string): string => html.replace(/<style[^>]*>[\s\S]*?<\/style>/g, '<style></style>');

/** Injected elements, event-handler attributes and links or sources other than in-page anchors and inlined images. */
export function markupProblems(html: string, allowedTags: readonly string[] = WRITTEN_TAGS): string[] {
  const problems: string[] = [];
  for (const [tag, name, attrs] of withoutStyles(html).matchAll(/<\/?([a-zA-Z][\w:-]*)([^>]*)>/g)) {
    if (!allowedTags.includes(name!.toLowerCase())) problems.push(`多出的元素：${tag}`);
    if (/\son[a-z]+\s*=/i.test(attrs!)) problems.push(`事件属性：${tag}`);
    for (const [, , value] of attrs!.matchAll(/\s(href|src|xlink:href|action|formaction)\s*=\s*"([^"]*)"/gi)) {
      if (!value!.startsWith('#') && !/^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=]*$/.test(value!)) problems.push(`链接或来源：${tag}`);
    }
  }
  return problems;
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') return String.fromCodePoint(body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : Number(body.slice(1)));
    return NAMED[body.toLowerCase()] ?? whole;
  });
}

/** What a reader of the page sees: the text outside tags, entities decoded. */
export function visibleText(html: string): string {
  return decodeEntities(withoutStyles(html).replace(/<style><\/style>/g, '').replace(/<[^>]*>/g, ' '));
}

/**
 * Well-formedness of an XML part: every `<` opens a tag, declaration or comment, tags nest and
 * close in order, and every `&` starts an entity. Returns the first problem, or null.
 */
export function xmlProblem(xml: string): string | null {
  const stack: string[] = [];
  let at = 0;
  for (const m of xml.matchAll(/<(\?[^>]*\?|!--[\s\S]*?--|!\[CDATA\[[\s\S]*?\]\]|\/?[A-Za-z_][\w:.-]*(?:\s+[\w:.-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*\s*\/?)>/g)) {
    const text = xml.slice(at, m.index);
    if (text.includes('<')) return `无法解析的标记：${text.slice(text.indexOf('<'), text.indexOf('<') + 40)}`;
    if (/&(?!(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);)/i.test(text)) return `未转义的 &：${text.slice(0, 40)}`;
    at = m.index + m[0].length;
    const body = m[1]!;
    if (/^[?!]/.test(body)) continue;
    const name = /^\/?([^\s/]+)/.exec(body)![1]!;
    if (body.startsWith('/')) {
      if (stack.pop() !== name) return `结束标签不匹配：</${name}>`;
    } else if (!body.endsWith('/')) stack.push(name);
  }
  if (xml.slice(at).includes('<')) return '文末有无法解析的标记';
  return stack.length === 0 ? null : `未闭合的元素：<${stack.at(-1)}>`;
}

/** The text of a WordprocessingML part, run by run. */
export function docxText(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decodeEntities(m[1]!)).join('');
}
