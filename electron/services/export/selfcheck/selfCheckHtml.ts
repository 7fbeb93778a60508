import { escapeHtml } from '../../../../shared/book/html/escape';
import type { ChecklistRow, RuleRow } from './selfCheckRows';
import type { ValidationSummary } from '../../../../shared/rules/engine';

export interface SelfCheckSheet {
  projectName: string;
  applicant: string;
  packTitle: string;
  packVersion: string;
  programName: string;
  documentName: string;
  validatedAt: string;
  generatedAt: string;
  summary: ValidationSummary;
  checklist: ChecklistRow[];
  rules: RuleRow[];
}

const CSS = `
@page { size: A4; margin: 25mm 20mm 22mm 20mm; }
body { font-family: "SimSun", "Songti SC", "AR PL UMing CN", "Noto Serif CJK SC", "Noto Sans CJK SC", "Source Han Serif SC", serif; font-size: 10.5pt; color: #000; }
/* 黑体 at normal weight: a synthetic bold CJK glyph is a Type 3 font in the PDF. */
h1 { font-family: "SimHei", "Heiti SC", "WenQuanYi Zen Hei", "Noto Sans CJK SC", sans-serif; font-weight: normal; font-size: 18pt; text-align: center; margin: 0 0 4mm; }
h2 { font-family: "SimHei", "Heiti SC", "WenQuanYi Zen Hei", "Noto Sans CJK SC", sans-serif; font-weight: normal; font-size: 13pt; margin: 6mm 0 2mm; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
th, td { border: 0.5pt solid #000; padding: 1.5mm 2mm; vertical-align: top; word-break: break-all; overflow-wrap: anywhere; }
th { background: #eee; font-family: "SimHei", "Heiti SC", "WenQuanYi Zen Hei", "Noto Sans CJK SC", sans-serif; font-weight: normal; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
.meta td { border: none; padding: 0.5mm 0; }
.fail { font-family: "SimHei", "Heiti SC", "WenQuanYi Zen Hei", "Noto Sans CJK SC", sans-serif; }
.no { white-space: nowrap; }
.cite { color: #333; font-size: 9pt; }
.sign { margin-top: 10mm; break-inside: avoid; }
.sign p { margin: 6mm 0; }
`;

const row = (cells: string[]): string => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
const verdictCell = (v: string): string => (v === '不通过' ? `<span class="fail">${escapeHtml(v)}</span>` : escapeHtml(v));

/**
 * 形式审查自查表 as a complete HTML page for the PDF printer. Every value is escaped: pack text,
 * the user's project name and computed messages are all data, never markup.
 */
export function selfCheckHtml(sheet: SelfCheckSheet): string {
  const e = escapeHtml;
  const checklist = sheet.checklist
    .map((r) => row([r.no === null ? '—' : `<span class="no">附件${r.no}</span>`, e(r.name), r.required ? '是' : '否', verdictCell(r.verdict), e(r.evidence)]))
    .join('');
  const rules = sheet.rules
    .map((r) => row([String(r.no), e(r.severity), verdictCell(r.verdict), `${e(r.evidence)}<div class="cite">依据：${e(r.citation)}</div>`]))
    .join('');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>形式审查自查表</title><style>${CSS}</style></head>
<body>
<h1>形式审查自查表</h1>
<table class="meta">
<tr><td>项目名称：${e(sheet.projectName)}</td></tr>
<tr><td>申报单位：${e(sheet.applicant)}</td></tr>
<tr><td>申报指南：${e(sheet.packTitle)}（指南包 ${e(sheet.packVersion)} 版）／${e(sheet.programName)}</td></tr>
<tr><td>文书类型：${e(sheet.documentName)}</td></tr>
<tr><td>检查日期：${e(sheet.validatedAt)}&#x3000;生成时间：${e(sheet.generatedAt)}</td></tr>
<tr><td>检查结果：待填写 ${sheet.summary.incomplete} 项，无法检查 ${sheet.summary.pending} 项，错误 ${sheet.summary.errors} 项，警告 ${sheet.summary.warnings} 项，提示 ${sheet.summary.infos} 项</td></tr>
</table>
<h2>一、附件清单</h2>
<table>
<colgroup><col style="width:11%"><col style="width:28%"><col style="width:8%"><col style="width:11%"><col style="width:42%"></colgroup>
<thead><tr><th>序号</th><th>附件</th><th>必备</th><th>结论</th><th>依据与说明</th></tr></thead>
<tbody>${checklist || row(['—', '本专项未列附件清单', '—', '不适用', '—'])}</tbody>
</table>
<h2>二、指南条款逐项检查</h2>
<table>
<colgroup><col style="width:8%"><col style="width:12%"><col style="width:12%"><col style="width:68%"></colgroup>
<thead><tr><th>序号</th><th>要求</th><th>结论</th><th>检查结果与依据</th></tr></thead>
<tbody>${rules}</tbody>
</table>
<div class="sign">
<h2>三、单位审核意见</h2>
<p>经审核，上述自查结果属实，申报材料真实、完整。</p>
<p>单位管理员（签字）：________________&#x3000;&#x3000;联系电话：________________</p>
<p>单位负责人（签字）：________________</p>
<p>单位（盖章）&#x3000;&#x3000;&#x3000;&#x3000;&#x3000;&#x3000;&#x3000;&#x3000;&#x3000;&#x3000;&#x3000;&#x3000;&#x3000;&#x3000;&#x3000;&#x3000;年&#x3000;&#x3000;月&#x3000;&#x3000;日</p>
</div>
</body></html>`;
}
