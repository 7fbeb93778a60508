import { packCoverage } from '../pack/coverage';
import type { Clause, Pack } from '../pack/pack';
import type { Severity } from '../pack/rules';

/** One row of the coverage table the studio shows after a check or a save. */
export interface StudioCoverageRow {
  clauseId: string;
  path: string;
  quote: string;
  coverage: Clause['coverage']['kind'];
  rules: { id: string; severity: Severity; message: string }[];
  /** The 承诺's text, or the reason it cannot be checked offline. */
  note?: string;
}

export interface StudioCoverage {
  rows: StudioCoverageRow[];
  counts: { requirements: number; rules: number; declaration: number; notCheckable: number; informative: number };
  problems: string[];
}

/** The pack's coverage table (the docs/rules-coverage.md one) in a shape the renderer can show. */
export function studioCoverage(pack: Pack): StudioCoverage {
  const table = packCoverage(pack);
  const rows = [...table.requirements, ...table.informative].map(({ clause, rules, declarationText }) => {
    const note = clause.coverage.kind === 'declaration' ? (declarationText ?? clause.coverage.declaration) : clause.coverage.kind === 'notCheckable' ? clause.coverage.reason : undefined;
    return {
      clauseId: clause.id,
      path: clause.path,
      quote: clause.quote,
      coverage: clause.coverage.kind,
      rules: rules.map((r) => ({ id: r.id, severity: r.severity, message: r.message })),
      ...(note !== undefined ? { note } : {}),
    };
  });
  return { rows, counts: { requirements: table.requirements.length, ...table.counts, informative: table.informative.length }, problems: table.problems };
}
