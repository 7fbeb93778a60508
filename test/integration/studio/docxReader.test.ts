import { AlignmentType, Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { docxToText } from '../../../electron/services/studio/docxText';
import { noticeTextOf } from '../../../electron/services/studio/readNotice';
import { buildClauseTree } from '../../../shared/studio/outline';
import { proposeRules } from '../../../shared/studio/propose';

/** The outline levels of a 科技局 notice as Word numbers them automatically: 一、（一）1.（1）①. */
const LEVELS = [
  { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、' },
  { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）' },
  { level: 2, format: LevelFormat.DECIMAL, text: '%3.' },
  { level: 3, format: LevelFormat.DECIMAL, text: '（%4）' },
  { level: 4, format: LevelFormat.DECIMAL_ENCLOSED_CIRCLE, text: '%5' },
].map((l) => ({ ...l, alignment: AlignmentType.LEFT }));

const numbered = (text: string, level: number, reference = 'outline') => new Paragraph({ numbering: { reference, level }, children: [new TextRun(text)] });
const plain = (text: string) => new Paragraph({ children: [new TextRun(text)] });

async function noticeDocx(): Promise<Buffer> {
  const doc = new Document({
    numbering: { config: [{ reference: 'outline', levels: LEVELS }, { reference: 'annex', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '附件%1', alignment: AlignmentType.LEFT }] }] },
    sections: [
      {
        children: [
          plain('关于申报2024年度甘肃省兰州市城关区科技计划项目的通知'),
          plain('各有关单位：'),
          numbered('申报条件', 0),
          numbered('申报单位', 1),
          numbered('在城关区注册的企业；', 2),
          numbered('项目负责人年龄不超过55周岁，具有大学本科以上学历。', 2),
          numbered('信用要求', 3),
          numbered('无不良信用记录 & 无违法记录；', 4),
          numbered('纳税信用等级为B级及以上。', 4),
          numbered('资助方式', 1),
          plain('单项资助额度为20-50万元，项目实施期限原则上不超过2年。'),
          numbered('申报时间', 0),
          plain('申报截止时间为2024年5月20日17:00。'),
          numbered('申报书模板', 0, 'annex'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

describe('.docx notices', () => {
  it('writes Word automatic numbering into the text, level by level', async () => {
    const text = await docxToText(await noticeDocx());
    expect(text.split('\n')).toEqual([
      '关于申报2024年度甘肃省兰州市城关区科技计划项目的通知',
      '各有关单位：',
      '一、申报条件',
      '（一）申报单位',
      '1.在城关区注册的企业；',
      '2.项目负责人年龄不超过55周岁，具有大学本科以上学历。',
      '（1）信用要求',
      '①无不良信用记录 & 无违法记录；',
      '②纳税信用等级为B级及以上。',
      '（二）资助方式',
      '单项资助额度为20-50万元，项目实施期限原则上不超过2年。',
      '二、申报时间',
      '申报截止时间为2024年5月20日17:00。',
      '附件1申报书模板',
    ]);
  });

  it('gives the clause tree and the proposals the numbered outline', async () => {
    const text = await noticeTextOf('通知.docx', await noticeDocx());
    const tree = buildClauseTree(text);
    expect(tree.clauses.find((c) => c.marker === '②')!.path).toBe('一、申报条件（一）2.（1）②');
    const kinds = proposeRules(text).proposals.map((p) => p.kind);
    expect(kinds).toEqual(expect.arrayContaining(['regionWithin', 'ageAtDate', 'valueIn', 'moneyRange', 'periodMonths', 'applicationWindow']));
  });

  it('reads a table of short one-line cells a row to a line, its cells joined by tabs, and leaves its rows of grants to the user instead of taking the first for every kind', async () => {
    const cells = (...texts: string[]) => new TableRow({ children: texts.map((t) => new TableCell({ children: t.split('|').map(plain) })) });
    const doc = new Document({
      sections: [
        {
          children: [
            plain('2026年度银川市科技创新项目申报指南'),
            plain('第一条 项目类别及资助标准'),
            new Table({ rows: [cells('项目类别', '资助额度', '实施期限'), cells('关键核心技术攻关', '50-100万元', '2-3年'), cells('成果转化（含中试）', '不超过30万元', '1-2年')] }),
            plain('第二条 项目负责人年龄不超过55周岁。'),
          ],
        },
      ],
    });
    const text = await docxToText(new Uint8Array(await Packer.toBuffer(doc)));
    expect(text.split('\n')).toEqual([
      '2026年度银川市科技创新项目申报指南',
      '第一条 项目类别及资助标准',
      '项目类别\t资助额度\t实施期限',
      '关键核心技术攻关\t50-100万元\t2-3年',
      '成果转化（含中试）\t不超过30万元\t1-2年',
      '第二条 项目负责人年龄不超过55周岁。',
    ]);
    const set = proposeRules(text);
    expect(set.proposals.filter((p) => p.kind === 'moneyRange' || p.kind === 'periodMonths')).toEqual([]);
    expect(set.unrecognized.map((u) => u.reason)).toEqual([expect.stringContaining('这是一张表格')]);
    expect(set.proposals.filter((p) => p.kind === 'ageAtDate').map((p) => p.params.max)).toEqual([55]);
  });

  it('refuses a file that is not a .docx, in Chinese', async () => {
    await expect(noticeTextOf('通知.docx', Buffer.from('不是压缩包'))).rejects.toThrow(/无法读取 Word 文件「通知.docx」/);
    await expect(noticeTextOf('通知.doc', Buffer.from('x'))).rejects.toThrow(/不支持的通知文件类型/);
    // A .doc or .wps (as 科技局 sites publish them) is told how to open it: save it as .docx.
    await expect(noticeTextOf('通知.doc', Buffer.from('x'))).rejects.toThrow(/另存为 \.docx/);
    await expect(noticeTextOf('通知.wps', Buffer.from('x'))).rejects.toThrow(/另存为 \.docx/);
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    await expect(noticeTextOf('通知.rtf', ole)).rejects.toThrow(/旧版 Word（\.doc）.*另存为 \.docx/);
    await expect(noticeTextOf('通知.odt', Buffer.from('x'))).rejects.toThrow(/不支持的通知文件类型「\.odt」：请使用 \.txt、\.docx 或文字版 \.pdf$/);
  });
});
