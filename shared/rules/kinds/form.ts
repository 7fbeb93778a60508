import { ATTACHMENT_MAX_BYTES } from '../../attachments/limits';
import { contentMismatch, extensionOf } from '../../attachments/sniff';
import { monthRangeOf, periodMonths, stageProblems } from '../../derive/period';
import { valuesFromIdNumber } from '../../derive/person';
import { isValidDate, isValidMonth } from '../../dates';
import { formatFileSize } from '../../text/fileSize';
import { amountRefs, amountOf, cellOf, isRowFilled, labelOf, plainTextOf, rowsOf, textOf, valueLabel, valueOf, wan } from '../access';
import { fail, notApplicable, pass, pending, type KindSpec, type RuleOf, type Verdict } from '../types';
import { rowName } from './tables';

const monthOf = (text: string | null): string | null => (text !== null && (isValidMonth(text) || isValidDate(text)) ? text.slice(0, 7) : null);

/** 进度安排: each row's start ≤ end, inside the project period; named by row and column. */
export const rowsWithinPeriod: KindSpec<RuleOf<'rowsWithinPeriod'>> = {
  refs: (r) => [
    { at: 'start', table: r.table, column: r.start },
    { at: 'end', table: r.table, column: r.end },
    { at: 'period', field: r.period, kinds: ['monthRange'], kindRule: '进度安排只能对照 monthRange 字段' },
  ],
  evaluate: (r, env): Verdict => {
    const rows = rowsOf(env.draft, r.table).map((row, i) => ({ row, i })).filter(({ row }) => isRowFilled(row));
    const dated = rows.filter(({ row }) => monthOf(textOf(cellOf(row, r.start))) !== null || monthOf(textOf(cellOf(row, r.end))) !== null);
    if (dated.length === 0) return notApplicable();
    const period = monthRangeOf(valueOf(env.draft, r.period));
    const problems: string[] = [];
    let first: string | undefined;
    for (const { row, i } of dated) {
      const start = monthOf(textOf(cellOf(row, r.start)));
      const end = monthOf(textOf(cellOf(row, r.end)));
      const where = rowName(env, r.table, row, i);
      const found = stageProblems(start, end, period);
      if (found.includes('reversed')) problems.push(`${where}开始年月${start}晚于结束年月${end}`);
      if (found.includes('beforeStart')) problems.push(`${where}开始年月${start}早于项目开始${period?.[0]}`);
      if (found.includes('afterEnd')) problems.push(`${where}结束年月${end}晚于项目结束${period?.[1]}`);
      if (found.length > 0) first ??= `${r.table}[${i}].${found.includes('afterEnd') ? r.end : r.start}`;
    }
    if (problems.length > 0) return fail(problems.slice(0, 5).join('；') + (problems.length > 5 ? `等${problems.length}处` : ''), first);
    if (!period) return pending([labelOf(env, r.period)]);
    return pass(`各阶段均在${period[0]}至${period[1]}之内`);
  },
};

/** Each file of a slot: its type by name and by content, its size, and whether its stored bytes are intact. */
export const attachmentFiles: KindSpec<RuleOf<'attachmentFiles'>> = {
  refs: (r) => [{ at: 'slot', field: r.slot }],
  evaluate: (r, env): Verdict => {
    const files = Object.hasOwn(env.draft.attachments, r.slot) ? (env.draft.attachments[r.slot] ?? []) : [];
    if (files.length === 0) return notApplicable();
    const item = env.resolved.checklist.find((a) => a.id === r.slot);
    const limit = Math.min(item?.maxSizeMb !== undefined ? item.maxSizeMb * 1024 * 1024 : ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_BYTES);
    const problems: string[] = [];
    for (const file of files) {
      const fact = env.ctx.attachmentFacts?.[file.sha256];
      if (fact?.state === 'missing') problems.push(`附件文件「${file.name}」缺失，请重新添加`);
      else if (fact?.state === 'notHere') problems.push(`附件文件不在本机：「${file.name}」（草稿文件只记录附件的哈希和大小，草稿文件旁的 attachments 文件夹和本机资料库中都没有这个文件；请用「草稿数据」zip 连同附件导入，或重新添加）`);
      else if (fact?.state === 'altered') problems.push(`附件文件「${file.name}」已被改动或损坏（内容与登记的哈希不一致），请重新添加`);
      const ext = extensionOf(file.name);
      if (item?.accept && item.accept.length > 0 && !item.accept.includes(ext)) problems.push(`「${file.name}」的类型不符合要求，只接受 ${item.accept.join('、')} 文件`);
      if (fact?.state === 'ok' && fact.detected) {
        const mismatch = contentMismatch(file.name, fact.detected);
        if (mismatch) problems.push(mismatch);
      }
      if (file.size === 0) problems.push(`「${file.name}」是空文件`);
      else if (file.size > limit) problems.push(`「${file.name}」为 ${formatFileSize(file.size)}，超过允许的 ${formatFileSize(limit)}`);
    }
    return problems.length === 0 ? pass(`${files.length} 个文件`) : fail(problems.join('；'));
  },
};

/** 性别 / 出生日期 stored beside a valid ID number must say what the number says (the book prints the stored value). */
export const derivedFromId: KindSpec<RuleOf<'derivedFromId'>> = {
  refs: (r) => [
    { at: 'idField', field: r.idField },
    { at: 'field', field: r.field },
  ],
  evaluate: (r, env): Verdict => {
    const expected = valuesFromIdNumber(r.idField, valueOf(env.draft, r.idField)).find((d) => d.id === r.field)?.value ?? null;
    const stored = valueOf(env.draft, r.field) ?? null;
    if (expected === null || stored === null || stored === '') return notApplicable();
    if (stored === expected) return pass();
    const shown = (v: unknown): string => (v === 'male' ? '男' : v === 'female' ? '女' : valueLabel(v as never));
    return fail(`填写为「${shown(stored)}」，而${labelOf(env, r.idField)}表明为「${shown(expected)}」`);
  },
};

/** 「申请财政资金50万元」 in the text against the structured amount; the amounts in 万元, compared exactly. */
export const narrativeAmount: KindSpec<RuleOf<'narrativeAmount'>> = {
  refs: (r) => [{ at: 'field', field: r.field }, ...amountRefs('amount', r.amount)],
  evaluate: (r, env): Verdict => {
    const value = valueOf(env.draft, r.field);
    const text = typeof value === 'string' ? plainTextOf(value) : '';
    const { yuan, filled } = amountOf(env.draft, r.amount);
    const mentions: { phrase: string; wanText: string }[] = [];
    for (const phrase of r.phrases) {
      const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      for (const m of text.matchAll(new RegExp(`${escaped}[^0-9０-９。；;，,]{0,4}?(\\d+(?:\\.\\d{1,4})?)\\s*万元`, 'g'))) {
        if (m[1]) mentions.push({ phrase, wanText: m[1] });
      }
    }
    if (mentions.length === 0) return notApplicable();
    if (!filled) return notApplicable();
    const wrong = mentions.filter((m) => toYuan(m.wanText) !== yuan);
    if (wrong.length === 0) return pass(`文中所写与${wan(yuan)}一致`);
    return fail(`文中写「${wrong[0]?.phrase}${wrong[0]?.wanText}万元」，而经费预算为${wan(yuan)}`);
  },
};

const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** 「实施期2年」 in the text against the structured 起止年月, in months. */
export const narrativePeriod: KindSpec<RuleOf<'narrativePeriod'>> = {
  refs: (r) => [
    { at: 'field', field: r.field },
    { at: 'period', field: r.period, kinds: ['monthRange'], kindRule: '文中期限只能对照 monthRange 字段' },
  ],
  evaluate: (r, env): Verdict => {
    const value = valueOf(env.draft, r.field);
    const text = typeof value === 'string' ? plainTextOf(value) : '';
    const range = monthRangeOf(valueOf(env.draft, r.period));
    if (!range) return notApplicable();
    const months = periodMonths(valueOf(env.draft, r.period)) ?? 0;
    const mentions: { said: string; months: number }[] = [];
    for (const phrase of r.phrases) {
      const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      for (const m of text.matchAll(new RegExp(`${escaped}[为是：:\\s]{0,3}(\\d{1,3}|[一二两三四五六七八九十])\\s*(年|个月)`, 'g'))) {
        const n = /^\d+$/.test(m[1] ?? '') ? Number(m[1]) : (CHINESE_DIGITS[m[1] ?? ''] ?? 0);
        mentions.push({ said: m[0], months: m[2] === '年' ? n * 12 : n });
      }
    }
    if (mentions.length === 0) return notApplicable();
    const wrong = mentions.find((m) => m.months !== months);
    const structured = `起止年月为${range[0]}至${range[1]}共${months}个月`;
    return wrong ? fail(`文中写「${wrong.said}」（${wrong.months}个月），而${structured}`) : pass(`文中所写与${structured}一致`);
  },
};

/** 「12.5」万元 as integer yuan, exactly (up to 4 decimals). */
function toYuan(wanText: string): bigint {
  const [whole = '0', frac = ''] = wanText.split('.');
  return BigInt(whole) * 10_000n + BigInt((frac + '0000').slice(0, 4));
}
