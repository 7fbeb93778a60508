import type { RuleChange, UpgradeReport } from './upgradeReport';

/** The upgrade report as plain lines (the CLI prints these; the app shows the same parts). */
export function upgradeReportLines(report: UpgradeReport): string[] {
  const lines: string[] = [`升级报告：指南包 ${report.packId} ${report.fromVersion} 版 → ${report.toVersion} 版`];
  const list = (title: string, items: string[]): void => {
    lines.push(`${title}：${items.length === 0 ? '无' : ''}`);
    for (const item of items) lines.push(`  ${item}`);
  };
  list('新增的填写项', report.fieldsAdded.map((f) => `${f.section} › ${f.label}`));
  list('删除的填写项', report.fieldsRemoved.map((f) => `${f.section} › ${f.label}`));
  list('改名的填写项', [...report.fieldsRenamed.map((r) => `${r.from.label} → ${r.to.label}${r.moved ? '（内容随之移过去）' : '（新项已有内容，旧内容保留）'}`), ...report.fieldsRelabeled.map((r) => `${r.from} → ${r.to}`)]);
  list('保留的旧内容（新版中没有对应位置，不删除）', report.kept.map((k) => `${k.label}：${k.text}（${k.why}）`));
  const rule = (c: RuleChange): string => `${c.message}${c.quote ? `（依据：「${c.quote}」）` : ''}`;
  list('新出现的错误', report.rules.newErrors.map(rule));
  list('新出现的警告', report.rules.newWarnings.map(rule));
  list('升级后不再报告的问题', report.rules.nowPassing.map(rule));
  return lines;
}
