import { chinaDateOf, chinaDateTimeLabel, isValidDate } from '../../dates';
import { conditionReads, evalCondition } from '../condition';
import { textOf, valueOf } from '../access';
import { GUIDELINE_REF, fail, missing, notApplicable, pass, type KindSpec, type RuleContext, type RuleOf, type Verdict } from '../types';

export const declarationTrue: KindSpec<RuleOf<'declarationTrue'>> = {
  refs: (r) => [{ at: 'declaration', field: r.declaration }],
  evaluate: (r, env) =>
    Object.hasOwn(env.draft.declarations, r.declaration) && env.draft.declarations[r.declaration] === true ? pass() : missing('尚未勾选'),
};

export const attachmentPresent: KindSpec<RuleOf<'attachmentPresent'>> = {
  // The checklist item's own condition is read too; the engine adds its fields (see itemConditionReads).
  refs: (r) => [{ at: 'slot', field: r.slot }],
  evaluate: (r, env) => {
    const item = env.resolved.checklist.find((a) => a.id === r.slot);
    if (item?.when && !evalCondition(item.when, env.draft)) return notApplicable();
    const files = Object.hasOwn(env.draft.attachments, r.slot) ? (env.draft.attachments[r.slot] ?? []) : [];
    return files.length > 0 ? pass(`已上传 ${files.length} 个文件`) : missing('尚未上传');
  },
};

/** Field ids the checklist item's condition reads, so an attachmentPresent rule is re-checked when they change. */
export function itemConditionReads(rule: RuleOf<'attachmentPresent'>, checklist: { id: string; when?: Parameters<typeof conditionReads>[0] }[]): string[] {
  return conditionReads(checklist.find((a) => a.id === rule.slot)?.when);
}

/** Past the moment when the context has a clock; otherwise past the day (the whole closing day counts). */
function isAfter(ctx: RuleContext, instant: string): boolean {
  const at = ctx.now === undefined ? Number.NaN : Date.parse(ctx.now);
  if (!Number.isNaN(at) && !Number.isNaN(Date.parse(instant))) return at > Date.parse(instant);
  const day = chinaDateOf(instant);
  return day !== null && ctx.today > day;
}

function isBefore(ctx: RuleContext, instant: string): boolean {
  const at = ctx.now === undefined ? Number.NaN : Date.parse(ctx.now);
  if (!Number.isNaN(at) && !Number.isNaN(Date.parse(instant))) return at < Date.parse(instant);
  const day = chinaDateOf(instant);
  return day !== null && ctx.today < day;
}

export const applicationWindow: KindSpec<RuleOf<'applicationWindow'>> = {
  refs: () => [GUIDELINE_REF],
  evaluate: (_r, env): Verdict => {
    const window = env.resolved.window;
    if (!window) return notApplicable('未规定申报时间');
    if (window.closes && isAfter(env.ctx, window.closes)) return fail(`申报已于 ${chinaDateTimeLabel(window.closes)} 截止`);
    if (window.opens && isBefore(env.ctx, window.opens)) return fail(`申报将于 ${chinaDateTimeLabel(window.opens)} 开始`);
    const closes = window.closes ? chinaDateOf(window.closes) : null;
    return pass(closes && window.closes ? `申报截止时间为 ${chinaDateTimeLabel(window.closes)}` : undefined);
  },
};

/** The window as China dates, for comparing a date the applicant wrote (the closing day counts whole). */
function windowDays(window: { opens?: string; closes?: string }): { opens: string | null; closes: string | null } {
  return { opens: window.opens ? chinaDateOf(window.opens) : null, closes: window.closes ? chinaDateOf(window.closes) : null };
}

export const dateInWindow: KindSpec<RuleOf<'dateInWindow'>> = {
  refs: (r) => [{ at: 'field', field: r.field, kinds: ['date'], kindRule: '申报时间规则只能读取日期字段' }, GUIDELINE_REF],
  evaluate: (r, env): Verdict => {
    const text = textOf(valueOf(env.draft, r.field));
    // Blank is the printed form's own choice: the applicant dates it by hand.
    if (text === null) return notApplicable('未填写，封面留空手写');
    if (!isValidDate(text)) return fail(`「${text}」不是有效日期`);
    const window = env.resolved.window;
    if (!window || (!window.opens && !window.closes)) return notApplicable('未规定申报时间');
    const { opens, closes } = windowDays(window);
    if (closes && text > closes) return fail(`填写为${text}，晚于申报截止日${closes}`);
    if (opens && text < opens) return fail(`填写为${text}，早于申报开始日${opens}`);
    return pass(`填写为${text}，在申报时间内`);
  },
};

export const programAccepting: KindSpec<RuleOf<'programAccepting'>> = {
  refs: () => [GUIDELINE_REF],
  evaluate: (_r, env) => {
    const p = env.resolved.program;
    return p.accepting ? pass() : fail(`「${p.name}」${p.notAcceptingReason ?? '本次暂不受理'}`);
  },
};

export const priorityClaimed: KindSpec<RuleOf<'priorityClaimed'>> = {
  refs: (r) => [
    { at: 'field', field: r.field, kinds: ['multiSelect', 'select'], kindRule: '优先支持规则只能读取选择字段' },
    { at: 'option', option: r.option, ofField: r.field },
  ],
  evaluate: (r, env) => {
    const value = valueOf(env.draft, r.field);
    const claimed = Array.isArray(value) ? value.includes(r.option) : value === r.option;
    return claimed ? { outcome: 'met', detail: '已声明符合' } : notApplicable();
  },
};
