import { FORMAT_LABELS, checkFormat } from '../../checks/formats';
import { idNumberProblem } from '../../checks/idNumber';
import type { FieldValue } from '../../model/draft';
import type { Direction } from '../../pack/pack';
import { wordCount } from '../../text/wordCount';
import { isIdFilled, labelOf, optionLabel, plainTextOf, textOf, valueLabel, valueOf } from '../access';
import { GUIDELINE_REF, fail, missing, notApplicable, pass, pending, type KindSpec, type RuleOf } from '../types';

/**
 * Rich narratives store ProseMirror JSON; `isIdFilled` and `plainTextOf` read the text of such a
 * value (parsed once and cached), so an empty editor is empty and 字数 counts text, not markup.
 */
export const required: KindSpec<RuleOf<'required'>> = {
  refs: (r) => [{ at: 'field', field: r.field }],
  evaluate: (r, env) => (isIdFilled(env.draft, r.field) ? pass() : missing('尚未填写')),
};

export const directionChosen: KindSpec<RuleOf<'directionChosen'>> = {
  refs: () => [GUIDELINE_REF],
  evaluate: (r, env) => {
    const tree = env.resolved.program.directions;
    if (tree.length === 0) return notApplicable('本专项未列出支持方向');
    const path = env.draft.guideline?.directionPath ?? [];
    if (path.length === 0) return missing('尚未选择支持方向');
    let level: Direction[] | undefined = tree;
    let node: Direction | undefined;
    const names: string[] = [];
    for (const id of path) {
      node = level?.find((d) => d.id === id);
      if (!node) return fail(`所选方向「${id}」不在本专项的支持方向中`);
      names.push(node.name);
      level = node.children;
    }
    if (r.leaf && node?.children && node.children.length > 0) return fail(`「${names.join(' / ')}」下还有细分方向，请选择到最末一级`);
    return pass(names.join(' / '));
  },
};

export const format: KindSpec<RuleOf<'format'>> = {
  refs: (r) => [{ at: 'field', field: r.field }],
  evaluate: (r, env) => {
    const text = textOf(valueOf(env.draft, r.field));
    if (text === null) return notApplicable();
    if (checkFormat(r.format, text)) return pass();
    const why = r.format === 'idNumber' ? idNumberProblem(text) : null;
    return fail(`「${text}」不是有效的${FORMAT_LABELS[r.format]}${why ? `（${why}）` : ''}`);
  },
};

export const textLength: KindSpec<RuleOf<'textLength'>> = {
  refs: (r) => [{ at: 'field', field: r.field }],
  evaluate: (r, env) => {
    const value = valueOf(env.draft, r.field);
    const text = typeof value === 'string' ? plainTextOf(value) : '';
    if (text.trim() === '') return notApplicable();
    const count = wordCount(text);
    if (r.max !== undefined && count > r.max) return fail(`现有 ${count} 字，超过 ${r.max} 字`);
    if (r.min !== undefined && count < r.min) return fail(`现有 ${count} 字，不足 ${r.min} 字`);
    return pass(`现有 ${count} 字`);
  },
};

function numberOf(value: FieldValue | undefined): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return null;
}

export const numberRange: KindSpec<RuleOf<'numberRange'>> = {
  refs: (r) => [{ at: 'field', field: r.field }],
  evaluate: (r, env) => {
    const value = valueOf(env.draft, r.field);
    if (textOf(value) === null) return notApplicable();
    const n = numberOf(value);
    if (n === null) return fail(`「${valueLabel(value)}」不是数字`);
    if (r.min !== undefined && n < r.min) return fail(`填写为 ${n}，小于 ${r.min}`);
    if (r.max !== undefined && n > r.max) return fail(`填写为 ${n}，大于 ${r.max}`);
    return pass(`填写为 ${n}`);
  },
};

function chosenValues(value: FieldValue | undefined): string[] {
  if (Array.isArray(value)) return value.filter((v) => v.trim() !== '');
  const text = textOf(value);
  return text === null ? [] : [text];
}

const inSet = (values: (string | number)[], v: string): boolean => values.some((x) => String(x) === v);

export const valueIn: KindSpec<RuleOf<'valueIn'>> = {
  refs: (r) => [{ at: 'field', field: r.field }],
  evaluate: (r, env) => {
    const chosen = chosenValues(valueOf(env.draft, r.field));
    if (chosen.length === 0) return pending([labelOf(env, r.field)]);
    const outside = chosen.filter((v) => !inSet(r.values, v));
    return outside.length === 0 ? pass() : fail(`「${outside.map((v) => optionLabel(env, r.field, v)).join('、')}」不在允许的范围内`);
  },
};

export const valueNotIn: KindSpec<RuleOf<'valueNotIn'>> = {
  refs: (r) => [{ at: 'field', field: r.field }],
  evaluate: (r, env) => {
    const chosen = chosenValues(valueOf(env.draft, r.field));
    if (chosen.length === 0) return pending([labelOf(env, r.field)]);
    const excluded = chosen.filter((v) => inSet(r.values, v));
    return excluded.length === 0 ? pass() : fail(`填写或选择了「${excluded.map((v) => optionLabel(env, r.field, v)).join('、')}」`);
  },
};
