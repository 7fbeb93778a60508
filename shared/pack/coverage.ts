import type { Clause, Pack } from './pack';
import { synthesizedRules } from './resolve';
import type { Rule } from './rules';

/** Kinds that implement a declaration or its matching attachment: they may cite a `declaration` clause. */
const DECLARATION_KINDS = new Set<Rule['kind']>(['declarationTrue', 'attachmentPresent']);

/** Every rule of the pack once (pack rules, program rules, rules synthesized from declarations and checklists). */
export function allRules(pack: Pack): Rule[] {
  const byId = new Map<string, Rule>();
  const add = (r: Rule): void => {
    if (!byId.has(r.id)) byId.set(r.id, r);
  };
  (pack.rules ?? []).forEach(add);
  synthesizedRules(pack.declarations ?? [], pack.attachments ?? []).forEach(add);
  for (const p of pack.programs) {
    p.rules.forEach(add);
    synthesizedRules(p.declarations ?? [], p.attachments ?? []).forEach(add);
  }
  return [...byId.values()];
}

/** How one clause of the notice is covered: the rules citing it, the 承诺 it became, or why it cannot be checked. */
export interface CoverageRow {
  clause: Clause;
  /** Rules that cite the clause. */
  rules: Rule[];
  /** The 承诺's text for a declaration clause (undefined when the declaration is missing). */
  declarationText?: string;
}

export interface PackCoverage {
  /** Requirement clauses, then informative ones. */
  requirements: CoverageRow[];
  informative: CoverageRow[];
  counts: { rules: number; declaration: number; notCheckable: number };
  /** Clauses without coverage, or rules citing a clause whose coverage says otherwise (Chinese). */
  problems: string[];
}

/** The coverage table of one pack (docs/rules-coverage.md is made of these; the studio shows one). */
export function packCoverage(pack: Pack): PackCoverage {
  const problems: string[] = [];
  const citing = new Map<string, Rule[]>();
  for (const r of allRules(pack)) citing.set(r.clause, [...(citing.get(r.clause) ?? []), r]);
  const declarations = new Map([...(pack.declarations ?? []), ...pack.programs.flatMap((p) => p.declarations ?? [])].map((d) => [d.id, d]));

  const rowOf = (c: Clause): CoverageRow => {
    const cited = citing.get(c.id) ?? [];
    switch (c.coverage.kind) {
      case 'rules':
        if (cited.length === 0) problems.push(`${pack.id} ${c.id}：标为「由规则检查」，但没有规则引用它`);
        return { clause: c, rules: cited };
      case 'declaration': {
        const d = declarations.get(c.coverage.declaration);
        if (!d) problems.push(`${pack.id} ${c.id}：承诺 ${c.coverage.declaration} 不存在`);
        cited.filter((r) => !DECLARATION_KINDS.has(r.kind)).forEach((r) => problems.push(`${pack.id} ${c.id}：标为「承诺」，却被规则 ${r.id} 引用（只有勾选承诺、上传附件的规则可以引用承诺条款）`));
        return { clause: c, rules: cited, ...(d ? { declarationText: d.text } : {}) };
      }
      case 'notCheckable':
        if (c.coverage.reason.trim() === '') problems.push(`${pack.id} ${c.id}：没有说明无法检查的原因`);
        cited.forEach((r) => problems.push(`${pack.id} ${c.id}：标为无法离线检查，却被规则 ${r.id} 引用`));
        return { clause: c, rules: cited };
      case 'informative':
        cited.filter((r) => r.kind !== 'priorityClaimed' && r.kind !== 'directionChosen').forEach((r) => problems.push(`${pack.id} ${c.id}：说明性条款却被规则 ${r.id} 引用`));
        return { clause: c, rules: cited };
    }
  };
  // Rows are built in clause order so problems come out in the order of the notice.
  const rows = pack.clauses.map(rowOf);
  const requirements = rows.filter((r) => r.clause.coverage.kind !== 'informative');
  const count = (kind: Clause['coverage']['kind']): number => requirements.filter((r) => r.clause.coverage.kind === kind).length;
  return {
    requirements,
    informative: rows.filter((r) => r.clause.coverage.kind === 'informative'),
    counts: { rules: count('rules'), declaration: count('declaration'), notCheckable: count('notCheckable') },
    problems,
  };
}
