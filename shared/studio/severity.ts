import type { Severity } from '../pack/rules';

/**
 * Severity from the modal words of a requirement: 须/需/必须/应/不得/不予 → error, 原则上/一般 →
 * warning, 优先 → info. Look-arounds keep words like 需求, 应用, 相应, 一般加工 from counting.
 */
const INFO = /优先(?:支持|资助|立项|考虑|推荐|安排)?/;
const WARNING = /原则上|一般(?=应|为|不|在|是|要|须|需|按|以|控制|情况下)|鼓励|建议|宜(?!居)/;
const ERROR = /必须|务必|(?<![必无])须(?!知)|(?<!所)需(?!求|要)|(?<![相对供适响反效感呼])应(?!用|急|届|收|付|聘|对|运)|不得|不予|不能|不可|禁止|严禁|只能|仅能|仅限|限于|不接受|不属于|不支持|不再|方可/;

export interface Modal {
  severity: Severity;
  word: string;
}

export function modalOf(text: string): Modal | null {
  const found: { severity: Severity; word: string; at: number }[] = [];
  for (const [severity, re] of [['info', INFO], ['warning', WARNING], ['error', ERROR]] as const) {
    const m = re.exec(text);
    if (m) found.push({ severity, word: m[0], at: m.index });
  }
  if (found.length === 0) return null;
  // 原则上不得… is a warning; 优先 wins only when it is the sentence's point (no 须/不得 before it).
  const warning = found.find((f) => f.severity === 'warning');
  if (warning) return warning;
  const error = found.find((f) => f.severity === 'error');
  const info = found.find((f) => f.severity === 'info');
  if (info && (!error || info.at < error.at)) return info;
  return error ?? info ?? null;
}

/** A sentence that states a requirement (some modal word, or a 以上/以下/不超过 bound). */
export function isRequirement(text: string): boolean {
  return modalOf(text) !== null || /不超过|不低于|不少于|不高于|以上|以下|以内|至少|最高|上限/.test(text);
}
