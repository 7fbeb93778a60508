import type { DraftPatch } from '../../shared/model/draft';

const PARAGRAPH =
  '本项目面向乌鲁木齐市水磨沟区社区居家养老服务需求，研发基于物联网的老年人健康监测与应急响应平台，' +
  '集成可穿戴设备、智能家居传感器与社区服务中心调度系统，实现跌倒检测、慢病指标监测和一键呼叫。';

function text(paragraphs: number): string {
  return Array.from({ length: paragraphs }, (_, i) => `${i + 1}. ${PARAGRAPH}`).join('\n');
}

/** A filled-in 申报书 of realistic size (~43 KB of JSON): narrative sections, members, budget. */
export function fullDraftPatch(): DraftPatch {
  const values: Record<string, string | number | boolean | string[] | null> = {
    'project.name': '社区居家养老物联网健康监测平台研发与示范',
    'project.keywords': ['居家养老', '物联网', '健康监测', '应急响应'],
    'project.startMonth': '2021-01',
    'project.endMonth': '2022-12',
    'applicant.name': '新疆某某信息技术有限公司',
    'applicant.uscc': '91650100MA77XXXX0X',
    'applicant.type': '企业',
    'pi.name': '张三',
    'pi.idNumber': '650102198001011234',
    'pi.phone': '13800000000',
    'budget.fiscal': 500_000,
    'budget.selfRaised': 1_000_000,
    'project.summary': text(4),
    'narrative.basis': text(30),
    'narrative.content': text(40),
    'narrative.innovation': text(10),
    'narrative.goals': text(15),
    'narrative.foundation': text(20),
    'narrative.schedule': text(8),
    'narrative.risks': text(6),
  };
  const members = Array.from({ length: 12 }, (_, i) => ({
    name: `成员${i + 1}`,
    idNumber: `6501021985010${String(1000 + i)}`,
    title: '高级工程师',
    role: '技术骨干',
    months: 12,
  }));
  const budget = ['设备费', '材料费', '测试化验加工费', '燃料动力费', '会议差旅费', '劳务费', '专家咨询费', '间接费用'].map((item, i) => ({
    item,
    fiscal: 50_000 + i * 1000,
    selfRaised: 100_000 + i * 2000,
    note: `${item}预算说明：${PARAGRAPH}`,
  }));
  return { values, tables: { members, budget }, declarations: { taxCredit: true, ipClear: true, noBadRecord: true } };
}

/** What a debounced keystroke save sends: the one narrative field being edited, plus a touched scalar. */
export function keystrokePatch(counter: number): DraftPatch {
  return { values: { 'narrative.innovation': `${text(10)}\n补充说明第 ${counter} 稿。`, 'pi.phone': `1380000${String(counter % 10_000).padStart(4, '0')}` } };
}
