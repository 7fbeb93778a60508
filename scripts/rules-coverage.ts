/**
 * Writes docs/rules-coverage.md from the packs in resources/guidelines: for every clause of every
 * call, the rules that cite it, or the declaration it became, or why it cannot be checked offline.
 *   npx tsx scripts/rules-coverage.ts
 * A test fails when the checked-in file is stale or when coverage() reports problems.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPackDir } from '../electron/services/packs/loadPack';
import type { Pack } from '../shared/pack/pack';
import { FORM_CLAUSES, FORM_DOCUMENT } from '../shared/pack/formRules';
import type { Rule } from '../shared/pack/rules';
import { allRules, packCoverage, type CoverageRow, type PackCoverage } from '../shared/pack/coverage';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const COVERAGE_FILE = path.join(ROOT, 'docs/rules-coverage.md');
export const GUIDELINES_DIR = path.join(ROOT, 'resources/guidelines');

/** Moved to shared/pack/coverage.ts (the studio shows the same table); re-exported for callers of this script. */
export { allRules };

const SEVERITY_MARK: Record<Rule['severity'], string> = { error: '错误', warning: '警告', info: '提示' };

/** 「`id`（错误）」: the rule and the severity its wording gives. */
const ruleRef = (r: Rule): string => `\`${r.id}\`（${SEVERITY_MARK[r.severity]}）`;

/**
 * Severity and coverage changes made by re-reading each clause's wording (须/需/必须/应/不得/不予 →
 * 错误, 原则上/一般/鼓励 → 警告, 优先 → 提示; a sentence with two requirements → two checks). Kept
 * here so the generated file says what changed and why.
 */
const REVIEW_NOTES: string[] = [
  '- `cg.talent.innovation`、`cg.talent.benefits`：警告 → 错误。条款 `talent.project-1`「项目**应当**具有在科学、技术方面的创新性与可行性，预期或者已经产生良好的经济社会效益或者科学价值」用「应当」。',
  '- `cg.talent.feasibility`（新增，错误）：同一句的另一项要求「可行性」，检查研究内容与技术路线已填写。',
  '- `km.livelihood.decision-joint`：警告 → 错误，并拆成两条。条款 `livelihood.req-2`「决策咨询类项目**原则上**由…决策需求部门申报，其他单位也可作为牵头单位申报，但**需**与决策需求部门联合申报」：「需」的一半（其他单位牵头时须有党政机关合作单位）为错误；「原则上」的一半为新增的 `km.livelihood.decision-lead`（警告）。',
  '- `xj.partner-aid-province`：警告 → 错误。条款原文「申报单位**须**联合援疆省市相关单位共同申报」用「须」。',
  '- `smg.direction`、`xj.direction`：警告 → 错误。申报书封面和基本信息表须写明支持方向（申报书模板要求）；未选择时列为「待填写」。',
  '- 所有「必填」类规则（`required`、承诺勾选、必需附件、支持方向、合作单位表为空）未填写时报告为「待填写」，与「错误」分开统计，二者都阻止定稿和生成申报包。',
  '- 输入缺失的规则（如单位性质为空时的自筹比例、单位类型附件；经费预算为空时的资助额度和比例；身份证号码为空时的年龄）报告为「无法检查：请先填写 X」，同样阻止定稿和生成申报包。',
  '- `km.talent.period` 拆成两条。条款 `talent.req-5-period`「项目实施期1-2年，**原则上**不超过两年」：「原则上」只修饰上限，超过24个月仍为 `km.talent.period`（警告）；下限「1-2年」没有「原则上」，不足12个月为新增的 `km.talent.period-min`（错误，原来同一条警告同时检查上下限）。',
  '- `xj.partner-unit-type`：级别不变（警告），改正提示文字。条款 `req1.partner-type`「合作单位为区外科研院所、高等学校和企业等」没有「一般」，原提示「合作单位一般应为…」是添加的措辞；保留警告是因为清单以「等」结尾，所列以外的单位类型不能断定不符合。',
  '- 逐条复核四份申报通知的全部 137 条要求条款（说明性条款另列）：其余条款的级别与措辞一致（须/需/必须/应/不得 → 错误或承诺；原则上/一般/鼓励 → 警告；优先 → 提示），一句两项要求的均已有两项检查（如 `req2.employed`+`req2.age`、`major.req-2` 的联合申报与联盟主体、`req3.enterprise` 的报表附件与1:2自筹）。',
  '- 注册地改为 GB/T 2260 行政区划代码（`applicant.regionCode`，选到省、市或区县，显示名称；代码表见 `shared/regions`），新规则种类 `regionWithin` 按代码树检查：',
  '  - `cg.applicant-district`（新增，错误，取代省级的 `cg.applicant-province`）：条款 `req1.eligible-unit`「（一）区直单位，中央、省、市驻区单位，**在城关区注册**…的企业」，注册地须在甘肃省兰州市城关区（620102）；只选到兰州市或甘肃省时报告「无法检查」，不放行。`cg.province-required` 改为 `cg.region-required`（须选择注册地）。',
  '  - `req1.local-enterprise` 一句含两项要求：「在城关区注册」现由上一条规则检查；「税务关系在城关区税务局」离线无法核对，仍为承诺（承诺文字改为只承诺税务关系和法人资格，引文相应缩短）。',
  '  - `xj.applicant-in-xinjiang`（错误）：由省级代码的 `valueIn`（65、66）改为 `regionWithin` 新疆维吾尔自治区（650000，兵团各师市的注册地也在其下）。',
  '  - 旧版草稿只有文字注册地（`applicant.region`）时保留原文（仅在填有内容时显示），上述规则报告「无法检查：请先选择注册地（省/市/区）」，阻止定稿。',
  '  - 合作单位的地域要求（援疆省市、新疆以外）只到省级，合作单位表仍用省级代码（GB/T 2260 前两位）；克拉玛依科技合作交流专项「与国内其他地区以及国外科研单位共同申报」用合作单位表的「所在地区（相对克拉玛依市）」选项（克拉玛依市／自治区内其他地州市／新疆生产建设兵团／国内其他省（区、市）／国外）检查，同样是结构化的。',
  '- 经费概算（新增表单规则，错误）：申报书填写的申请财政资金、自筹资金、项目总经费（`funding.fiscal`、`funding.selfRaised`、`funding.total`）分别须等于经费预算表的财政资金合计、自筹资金合计和两者之和：`form.consistency.funding-fiscal`、`form.consistency.funding-self-raised`、`form.consistency.funding-total`，依据下表「数据一致」`form.consistency`，不一致时显示两边的金额；预算表为空时报告「无法检查」。',
];

function cell(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
}

function shorten(text: string, max = 60): string {
  const chars = Array.from(text.replace(/\s+/g, ''));
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('');
}

export interface CoverageReport {
  markdown: string;
  /** Clauses without coverage, or rules citing a clause whose coverage says otherwise. */
  problems: string[];
}

export function coverage(packs: Pack[]): CoverageReport {
  const problems: string[] = [];
  const lines: string[] = [
    '# 规则覆盖表 (rules coverage)',
    '',
    '由 `npx tsx scripts/rules-coverage.ts` 从 `resources/guidelines/*/pack.json` 生成，请勿手工修改；`test/unit/pack/coverage.test.ts` 检查它是否最新、是否完整。',
    '',
    '每个申报通知的每个要求条款都列出：检查它的规则编号及其级别（`rules:`），或它成为的承诺（`declaration:`），或无法离线检查的原因（`not checkable offline:`）。说明性条款（支持方向、优先支持等背景）单列，不计为要求。',
    '',
    '## 按措辞复核的级别与覆盖变更',
    '',
    ...REVIEW_NOTES,
    '',
    '## 申报书表单要求（没有指南条款时的依据）',
    '',
    `指南原文没有规定、但申报书模板本身要求的检查（必填项、格式、字数、金额非负、表格单元格、进度与起止年月、附件文件、派生值、金额一致），引用《${FORM_DOCUMENT}》的下列条目，并注明为表单要求，不会没有依据。指南包中同一字段已有同类规则时，以指南规则为准，不重复报告。`,
    '',
    '| 条目 | 要求 |',
    '|---|---|',
    ...Object.entries(FORM_CLAUSES).map(([id, c]) => `| ${cell(c.path)} \`${id}\` | ${cell(c.quote)} |`),
    '',
  ];
  for (const pack of packs.filter((p) => p.kind === 'call').sort((a, b) => a.id.localeCompare(b.id))) {
    const table = packCoverage(pack);
    problems.push(...table.problems);
    const describeClause = ({ clause: c, rules: cited, declarationText }: CoverageRow): string => {
      switch (c.coverage.kind) {
        case 'rules':
          return `rules: ${cited.map(ruleRef).join(', ')}`;
        case 'declaration': {
          const extra = cited.length > 0 ? `（${cited.map((r) => `\`${r.id}\``).join(', ')}）` : '';
          return `declaration: ${cell(declarationText ?? c.coverage.declaration)}${extra}`;
        }
        case 'notCheckable':
          return `not checkable offline: ${cell(c.coverage.reason)}`;
        case 'informative':
          return cited.length > 0 ? `informative (${cited.map((r) => `\`${r.id}\``).join(', ')})` : 'informative';
      }
    };
    const requirements = table.requirements;
    const informative = table.informative;
    const count = (kind: keyof PackCoverage['counts']) => table.counts[kind];
    lines.push(`## ${pack.title}`, '', `\`${pack.id}\` ${pack.version} · 《${pack.source.document}》`, '');
    lines.push(`要求条款 ${requirements.length} 条：规则 ${count('rules')}，承诺 ${count('declaration')}，无法离线检查 ${count('notCheckable')}；说明性条款 ${informative.length} 条。`, '');
    lines.push('| 条款 | 原文（节选） | 覆盖 |', '|---|---|---|');
    for (const row of requirements) lines.push(`| ${cell(row.clause.path)} \`${row.clause.id}\` | ${cell(shorten(row.clause.quote))} | ${describeClause(row)} |`);
    if (informative.length > 0) {
      lines.push('', '### 说明性条款（不计为要求）', '', '| 条款 | 原文（节选） | 覆盖 |', '|---|---|---|');
      for (const row of informative) lines.push(`| ${cell(row.clause.path)} \`${row.clause.id}\` | ${cell(shorten(row.clause.quote))} | ${describeClause(row)} |`);
    }
    lines.push('');
  }
  return { markdown: `${lines.join('\n').trimEnd()}\n`, problems };
}

export function loadBuiltinPacks(): Pack[] {
  return readdirSync(GUIDELINES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => loadPackDir(path.join(GUIDELINES_DIR, d.name)).pack);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const report = coverage(loadBuiltinPacks());
  writeFileSync(COVERAGE_FILE, report.markdown);
  console.log(`已写入 docs/rules-coverage.md`);
  for (const p of report.problems) console.error(`问题：${p}`);
  if (report.problems.length > 0) process.exitCode = 1;
}
