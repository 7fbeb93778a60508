/**
 * Recall and precision of the studio's recognizers on the seed notices, against the hand-built packs
 * (`npx tsx scripts/studio-recall.ts`). Prints a table per notice and rule kind.
 *
 * - Recall: the share of a pack's rules for which a proposal of the same kind, with the same
 *   essential parameters (ESSENTIAL below) and a quote overlapping the rule's clause, exists.
 * - Precision: the share of proposals that match a pack rule, or whose quote overlaps a clause
 *   the pack covers by a 承诺 (a correct requirement the pack chose to declare), or — for
 *   attachments — name an item of the pack's checklist; 承诺 proposals count when their quote
 *   overlaps a clause covered by a 承诺 or by rules.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Clause, Pack } from '../shared/pack/pack';
import type { Rule } from '../shared/pack/rules';
import { buildDraftPack } from '../shared/studio/draftPack';
import { proposeRules } from '../shared/studio/propose';
import { flatten, sourceSpan } from '../shared/studio/text';
import type { Proposal } from '../shared/studio/types';
import { expandPackSource } from '../shared/pack/packSource';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SEEDS: [string, string][] = [
  ['chengguan-2020', '2020-chengguan-district-notice.txt'],
  ['karamay-2017', '2017-karamay-city-notice.txt'],
  ['shuimogou-2020', '2020-shuimogou-district-guide.txt'],
  ['xinjiang-aid-2022', '2022-xinjiang-aid-program-guide.txt'],
];

/** Rules whose parameters are numbers or dates: the ones the ≥ 90% recall target is about. */
const NUMERIC = new Set(['ageAtDate', 'bornOnOrAfter', 'periodMonths', 'moneyRange', 'ratioAtLeast', 'shareOfTotalAtLeast', 'dateOnOrAfter', 'dateOnOrBefore', 'crossDraftLimit', 'applicationWindow', 'dateInWindow']);

const sorted = (v: unknown): unknown => (Array.isArray(v) ? [...v].map(sorted).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).sort().map(([k, x]) => [k, sorted(x)])) : v);
const same = (a: unknown, b: unknown): boolean => JSON.stringify(sorted(a ?? null)) === JSON.stringify(sorted(b ?? null));

/** What must agree for a proposal to count as the pack's rule (ids, messages, scope wording aside). */
const ESSENTIAL: Record<string, (r: Record<string, unknown>) => unknown> = {
  ageAtDate: (r) => [r.min, r.max, r.at, r.when],
  bornOnOrAfter: (r) => [r.date],
  periodMonths: (r) => [r.field, r.min, r.max],
  // A budget column must be the same; an amount of the applicant's own (sales, investment) is a
  // field each pack names itself (ipReview.activityFunds, project.totalInvestment): kind of amount only.
  moneyRange: (r) => [amountKind(r.amount), r.min, r.max],
  ratioAtLeast: (r) => [r.ratio, r.when],
  shareOfTotalAtLeast: (r) => [r.percent, r.when],
  dateOnOrAfter: (r) => [r.field, r.date],
  dateOnOrBefore: (r) => [r.field, r.date],
  crossDraftLimit: (r) => [r.key, r.max, r.groupBy],
  valueIn: (r) => [r.field, r.values],
  valueNotIn: (r) => [r.field, r.values],
  tableRowCount: (r) => [r.table, r.min, r.max, r.where],
  columnConstraint: (r) => [r.table, r.column, r.constraint],
  partnerOutsideRegion: (r) => [r.table, r.column, r.regions, r.min],
  regionWithin: (r) => [r.field, r.regions],
  dateInWindow: (r) => [r.field],
  directionChosen: (r) => [r.leaf ?? false],
  // The window itself is compared with pack.window below; option ids of priorities are the pack's own.
  applicationWindow: () => [],
  priorityClaimed: () => [],
};

interface Span {
  start: number;
  end: number;
}
/** Every place the quote occurs (programs of one notice repeat sentences word for word). */
const amountKind = (a: unknown): unknown => {
  const x = a as { table?: string; column?: string; field?: string };
  if (x.table) return [x.table, x.column];
  return x.field === 'applicant.lastYearSales' ? 'sales' : 'own amount';
};

function spansOf(text: string, quote: string): Span[] {
  const f = flatten(text);
  const q = flatten(quote).flat;
  const spans: Span[] = [];
  for (let at = f.flat.indexOf(q); at >= 0 && q !== ''; at = f.flat.indexOf(q, at + 1)) spans.push(sourceSpan(f, at, at + q.length));
  return spans;
}
const overlaps = (a: Span[], b: Span): boolean => a.some((x) => x.start < b.end && b.start < x.end);

interface Row {
  kind: string;
  rules: number;
  found: number;
  proposals: number;
  correct: number;
}

function evaluate(id: string, file: string) {
  const pack = expandPackSource(JSON.parse(readFileSync(path.join(ROOT, 'resources/guidelines', id, 'pack.json'), 'utf8'))).value as Pack;
  const text = readFileSync(path.join(ROOT, '..', 'shared', 'seeds', file), 'utf8');
  const set = proposeRules(text);
  const clauses = new Map(pack.clauses.map((c) => [c.id, c]));
  const clauseSpan = (c: Clause | undefined): Span[] => (c ? spansOf(text, c.quote) : []);
  const rules: Rule[] = [...(pack.rules ?? []), ...pack.programs.flatMap((p) => p.rules)];
  const windows = [pack.window, ...pack.programs.map((p) => p.window)].filter(Boolean);

  const matches = (r: Rule, p: Proposal): boolean => {
    if (p.kind !== r.kind) return false;
    if (!overlaps(clauseSpan(clauses.get(r.clause)), p)) return false;
    const essential = ESSENTIAL[r.kind];
    if (!essential) return false;
    const proposed = { ...p.params, ...(p.when ? { when: p.when } : {}) };
    if (!same(essential(r as unknown as Record<string, unknown>), essential(proposed))) return false;
    if (r.kind === 'applicationWindow') {
      const w = p.params.window as { opens?: string; closes?: string };
      return windows.some((x) => x!.closes === w.closes && (w.opens === undefined || x!.opens === w.opens));
    }
    return true;
  };

  const rows = new Map<string, Row>();
  const row = (kind: string): Row => rows.get(kind) ?? rows.set(kind, { kind, rules: 0, found: 0, proposals: 0, correct: 0 }).get(kind)!;
  for (const r of rules) {
    row(r.kind).rules++;
    if (set.proposals.some((p) => matches(r, p))) row(r.kind).found++;
  }
  const declared = pack.clauses.filter((c) => c.coverage.kind === 'declaration').map(clauseSpan);
  const covered = pack.clauses.filter((c) => c.coverage.kind === 'declaration' || c.coverage.kind === 'rules').map(clauseSpan);
  const items = [...(pack.attachments ?? []), ...pack.programs.flatMap((p) => p.attachments ?? [])];
  const checklist = items.map((a) => a.name.replace(/[（(].*$/, ''));
  const checklistSpans = items.map((a) => clauseSpan(a.clause ? clauses.get(a.clause) : undefined));
  const wrong: Proposal[] = [];
  for (const p of set.proposals) {
    const r = row(p.kind);
    r.proposals++;
    let ok: boolean;
    if (p.kind === 'attachment') {
      const name = String(p.params.name).replace(/[（(].*$/, '');
      ok = checklist.some((n) => n.includes(name) || name.includes(n)) || checklistSpans.some((s) => overlaps(s, p));
    } else if (p.kind === 'declaration') ok = covered.some((s) => overlaps(s, p));
    else ok = rules.some((x) => matches(x, p)) || declared.some((s) => overlaps(s, p));
    if (ok) r.correct++;
    else wrong.push(p);
  }
  const missed = rules.filter((r) => !set.proposals.some((p) => matches(r, p)));
  return { rows: [...rows.values()], missed, wrong, unrecognized: set.unrecognized.length };
}

const pct = (a: number, b: number): string => (b === 0 ? '   —' : `${((100 * a) / b).toFixed(0).padStart(3)}%`);
const verbose = process.argv.includes('--verbose');
const total = { rules: 0, found: 0, numRules: 0, numFound: 0, proposals: 0, correct: 0, ruleProposals: 0, ruleCorrect: 0 };
for (const [id, file] of SEEDS) {
  const { rows, missed, wrong, unrecognized } = evaluate(id, file);
  console.log(`\n## ${id}（${file}）`);
  console.log('kind                   pack rules  recalled  recall | proposals  correct  precision');
  for (const r of rows.sort((a, b) => a.kind.localeCompare(b.kind))) {
    console.log(`${(NUMERIC.has(r.kind) ? '*' : ' ') + r.kind.padEnd(22)} ${String(r.rules).padStart(9)} ${String(r.found).padStart(9)}  ${pct(r.found, r.rules)} | ${String(r.proposals).padStart(9)} ${String(r.correct).padStart(8)}  ${pct(r.correct, r.proposals)}`);
  }
  const sum = (f: (r: Row) => number, only?: (r: Row) => boolean) => rows.filter(only ?? (() => true)).reduce((a, r) => a + f(r), 0);
  const numeric = (r: Row) => NUMERIC.has(r.kind);
  const isRule = (r: Row) => r.kind !== 'attachment' && r.kind !== 'declaration';
  const t = {
    rules: sum((r) => r.rules),
    found: sum((r) => r.found),
    numRules: sum((r) => r.rules, numeric),
    numFound: sum((r) => r.found, numeric),
    proposals: sum((r) => r.proposals),
    correct: sum((r) => r.correct),
    ruleProposals: sum((r) => r.proposals, isRule),
    ruleCorrect: sum((r) => r.correct, isRule),
  };
  console.log(`all kinds: recall ${pct(t.found, t.rules)} (${t.found}/${t.rules}); numeric/date (*): recall ${pct(t.numFound, t.numRules)} (${t.numFound}/${t.numRules}); precision ${pct(t.correct, t.proposals)} (${t.correct}/${t.proposals}); unrecognized requirements listed: ${unrecognized}`);
  for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += t[k];
  if (verbose) {
    for (const r of missed) console.log(`  missed ${r.kind} ${r.id}`);
    for (const p of wrong) console.log(`  not matched ${p.kind} ${JSON.stringify(p.params)}${p.when ? ` when ${JSON.stringify(p.when)}` : ''} 「${p.quote.replace(/\s+/g, '').slice(0, 40)}」`);
  }
}
console.log(`\n## all four notices\nrecall, all kinds: ${pct(total.found, total.rules)} (${total.found}/${total.rules})`);
console.log(`recall, numeric/date kinds (*): ${pct(total.numFound, total.numRules)} (${total.numFound}/${total.numRules})  target ≥ 90%`);
console.log(`precision: ${pct(total.correct, total.proposals)} (${total.correct}/${total.proposals})  target ≥ 80%`);
console.log(`precision, rule proposals only (no 承诺, no checklist items): ${pct(total.ruleCorrect, total.ruleProposals)} (${total.ruleCorrect}/${total.ruleProposals})`);

// Programs (计划类别/专项) proposed from the outline against the hand-built packs' programs: a
// proposed program matches a pack program when one name contains the other (科技惠民 / 科技惠民重点领域).
console.log('\n## programs proposed from the outline');
console.log('notice               pack programs  proposed  matched  directions (pack → proposed, matched programs)');
for (const [id, file] of SEEDS) {
  const pack = expandPackSource(JSON.parse(readFileSync(path.join(ROOT, 'resources/guidelines', id, 'pack.json'), 'utf8'))).value as Pack;
  const text = readFileSync(path.join(ROOT, '..', 'shared', 'seeds', file), 'utf8');
  const proposed = buildDraftPack(proposeRules(text)).programs;
  const pairs = pack.programs.flatMap((p) => {
    const q = proposed.find((x) => x.name.includes(p.name) || p.name.includes(x.name));
    return q ? [[p, q] as const] : [];
  });
  const dirs = pairs.map(([p, q]) => `${p.directions.length}→${q.directions.length}`).join(' ');
  console.log(`${id.padEnd(20)} ${String(pack.programs.length).padStart(13)} ${String(proposed.length).padStart(9)} ${String(pairs.length).padStart(8)}  ${dirs}`);
}
