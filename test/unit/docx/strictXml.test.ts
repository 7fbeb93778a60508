import { describe, expect, it } from 'vitest';
import { strictXmlProblems, styleReferenceProblems } from '../../support/strictXml';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** The checker proves itself on the defects Word answers with 「无法读取的内容」. */
describe('strict XML check of a DOCX part', () => {
  it('accepts a well-formed part with declared prefixes', () => {
    expect(strictXmlProblems(`<?xml version="1.0"?><w:document ${W}><w:body><w:p><w:r><w:t xml:space="preserve">甲 &amp; 乙</w:t></w:r></w:p></w:body></w:document>`, 'd')).toEqual([]);
  });

  it.each([
    ['an unprefixed element without a default namespace (the old TOC wrapper)', `<w:sdt ${W}><undefined><w:sdtPr/></undefined></w:sdt>`, '元素 <undefined> 的命名空间未声明'],
    ['an undeclared prefix', `<w:p ${W}><v:shape/></w:p>`, '元素 <v:shape> 的命名空间未声明'],
    ['mismatched tags', `<w:p ${W}><w:r></w:p></w:r>`, '不匹配'],
    ['an unclosed element', `<w:p ${W}><w:r>`, '没有结束'],
    ['a bare ampersand', `<w:t ${W}>A & B</w:t>`, '未转义'],
    ['a duplicate attribute', `<w:p ${W} w:a="1" w:a="2"/>`, '重复'],
  ])('refuses %s', (_, xml, problem) => {
    expect(strictXmlProblems(xml, 'd').join('\n')).toContain(problem);
  });

  it('finds a basedOn that names no style', () => {
    const styles = `<w:styles ${W}><w:style w:styleId="Body"><w:basedOn w:val="Normal"/></w:style></w:styles>`;
    expect(styleReferenceProblems(styles)).toEqual(['styles.xml: w:basedOn 指向不存在的样式「Normal」']);
  });
});
