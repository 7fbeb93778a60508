import type { Block, HeadingBlock, TableBlock } from '../ast';
import type { Field } from '../../pack/fields';
import type { ResolvedSection } from '../../pack/resolve';
import { budgetTable, budgetTotals } from './budgetTable';
import { closingOf } from './closing';
import { directionText, isVisible, programName, rawValue, type BuildContext } from './context';
import { dataTable } from './dataTable';
import { infoItems, infoTable, type InfoItem } from './infoTable';
import { fundingRatioLines } from './fundingRatio';
import { wanText } from './format';
import { yuanOf } from '../../rules/access';
import { emptyNote, narrativeBlocks } from './narrative';
import { headingNumber } from './numbering';

type TableField = Extract<Field, { kind: 'table' }>;
export type SectionKind = 'form' | 'members' | 'milestones' | 'budget' | 'narrative' | 'declarations' | 'attachments';

const tableFields = (s: ResolvedSection): TableField[] => s.fields.filter((f): f is TableField => f.kind === 'table');

export function budgetFieldOf(sections: ResolvedSection[]): TableField | undefined {
  for (const s of sections) for (const f of tableFields(s)) if (f.id === 'budget') return f;
  return undefined;
}

export function classify(section: ResolvedSection): SectionKind {
  if (section.id === 'declarations') return 'declarations';
  if (section.id === 'attachments') return 'attachments';
  const tables = tableFields(section);
  if (tables.some((t) => t.id === 'budget')) return 'budget';
  if (tables.some((t) => t.id === 'members')) return 'members';
  if (tables.some((t) => t.id === 'milestones')) return 'milestones';
  const values = section.fields.filter((f) => f.kind !== 'table');
  if (values.length > 0 && values.some((f) => f.kind === 'longText' && f.rich)) return 'narrative';
  return 'form';
}

/** Under 「基本信息表」 the default sections read as parts of a form; renamed sections keep their pack title. */
const FORM_TITLES: Record<string, [string, string]> = {
  basic: ['基本信息', '项目基本情况'],
  applicant: ['申报单位', '申报单位情况'],
  pi: ['项目负责人', '项目负责人情况'],
};
const formTitle = (s: ResolvedSection): string => (FORM_TITLES[s.id]?.[0] === s.title ? FORM_TITLES[s.id]![1] : s.title);

function heading(level: HeadingBlock['level'], n: number, title: string, sectionId?: string): HeadingBlock {
  return { type: 'heading', level, text: `${headingNumber(level, n)}${title}`, ...(sectionId ? { sectionId } : {}) };
}

function roleOf(field: TableField): TableBlock['role'] {
  if (field.id === 'members') return 'members';
  if (field.id === 'partners') return 'partners';
  if (field.id === 'milestones') return 'milestones';
  return 'generic';
}

/** The content of a form section: its value fields as an info table, its list tables below. */
function formContent(ctx: BuildContext, section: ResolvedSection, extra: InfoItem[] = []): Block[] {
  const blocks: Block[] = [];
  const items = [...extra, ...infoItems(ctx, section.fields)];
  if (items.length > 0) blocks.push(infoTable(items));
  for (const table of tableFields(section).filter((f) => isVisible(ctx, f))) {
    if (items.length > 0 || tableFields(section).length > 1) blocks.push({ type: 'paragraph', runs: [{ type: 'text', text: table.label }], role: 'caption', align: 'left' });
    blocks.push(dataTable(ctx, table, roleOf(table)));
  }
  return blocks.length > 0 ? blocks : [emptyNote()];
}

/** 计划类别 and 支持方向 head the project table: they come from the guideline, not from fields. */
function guidelineItems(ctx: BuildContext): InfoItem[] {
  return [
    { label: '计划类别', value: programName(ctx), wide: true },
    { label: '支持方向', value: directionText(ctx), wide: true },
  ];
}

/** The 经费概算 amounts the applicant states (申请财政资金, 自筹资金, 项目总经费), where the template has them. */
const STATED_FUNDING = ['funding.fiscal', 'funding.selfRaised', 'funding.total'];

/**
 * 经费概算: the amounts as the applicant stated them, where the template has those fields (the form
 * rules hold them to the budget table's totals); otherwise the budget table's own totals.
 */
function fundingSummary(ctx: BuildContext, field: TableField): Block {
  const statedFields = ctx.sections.flatMap((s) => s.fields).filter((f) => STATED_FUNDING.includes(f.id) && f.kind === 'money');
  const items: InfoItem[] = [];
  if (statedFields.length > 0) {
    for (const f of statedFields) {
      const yuan = yuanOf(rawValue(ctx, f.id));
      items.push({ label: `${f.label}（万元）`, value: yuan === null ? '' : wanText(yuan), wide: false, money: true });
    }
  } else {
    const totals = budgetTotals(ctx, field);
    items.push(...totals.byColumn.map((c) => ({ label: `${c.label}（万元）`, value: wanText(c.yuan), wide: false, money: true })));
    items.push({ label: '项目总投资（万元）', value: wanText(totals.total), wide: false, money: true });
  }
  const forms = ctx.program?.funding?.forms ?? [];
  if (forms.length > 0) items.push({ label: '资助方式', value: forms.join('、'), wide: false });
  return infoTable(items);
}

function narrativeContent(ctx: BuildContext, section: ResolvedSection): Block[] {
  const fields = section.fields.filter((f) => isVisible(ctx, f));
  const single = fields.length === 1 && fields[0]!.label === section.title;
  const blocks: Block[] = [];
  let n = 0;
  for (const field of fields) {
    if (!single) blocks.push(heading(2, ++n, field.label));
    if (field.kind === 'table') {
      blocks.push(dataTable(ctx, field, roleOf(field)));
      continue;
    }
    if (field.kind === 'longText') blocks.push(...narrativeBlocks(rawValue(ctx, field.id), single ? 0 : 1));
    else blocks.push(infoTable(infoItems(ctx, [field])));
  }
  return blocks.length > 0 ? blocks : [emptyNote()];
}

/**
 * The body after the front matter. Leading form sections (项目、单位、负责人、合作单位…) become
 * 「一、基本信息表」 with （一）（二）… and the funding summary; every other section is a numbered part.
 */
export function bodyBlocks(ctx: BuildContext): Block[] {
  const blocks: Block[] = [];
  const sections = ctx.sections;
  const budget = budgetFieldOf(sections);
  let top = 0;
  let i = 0;
  if (sections.length > 0 && classify(sections[0]!) === 'form') {
    blocks.push({ type: 'pageBreak' }, heading(1, ++top, '基本信息表'));
    let sub = 0;
    for (; i < sections.length && classify(sections[i]!) === 'form'; i++) {
      const s = sections[i]!;
      blocks.push(heading(2, ++sub, formTitle(s), s.id), ...formContent(ctx, s, s.id === 'basic' ? guidelineItems(ctx) : []));
    }
    if (budget) blocks.push(heading(2, ++sub, '经费概算'), fundingSummary(ctx, budget));
  }
  for (; i < sections.length; i++) {
    const s = sections[i]!;
    const kind = classify(s);
    if (kind === 'narrative' || kind === 'budget' || kind === 'declarations') blocks.push({ type: 'pageBreak' });
    blocks.push(heading(1, ++top, s.title, s.id));
    switch (kind) {
      case 'budget':
        blocks.push(budgetTable(ctx, budget ?? tableFields(s)[0]!), ...fundingRatioLines(ctx));
        break;
      case 'narrative':
        blocks.push(...narrativeContent(ctx, s));
        break;
      case 'declarations':
      case 'attachments':
        blocks.push(...closingOf(ctx, kind, () => heading(1, ++top, '审核意见')));
        break;
      default:
        blocks.push(...formContent(ctx, s));
    }
  }
  return blocks;
}

