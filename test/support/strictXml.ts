/**
 * A strict reading of one XML part, enough to catch what makes Word say 「无法读取的内容」:
 * unbalanced or mismatched tags, duplicate attributes, bad entity references, and element or
 * attribute names whose namespace prefix (or, unprefixed, whose default namespace) is not declared
 * in scope — `<undefined>` in a part without a default namespace is such a name.
 */
const NAME = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?$/;
const ENTITY = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;

interface Scope {
  prefixes: Set<string>;
  hasDefault: boolean;
}

export function strictXmlProblems(xml: string, part: string): string[] {
  const problems: string[] = [];
  const stack: { name: string; scope: Scope }[] = [];
  const root: Scope = { prefixes: new Set(['xml']), hasDefault: false };
  const body = xml.replace(/^\uFEFF?<\?xml[^?]*\?>/, '');
  const token = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<\/?[^>]*>|[^<]+/g;
  let seenRoot = false;
  for (const m of body.matchAll(token)) {
    const t = m[0];
    if (t.startsWith('<!--') || t.startsWith('<![CDATA[') || t.startsWith('<?')) continue;
    if (!t.startsWith('<')) {
      if (ENTITY.test(t)) problems.push(`${part}: 文本中有未转义的 &`);
      if (stack.length === 0 && t.trim() !== '') problems.push(`${part}: 根元素之外有文本`);
      continue;
    }
    if (t.startsWith('</')) {
      const name = t.slice(2, -1).trim();
      const open = stack.pop();
      if (!open || open.name !== name) problems.push(`${part}: 结束标签 </${name}> 与 <${open?.name ?? '（无）'}> 不匹配`);
      continue;
    }
    const selfClosing = t.endsWith('/>');
    const inner = t.slice(1, selfClosing ? -2 : -1);
    const nameMatch = /^([^\s/>]+)/.exec(inner);
    const name = nameMatch?.[1] ?? '';
    if (!NAME.test(name)) problems.push(`${part}: 元素名「${name}」不合法`);
    if (stack.length === 0 && seenRoot) problems.push(`${part}: 有多个根元素`);
    seenRoot = true;
    const parent = stack.at(-1)?.scope ?? root;
    const scope: Scope = { prefixes: new Set(parent.prefixes), hasDefault: parent.hasDefault };
    const attrs = inner.slice(name.length);
    const seen = new Set<string>();
    const attrNames: string[] = [];
    const attrPattern = /\s+([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
    let consumed = '';
    for (const a of attrs.matchAll(attrPattern)) {
      consumed += a[0];
      const an = a[1]!;
      const value = a[3] ?? a[4] ?? '';
      if (seen.has(an)) problems.push(`${part}: <${name}> 的属性 ${an} 重复`);
      seen.add(an);
      if (!NAME.test(an)) problems.push(`${part}: 属性名「${an}」不合法`);
      if (/[<]/.test(value) || ENTITY.test(value)) problems.push(`${part}: <${name}> 的属性 ${an} 的值未正确转义`);
      if (an === 'xmlns') scope.hasDefault = value !== '';
      else if (an.startsWith('xmlns:')) scope.prefixes.add(an.slice(6));
      else attrNames.push(an);
    }
    if (attrs.replace(/\s+$/, '').length !== consumed.length) problems.push(`${part}: <${name}> 的属性写法不合法`);
    const prefixOk = (n: string, isElement: boolean): boolean => {
      const i = n.indexOf(':');
      if (i < 0) return isElement ? scope.hasDefault : true;
      return scope.prefixes.has(n.slice(0, i));
    };
    if (!prefixOk(name, true)) problems.push(`${part}: 元素 <${name}> 的命名空间未声明`);
    for (const an of attrNames) if (!prefixOk(an, false)) problems.push(`${part}: <${name}> 的属性 ${an} 的命名空间未声明`);
    if (!selfClosing) stack.push({ name, scope });
  }
  for (const open of stack) problems.push(`${part}: <${open.name}> 没有结束`);
  if (!seenRoot) problems.push(`${part}: 没有根元素`);
  return problems;
}

/** Every `w:basedOn` and `w:next` in styles.xml names a style the sheet defines. */
export function styleReferenceProblems(stylesXml: string): string[] {
  const ids = new Set([...stylesXml.matchAll(/<w:style\b[^>]*\bw:styleId="([^"]+)"/g)].map((m) => m[1]!));
  const problems: string[] = [];
  for (const m of stylesXml.matchAll(/<w:(basedOn|next|link) w:val="([^"]+)"/g)) {
    if (!ids.has(m[2]!)) problems.push(`styles.xml: w:${m[1]} 指向不存在的样式「${m[2]}」`);
  }
  return problems;
}
