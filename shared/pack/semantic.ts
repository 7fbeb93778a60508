import type { Condition } from './condition';
import type { Field } from './fields';
import type { Direction, Pack, Program } from './pack';
import { fieldIndex, resolveProgram, type FieldLocation } from './resolve';
import { specOf } from '../rules/kinds';
import type { KindRef } from '../rules/types';
import type { Rule } from './rules';

/**
 * Checks a schema-valid pack for what the schema cannot express: unique ids, clause references,
 * verbatim quotes, and that every field a rule or condition reads exists in the program.
 * Returns problems as 「path：说明」 in Chinese, in document order.
 */
export function checkPackSemantics(pack: Pack, sourceText: string): string[] {
  const problems: string[] = [];
  const add = (path: string, message: string): void => {
    problems.push(`${path}：${message}`);
  };

  // Clauses: unique, quoted verbatim (whitespace and line breaks of either side ignored).
  const source = stripWhitespace(sourceText);
  const clauseIds = new Set<string>();
  pack.clauses.forEach((c, i) => {
    if (clauseIds.has(c.id)) add(`clauses.${i}.id`, `条款编号 ${c.id} 重复`);
    clauseIds.add(c.id);
    if (!source.includes(stripWhitespace(c.quote))) add(`clauses.${i}.quote`, `引文在原文中找不到（条款 ${c.id}）：「${shorten(c.quote)}」`);
  });
  const clauseRef = (path: string, id: string | undefined): void => {
    if (id !== undefined && !clauseIds.has(id)) add(path, `引用了不存在的条款 ${id}`);
  };

  const programIds = new Set<string>();
  pack.programs.forEach((p, i) => {
    if (programIds.has(p.id)) add(`programs.${i}.id`, `专项编号 ${p.id} 重复`);
    programIds.add(p.id);
  });

  // Pack-level rules, declarations and checklist items.
  (pack.rules ?? []).forEach((r, i) => clauseRef(`rules.${i}.clause`, r.clause));
  (pack.declarations ?? []).forEach((d, i) => clauseRef(`declarations.${i}.clause`, d.clause));
  (pack.attachments ?? []).forEach((a, i) => {
    clauseRef(`attachments.${i}.clause`, a.clause);
    if (a.required && a.clause === undefined) add(`attachments.${i}.clause`, `必需附件「${a.name}」须引用条款`);
  });

  const union = new Map<string, FieldLocation>();
  pack.programs.forEach((program, pi) => {
    const at = `programs.${pi}`;
    program.rules.forEach((r, i) => clauseRef(`${at}.rules.${i}.clause`, r.clause));
    (program.declarations ?? []).forEach((d, i) => clauseRef(`${at}.declarations.${i}.clause`, d.clause));
    (program.attachments ?? []).forEach((a, i) => {
      clauseRef(`${at}.attachments.${i}.clause`, a.clause);
      if (a.required && a.clause === undefined) add(`${at}.attachments.${i}.clause`, `必需附件「${a.name}」须引用条款`);
    });
    checkDirections(program.directions, `${at}.directions`, new Set(), add);
    const known = knownIds(pack, program, at, add);
    for (const [id, loc] of known) if (!union.has(id)) union.set(id, loc);
    const reads = readChecker(known, programIds, add);
    program.rules.forEach((r, i) => reads.rule(r, `${at}.rules.${i}`));
    (program.declarations ?? []).forEach((d, i) => reads.condition(`${at}.declarations.${i}.when`, d.when));
    (program.attachments ?? []).forEach((a, i) => reads.condition(`${at}.attachments.${i}.when`, a.when));
  });
  // Pack-level rules usually narrow themselves to some programs with \`when\`: their fields must exist in some program.
  const packReads = readChecker(union, programIds, add);
  (pack.rules ?? []).forEach((r, i) => packReads.rule(r, `rules.${i}`));
  (pack.declarations ?? []).forEach((d, i) => packReads.condition(`declarations.${i}.when`, d.when));
  (pack.attachments ?? []).forEach((a, i) => packReads.condition(`attachments.${i}.when`, a.when));

  // A declaration coverage must name a declaration that exists somewhere in the pack.
  const declarationIds = new Set([...(pack.declarations ?? []), ...pack.programs.flatMap((p) => p.declarations ?? [])].map((d) => d.id));
  pack.clauses.forEach((c, i) => {
    if (c.coverage.kind === 'declaration' && !declarationIds.has(c.coverage.declaration)) {
      add(`clauses.${i}.coverage.declaration`, `引用了不存在的承诺 ${c.coverage.declaration}`);
    }
  });
  return problems;
}

function checkDirections(directions: Direction[], path: string, seen: Set<string>, add: (p: string, m: string) => void): void {
  directions.forEach((d, i) => {
    if (seen.has(d.id)) add(`${path}.${i}.id`, `支持方向编号 ${d.id} 在本专项中重复`);
    seen.add(d.id);
    if (d.children) checkDirections(d.children, `${path}.${i}.children`, seen, add);
  });
}

/** The ids of the program resolved for each of its document types; reports duplicate rule ids on the way. */
function knownIds(pack: Pack, program: Program, at: string, add: (p: string, m: string) => void): Map<string, FieldLocation> {
  const known = new Map<string, FieldLocation>();
  const ruleIds = new Set<string>();
  for (const type of program.documentTypes) {
    const resolved = resolveProgram(pack, program.id, type);
    if (!resolved) continue;
    for (const [id, loc] of fieldIndex(resolved)) if (!known.has(id)) known.set(id, loc);
    if (type === program.documentTypes[0]) {
      // One id, one place in the draft: a field, declaration or attachment slot id may appear once.
      const seen = new Set<string>();
      const ids = [
        ...resolved.sections.flatMap((s) => s.fields.map((f) => f.id)),
        ...resolved.declarations.map((d) => d.id),
        ...resolved.checklist.map((a) => a.id),
      ];
      for (const id of ids) {
        if (seen.has(id)) add(at, `字段、承诺或附件编号 ${id} 在本专项中重复`);
        seen.add(id);
      }
      const packRuleCount = (pack.rules ?? []).length;
      resolved.rules.forEach((r, i) => {
        if (ruleIds.has(r.id)) add(rulePath(at, i, packRuleCount, program.rules.length), `规则编号 ${r.id} 重复`);
        ruleIds.add(r.id);
      });
    }
  }
  return known;
}

/** Checks that what rules and conditions read exists among the known ids. */
function readChecker(known: Map<string, FieldLocation>, programIds: Set<string>, add: (p: string, m: string) => void) {
  const table = (id: string): Extract<Field, { kind: 'table' }> | null => {
    const f = known.get(id)?.field;
    return f?.kind === 'table' ? f : null;
  };
  const needField = (path: string, id: string): void => {
    if (!known.has(id)) add(path, `读取的字段 ${id} 在申报书中不存在`);
  };
  const needColumn = (path: string, tableId: string, column: string): void => {
    const t = table(tableId);
    if (!t) add(path, `${tableId} 不是申报书中的表格`);
    else if (column !== 'key' && !t.columns.some((c) => c.id === column)) add(path, `表格 ${tableId} 没有列 ${column}`);
  };
  const needCondition = (path: string, c: Condition | undefined): void => {
    if (!c) return;
    if ('all' in c) c.all.forEach((x, i) => needCondition(`${path}.all.${i}`, x));
    else if ('any' in c) c.any.forEach((x, i) => needCondition(`${path}.any.${i}`, x));
    else if ('not' in c) needCondition(`${path}.not`, c.not);
    else if ('field' in c) needField(`${path}.field`, c.field);
    else if ('program' in c) c.program.filter((p) => !programIds.has(p)).forEach((p) => add(`${path}.program`, `引用了不存在的专项 ${p}`));
  };

  /** Each thing the rule's kind says it refers to must exist, and be of a kind the rule can read. */
  const needRef = (path: string, ref: KindRef): void => {
    if ('guideline' in ref) return;
    const at = `${path}.${ref.at}`;
    if ('table' in ref) {
      if (ref.column !== undefined) needColumn(at, ref.table, ref.column);
      else if (!table(ref.table)) add(at, `${ref.table} 不是申报书中的表格`);
      return;
    }
    const f = known.get('option' in ref ? ref.ofField : ref.field)?.field;
    if ('option' in ref) {
      if (f && (f.kind === 'multiSelect' || f.kind === 'select') && !f.options.some((o) => o.value === ref.option)) add(at, `字段 ${ref.ofField} 没有选项 ${ref.option}`);
      return;
    }
    if (!known.has(ref.field)) needField(at, ref.field);
    else if (f && ref.kinds && !ref.kinds.includes(f.kind)) add(at, `字段 ${ref.field} 是 ${f.kind}，${ref.kindRule ?? '本规则不能读取此类字段'}`);
  };

  const checkRule = (r: Rule, path: string): void => {
    needCondition(`${path}.when`, r.when);
    for (const ref of specOf(r).refs(r)) needRef(path, ref);
  };

  return { rule: checkRule, condition: needCondition };
}

function rulePath(at: string, index: number, packRules: number, programRules: number): string {
  if (index < packRules) return `rules.${index}.id`;
  if (index < packRules + programRules) return `${at}.rules.${index - packRules}.id`;
  return `${at}（由承诺或附件生成的规则）`;
}

function stripWhitespace(text: string): string {
  return text.replace(/\s+/gu, '');
}

function shorten(text: string): string {
  const chars = Array.from(text);
  return chars.length > 30 ? `${chars.slice(0, 30).join('')}…` : text;
}
