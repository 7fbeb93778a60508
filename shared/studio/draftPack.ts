import type { AttachmentItem, Clause, Declaration, Pack, Program } from '../pack/pack';
import type { Field } from '../pack/fields';
import type { Rule } from '../pack/rules';
import { programOfClause, proposePrograms, sharedContacts, type ProposedProgram } from './programs';
import type { ProposalSet } from './propose';
import type { Proposal } from './types';
import { TITLE_LEVELS, provinceLabel } from './vocabulary';

/** Fields the default template lacks but some recognizers read; added to the draft pack's template. */
const EXTRA_FIELDS: Record<string, { section: string; after?: string; field: (set: ProposalSet) => Field }> = {
  'applicant.foundedOn': { section: 'applicant', after: 'applicant.unitType', field: () => ({ id: 'applicant.foundedOn', kind: 'date', label: '注册（成立）日期', required: true }) },
  'applicant.lastYearSales': { section: 'applicant', after: 'applicant.taxCredit', field: () => ({ id: 'applicant.lastYearSales', kind: 'money', label: '上年度销售收入（万元）', required: true }) },
  'project.totalInvestment': { section: 'basic', after: 'project.period', field: () => ({ id: 'project.totalInvestment', kind: 'money', label: '项目总投资（使用资金）（万元）', required: true }) },
  'pi.titleLevel': { section: 'pi', after: 'pi.title', field: () => ({ id: 'pi.titleLevel', kind: 'select', label: '职称级别', required: true, options: TITLE_LEVELS }) },
  'project.priorities': {
    section: 'basic',
    field: (set) => ({
      id: 'project.priorities',
      kind: 'multiSelect',
      label: '符合的优先支持条件',
      options: set.proposals.filter((p) => p.kind === 'priorityClaimed').map((p) => ({ value: optionId(p), label: String(p.params.option).slice(0, 200) })),
    }),
  },
};

const optionId = (p: Proposal): string => `priority-${p.id}`;

export interface DraftPackOptions {
  id?: string;
  title?: string;
  /** Only these proposals (the accepted ones); default all. */
  accepted?: ReadonlySet<string>;
}

/** The notice's title: the first line that names a 通知/指南, else the first line. */
export function noticeTitle(text: string): string {
  const lines = text.split('\n').map((l) => l.replace(/\s+/g, '')).filter((l) => l !== '');
  const joined = lines.slice(0, 6).join('');
  const m = /关于[^。；：]{2,80}?(?:通知|指南)|[^。；：]{2,60}?申报指南/.exec(joined);
  return (m ? m[0] : (lines[0] ?? '申报通知')).slice(0, 300);
}

/** The issuing office: a line near the end naming a 局/委/厅/办. */
function issuerOf(text: string): string {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  for (const line of lines.slice(-8).reverse()) if (/^[^，。：:]{2,30}(?:局|委员会|厅|办公室|委)$/.test(line)) return line;
  return '（待填写发文单位）';
}

/** Whitespace is ignored when quotes are checked: the pack keeps the quote on one line. */
const oneLine = (quote: string): string => quote.replace(/\s*\n\s*/g, '').trim();

/**
 * Builds a draft pack from proposals: the programs of the notice's outline (proposePrograms), every
 * proposal as a rule, checklist item, 承诺 or priority of the program whose part of the notice it
 * quotes (or of the pack, shared by all programs, when it quotes the common part), and every
 * unrecognized requirement as a clause marked 尚未处理 (never dropped).
 */
export function buildDraftPack(set: ProposalSet, options: DraftPackOptions = {}): Pack {
  const text = set.tree.text;
  const accepted = set.proposals.filter((p) => !options.accepted || options.accepted.has(p.id));
  const title = options.title ?? noticeTitle(text);
  const clauses: Clause[] = [];
  const clauseOfSpan = new Map<string, string>();
  const clauseFor = (clauseId: string, path: string, start: number, end: number, coverage: Clause['coverage']): string => {
    const key = `${start}:${end}`;
    const existing = clauseOfSpan.get(key);
    if (existing) {
      const c = clauses.find((x) => x.id === existing)!;
      if (coverage.kind === 'rules' || (coverage.kind === 'declaration' && c.coverage.kind === 'notCheckable')) c.coverage = coverage;
      return existing;
    }
    const n = clauses.filter((c) => c.id.startsWith(`${clauseId}.`)).length + 1;
    const id = `${clauseId}.${n}`;
    clauses.push({ id, path: path.slice(0, 200), quote: oneLine(text.slice(start, end)).slice(0, 4000), coverage });
    clauseOfSpan.set(key, id);
    return id;
  };
  const pathOf = (clauseId: string): string => set.tree.clauses.find((c) => c.id === clauseId)?.path ?? '';

  const proposed = proposePrograms({ ...set, proposals: accepted }, title);
  const single = proposed.length === 1;
  interface Part {
    rules: Rule[];
    declarations: Declaration[];
    attachments: AttachmentItem[];
    seen: Set<string>;
  }
  const part = (): Part => ({ rules: [], declarations: [], attachments: [], seen: new Set() });
  const shared = part();
  const parts = new Map(proposed.map((p) => [p.id, part()]));
  // With one program everything is its own; with several, what the common part says is the pack's,
  // unless its quote names exactly one program (「科技成果转化计划项目每项支持经费5-20万元」).
  const named = (p: Proposal): ProposedProgram | undefined => {
    const found = proposed.filter((prog) => p.quote.includes(prog.name));
    return found.length === 1 ? found[0] : undefined;
  };
  const partOf = (p: Proposal): Part => {
    if (single) return parts.get(proposed[0]!.id)!;
    const program = programOfClause(set.tree, proposed, p.clauseId) ?? named(p);
    return (program && parts.get(program.id)) || shared;
  };
  const contradictory = contradictoryGrants(accepted, partOf);
  const contradicted = new Set<Part>();
  let window: Pack['window'];
  // The pack format's limits: what does not fit stays visible as a clause saying so.
  const overLimit = (p: Proposal, what: string, limit: number): void => {
    clauseFor(p.clauseId, pathOf(p.clauseId), p.start, p.end, { kind: 'notCheckable', reason: `尚未处理：${what}已达指南包上限（${limit}），这条建议没有放入草稿` });
  };
  for (const p of accepted) {
    const path = pathOf(p.clauseId);
    const into = partOf(p);
    if (p.kind === 'declaration' && into.declarations.length >= 100) {
      overLimit(p, '承诺', 100);
      continue;
    }
    if (p.kind === 'attachment' && into.attachments.length >= 100) {
      overLimit(p, '附件清单项', 100);
      continue;
    }
    if (p.kind !== 'declaration' && p.kind !== 'attachment' && into.rules.length >= 500) {
      overLimit(p, '规则', 500);
      continue;
    }
    if (p.kind === 'declaration') {
      const id = `decl.${p.id}`;
      const clause = clauseFor(p.clauseId, path, p.start, p.end, { kind: 'declaration', declaration: id });
      into.declarations.push({ id, text: String(p.params.text).slice(0, 1000), clause });
      continue;
    }
    if (p.kind === 'directionChosen') {
      // The rule goes to each program whose directions this section gave.
      const clause = clauseFor(p.clauseId, path, p.start, p.end, { kind: 'rules' });
      for (const prog of proposed.filter((x) => x.directionProposal === p.id && x.directions.length > 0)) {
        const own = parts.get(prog.id)!;
        if (own.rules.some((r) => r.kind === 'directionChosen')) continue;
        own.rules.push({ id: `r.${p.id}`, kind: 'directionChosen', ...(prog.leaf ? { leaf: true } : {}), severity: p.severity, message: p.message.slice(0, 500), clause } as Rule);
      }
      continue;
    }
    if (p.kind === 'attachment') {
      const name = String(p.params.name).slice(0, 200);
      const required = p.params.required === true;
      // Only a required item becomes a rule (须上传附件); an item to give 「如有」 is listed, not checked, and its clause says so.
      const coverage: Clause['coverage'] = required ? { kind: 'rules' } : { kind: 'notCheckable', reason: `附件「${name}」视情况提供，不是必需的：列入附件清单供申报人勾选，不检查是否上传` };
      const clause = clauseFor(p.clauseId, path, p.start, p.end, coverage);
      if (into.attachments.some((a) => a.name === name && JSON.stringify(a.when ?? null) === JSON.stringify(p.when ?? null))) continue;
      into.attachments.push({ id: `att.${p.id}`, name, required, clause, ...(p.when ? { when: p.when } : {}) });
      continue;
    }
    if (contradictory.has(p.id)) {
      contradicted.add(into);
      clauseFor(p.clauseId, path, p.start, p.end, { kind: 'notCheckable', reason: CONTRADICTORY_GRANTS });
      continue;
    }
    const clause = clauseFor(p.clauseId, path, p.start, p.end, { kind: 'rules' });
    if (p.kind === 'applicationWindow') {
      window ??= p.params.window as Pack['window'];
    }
    const params = p.kind === 'applicationWindow' ? {} : p.kind === 'priorityClaimed' ? { field: 'project.priorities', option: optionId(p) } : p.params;
    const key = JSON.stringify([p.kind, params, p.when ?? null]);
    if (into.seen.has(key)) continue;
    into.seen.add(key);
    into.rules.push({ id: `r.${p.id}`, kind: p.kind, ...params, severity: p.severity, message: p.message.slice(0, 500), clause, ...(p.when ? { when: p.when } : {}) } as Rule);
  }
  // A 支持方向 section whose programs all lost their directions cites no rule: it is context then.
  for (const c of clauses) if (c.coverage.kind === 'rules' && !citedByAny(c.id, [shared, ...parts.values()])) c.coverage = { kind: 'informative' };
  for (const u of set.unrecognized) {
    clauseFor(u.clauseId, u.path, u.start, u.end, { kind: 'notCheckable', reason: `尚未处理：${u.reason}。请在指南工作台中改为承诺，或写明无法离线检查的原因` });
  }

  const reads = JSON.stringify([shared.rules, ...[...parts.values()].map((x) => x.rules)]);
  const addFields = Object.entries(EXTRA_FIELDS)
    .filter(([id]) => reads.includes(`"${id}"`))
    .map(([, spec]) => ({ section: spec.section, ...(spec.after ? { after: spec.after } : {}), field: spec.field(set) }));

  const programs: Program[] = proposed.map((prog) => {
    const own = parts.get(prog.id)!;
    return {
      id: prog.id,
      name: prog.name,
      accepting: true,
      documentTypes: prog.documentTypes,
      // The program card must not show one of the contradictory ranges as the program's grant.
      funding: contradicted.has(own) && prog.funding ? { forms: prog.funding.forms } : prog.funding,
      ...(prog.contacts.length > 0 && !single ? { contacts: prog.contacts } : {}),
      directions: prog.directions.slice(0, 200),
      rules: own.rules,
      ...(own.declarations.length > 0 ? { declarations: own.declarations } : {}),
      ...(own.attachments.length > 0 ? { attachments: own.attachments } : {}),
    };
  });
  const noticeContacts = sharedContacts(set.tree, proposed);
  return {
    format: 'shenbao-pack',
    formatVersion: 1,
    id: options.id ?? defaultPackId(set, accepted),
    version: '1.0.0',
    kind: 'call',
    title,
    issuer: issuerOf(text),
    region: set.context.home.length > 0 ? provinceLabel(set.context.home.slice(0, 1)) : '（待填写地区）',
    year: Math.min(2100, Math.max(2000, set.context.year)),
    source: { file: 'source.txt', document: title },
    ...(window ? { window } : {}),
    ...(noticeContacts.length > 0 ? { contacts: noticeContacts } : {}),
    clauses,
    ...(addFields.length > 0 ? { template: { addFields } } : {}),
    ...(shared.rules.length > 0 ? { rules: shared.rules } : {}),
    ...(shared.declarations.length > 0 ? { declarations: shared.declarations } : {}),
    ...(shared.attachments.length > 0 ? { attachments: shared.attachments } : {}),
    programs,
  };
}

const CONTRADICTORY_GRANTS =
  '尚未处理：同一条款为不同类别的项目规定了互不相容的资助额度，没有一个金额能同时满足，作为规则会让每份申报书都报错。请在「专项」中按类别分出专项，并为各专项设定资助额度；或修改、拒绝其中一条';

/**
 * Grant ranges of one clause, for the same program and amount, that no amount satisfies together
 * (「重点项目每项支持二十万元至五十万元，一般项目每项支持不超过十万元」 in a notice whose outline has
 * no such programs): as rules they would fail every draft, so they stay with the user.
 */
function contradictoryGrants(accepted: readonly Proposal[], partOf: (p: Proposal) => unknown): Set<string> {
  const low = (p: Proposal): number => (typeof p.params.min === 'number' ? p.params.min : 0);
  const high = (p: Proposal): number => (typeof p.params.max === 'number' ? p.params.max : Number.POSITIVE_INFINITY);
  const same = (a: Proposal, b: Proposal): boolean =>
    a.clauseId === b.clauseId && partOf(a) === partOf(b) && JSON.stringify([a.params.amount, a.when ?? null]) === JSON.stringify([b.params.amount, b.when ?? null]);
  const grants = accepted.filter((p) => p.kind === 'moneyRange' && p.severity === 'error');
  const out = new Set<string>();
  for (const a of grants) {
    for (const b of grants) {
      if (a !== b && same(a, b) && (high(a) < low(b) || high(b) < low(a))) out.add(a.id).add(b.id);
    }
  }
  return out;
}

/**
 * The id a new pack starts with, shown to the user in 指南包编号: the notice's own region (the
 * 注册地 rule's city, else its province) and year — 「630100-2027」 for 西宁 — so two notices of a year
 * from different places do not share one id (a shared id would offer one's drafts the other as an
 * upgrade), and no English word is shown. 「zhinan-2027」 when the notice names no place.
 */
function defaultPackId(set: ProposalSet, accepted: readonly Proposal[]): string {
  const region = accepted.find((p) => p.kind === 'regionWithin' && Array.isArray(p.params.regions))?.params.regions as string[] | undefined;
  const code = region?.[0] ?? set.context.home[0];
  const year = Math.min(2100, Math.max(2000, set.context.year));
  return `${code && /^\d+$/.test(code) ? code : 'zhinan'}-${year}`;
}

const citedByAny = (clauseId: string, parts: { rules: Rule[]; attachments: AttachmentItem[] }[]): boolean => parts.some((x) => x.rules.some((r) => r.clause === clauseId) || x.attachments.some((a) => a.clause === clauseId));
