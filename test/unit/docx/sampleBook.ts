import { createHash } from 'node:crypto';
import type { Block, Book, Inline, TableCell } from '../../../shared/book/ast';
import { makePng } from './png';

const t = (text: string): Inline[] => [{ type: 'text', text }];
const c = (text: string, extra: Partial<TableCell> = {}): TableCell => ({ runs: t(text), ...extra });
const body = (text: string): Block => ({ type: 'paragraph', runs: t(text) });

export const FIGURE_PNG = makePng(640, 360);
export const FIGURE_SHA = createHash('sha256').update(FIGURE_PNG).digest('hex');

const NARRATIVE =
  '本项目面向城关区城市运行管理中的实时监测需求，研发基于物联网的城市运行监测平台，集成多源传感数据与边缘计算节点，实现对供热管网、排水管网和重点区域人流的实时感知与预警。' +
  '项目依托企业已有的 LoRa/NB-IoT 通信模组和自主研发的数据中台（V2.3），形成“感知—传输—分析—处置”闭环，预计可将异常事件的平均发现时间由 4 小时缩短至 15 分钟以内，降低巡检成本约 30%。';

/**
 * A hand-built book with every block kind, the shape the builder produces: cover, TOC, headings,
 * body text with Latin words and CJK punctuation, the four table kinds, a figure, a signature
 * box and the attachment list. `scale` repeats the narrative and the member/milestone rows.
 */
export function sampleBook(options: { watermark?: boolean; scale?: number } = {}): Book {
  const scale = options.scale ?? 1;
  const members = Array.from({ length: 6 * scale }, (_, i) => [
    c(String(i + 1), { align: 'center' }),
    c(i === 0 ? '张明远' : `成员${i + 1}`),
    c(i % 3 === 0 ? '高级工程师' : '工程师', { align: 'center' }),
    c(i % 2 === 0 ? '软件工程' : '电子信息'),
    c(i === 0 ? '项目负责人，总体设计' : '平台开发与测试'),
    c(String(10 - (i % 4)), { align: 'center' }),
  ]);
  const milestones = Array.from({ length: 4 * scale }, (_, i) => [
    c(`2020-${String((i % 12) + 1).padStart(2, '0')} 至 2020-${String((i % 12) + 1).padStart(2, '0')}`, { align: 'center' }),
    c(`第 ${i + 1} 阶段：完成感知节点部署、数据接入与平台功能联调，形成阶段性测试报告。`),
    c('测试报告 1 份', { align: 'center' }),
  ]);
  const narrativeSection = (n: number, title: string): Block[] => [
    { type: 'heading', level: 2, text: `（${'一二三四五六七八九十'[n % 10]}）${title}` },
    ...Array.from({ length: 3 * scale }, () => body(NARRATIVE)),
  ];
  const blocks: Block[] = [
    { type: 'toc' },
    { type: 'pageBreak' },
    { type: 'heading', level: 1, text: '一、项目基本信息', sectionId: 'basic' },
    {
      type: 'table',
      role: 'info',
      widths: [2, 3, 2, 3],
      headerRows: [],
      caption: '表1 项目基本信息表',
      rows: [
        [c('项目名称', { header: true }), c('城关区城市运行物联网监测平台研发与示范', { colSpan: 3 })],
        [c('申报单位', { header: true }), c('兰州智联科技有限公司', { colSpan: 3 })],
        [c('统一社会信用代码', { header: true }), c('91620102MA71234567'), c('单位性质', { header: true }), c('民营企业')],
        [c('项目负责人', { header: true }), c('张明远'), c('联系电话', { header: true }), c('13909311234')],
        [c('起止年限', { header: true }), c('2020-03 至 2021-12'), c('申请经费', { header: true }), c('50.00 万元')],
      ],
    },
    { type: 'heading', level: 1, text: '二、项目实施内容', sectionId: 'narrative' },
    ...narrativeSection(0, '立项依据'),
    ...narrativeSection(1, '研究内容与技术路线'),
    { type: 'figure', sha256: FIGURE_SHA, mediaType: 'image/png', caption: '图1 平台总体架构', width: 0.7 },
    ...narrativeSection(2, '创新点与预期目标'),
    { type: 'heading', level: 1, text: '三、项目组主要成员', sectionId: 'members' },
    {
      type: 'table',
      role: 'members',
      widths: [0.8, 1.6, 1.8, 1.8, 3.2, 1.2],
      caption: '表2 项目组主要成员',
      headerRows: [[c('序号'), c('姓名'), c('职称'), c('专业'), c('项目分工'), c('投入月数')]],
      rows: members,
    },
    { type: 'heading', level: 1, text: '四、经费预算', sectionId: 'budget' },
    {
      type: 'table',
      role: 'budget',
      widths: [3, 2, 2, 2],
      caption: '表3 经费预算表（单位：万元）',
      headerRows: [[c('预算科目'), c('财政经费'), c('自筹经费'), c('合计')]],
      rows: [
        [c('一、直接费用', { bold: true }), c('45.00', { align: 'right', bold: true }), c('90.00', { align: 'right', bold: true }), c('135.00', { align: 'right', bold: true })],
        [c('1. 设备费'), c('20.00', { align: 'right' }), c('40.00', { align: 'right' }), c('60.00', { align: 'right' })],
        [c('2. 材料费'), c('15.00', { align: 'right' }), c('30.00', { align: 'right' }), c('45.00', { align: 'right' })],
        [c('3. 测试化验加工费'), c('10.00', { align: 'right' }), c('20.00', { align: 'right' }), c('30.00', { align: 'right' })],
        [c('二、间接费用', { bold: true }), c('5.00', { align: 'right', bold: true }), c('10.00', { align: 'right', bold: true }), c('15.00', { align: 'right', bold: true })],
        [c('合计', { bold: true, align: 'center' }), c('50.00', { align: 'right', bold: true }), c('100.00', { align: 'right', bold: true }), c('150.00', { align: 'right', bold: true })],
      ],
    },
    { type: 'heading', level: 1, text: '五、进度安排', sectionId: 'milestones' },
    {
      type: 'table',
      role: 'milestones',
      widths: [2.6, 5, 2],
      caption: '表4 项目进度安排',
      headerRows: [[c('时间'), c('主要工作内容'), c('考核指标')]],
      rows: milestones,
    },
    { type: 'heading', level: 1, text: '六、审核意见', sectionId: 'opinions' },
    { type: 'signature', title: '申报单位意见', lines: ['本单位承诺申报材料真实、准确，同意申报。'], sealLabel: '单位（盖章）' },
    { type: 'heading', level: 1, text: '七、附件清单', sectionId: 'attachments' },
    {
      type: 'attachmentList',
      items: [
        { no: 1, name: '营业执照副本', files: ['营业执照.pdf'], required: true },
        { no: 2, name: '知识产权证明', files: [], required: false },
      ],
    },
  ];
  return {
    meta: {
      documentType: 'application',
      documentName: '申报书',
      projectName: '城关区城市运行物联网监测平台研发与示范',
      packId: 'chengguan-2020',
      packVersion: '2020.1',
      packHash: 'a'.repeat(64),
      draftId: 'd-0001',
      revision: 7,
      watermark: options.watermark ?? true,
      provenance: '依据指南包 chengguan-2020 2020.1 · 草稿 d-0001 第 7 版生成',
      facts: { projectName: '城关区城市运行物联网监测平台研发与示范', applicant: '兰州某科技有限公司', pi: '张三', total: '150.0000', fiscal: '50.0000' },
    },
    cover: {
      title: '兰州市城关区科技计划项目申报书',
      fields: [
        { label: '项目名称', value: '城关区城市运行物联网监测平台研发与示范' },
        { label: '计划类别', value: '科技创新' },
        { label: '支持方向', value: '新一代信息技术' },
        { label: '申报单位（盖章）', value: '兰州智联科技有限公司' },
        { label: '项目负责人', value: '张明远' },
        { label: '联系电话', value: '13909311234' },
        { label: '申报日期', value: '2020年3月1日' },
      ],
      issuer: '兰州市城关区科学技术局 制',
      date: '二〇二〇年三月',
    },
    blocks,
  };
}
