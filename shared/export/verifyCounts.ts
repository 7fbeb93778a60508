import type { VerifyResult } from './manifest';

/**
 * One sentence saying exactly what the package check compared, for the 检查申报包 page and
 * `shenbao verify` alike. The manifest lists every file but itself, so a count against all files
 * in the package (「9 / 10」) would look like a shortfall on a package that passed.
 */
export function describeVerifyCounts(summary: VerifyResult['summary']): string {
  const { files, listedFiles, checkedFiles, matchedFiles, extraFiles } = summary;
  if (summary.packId === null) return `包内有 ${files} 个文件；清单无法读取，未能逐一核对`;
  const parts = [`清单列出 ${listedFiles} 个文件，${matchedFiles} 个与清单一致`];
  const missing = listedFiles - checkedFiles;
  const changed = checkedFiles - matchedFiles;
  if (missing > 0) parts.push(`${missing} 个缺少`);
  if (changed > 0) parts.push(`${changed} 个已被改动`);
  let text = parts.join('，');
  if (extraFiles > 0) text += `；另有 ${extraFiles} 个清单外的文件`;
  return text;
}

/** 「错误 0，警告 1」, with 待填写 and 无法检查 named when there are any (they block 定稿 too). */
export function describeRecheck(validation: VerifyResult['summary']['validation']): string {
  if (validation === null) return '未能重新检查';
  const parts: string[] = [];
  if ((validation.incomplete ?? 0) > 0) parts.push(`待填写 ${validation.incomplete}`);
  if ((validation.pending ?? 0) > 0) parts.push(`无法检查 ${validation.pending}`);
  parts.push(`错误 ${validation.errors}`, `警告 ${validation.warnings}`, `提示 ${validation.infos}`);
  return parts.join('，');
}
