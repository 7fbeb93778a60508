import ts from 'typescript';

/**
 * Text a user reads in the renderer's source: JSX text, and every string or template literal with
 * Chinese in it (messages, labels, tooltips). Answers the English words found in them, with lines.
 */
export function englishInSource(fileName: string, code: string, allowed: ReadonlySet<string>): { line: number; word: string; text: string }[] {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: { line: number; word: string; text: string }[] = [];
  const check = (node: ts.Node, text: string): void => {
    for (const word of text.match(/[A-Za-z]{3,}/g) ?? []) {
      if (!allowed.has(word)) found.push({ line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, word, text: text.trim().slice(0, 80) });
    }
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) {
      check(node, node.getText());
      return;
    }
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      if (/[\u4e00-\u9fff]/.test(node.text)) check(node, node.text);
      return;
    }
    if (ts.isTemplateExpression(node)) {
      const parts = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
      if (/[\u4e00-\u9fff]/.test(parts)) check(node, parts);
      node.templateSpans.forEach((s) => visit(s.expression));
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
