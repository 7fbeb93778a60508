import type { Block } from '../ast';
import type { BuildContext } from './context';

/**
 * Mainland print conventions (GB/T 15834): “ ” and ‘ ’ for quotation marks, 〔 〕 around a
 * document number's year. Pack text copied from web notices often has 「」 or ﹝﹞ instead.
 */
export function mainlandPunctuation(text: string): string {
  return text.replace(/「/g, '“').replace(/」/g, '”').replace(/『/g, '‘').replace(/』/g, '’').replace(/[﹝［]/g, '〔').replace(/[﹞］]/g, '〕');
}

/** 填报说明: how the book is filled, printed and bound; the same for every pack except the names. */
export function instructions(ctx: BuildContext, documentName: string): Block[] {
  const lines = [
    `本${documentName}依据《${ctx.pack.source.document}》填写，各项内容应当真实、准确、完整。`,
    '封面“申报单位”处须加盖申报单位公章；承诺书、单位意见和推荐单位意见须签字盖章。',
    '经费金额以万元为单位，精确到小数点后四位；预算合计由各科目自动汇总。',
    '身份证号码、统一社会信用代码等信息应与证件原件一致；附件按附件清单顺序排列。',
    '本书用 A4 纸双面打印，左侧装订，一式若干份，以科技主管部门要求为准。',
  ];
  return [
    { type: 'heading', level: 1, text: '填报说明' },
    ...lines.map((text, i): Block => ({ type: 'paragraph', runs: [{ type: 'text', text: `${i + 1}. ${mainlandPunctuation(text)}` }], role: 'body', firstLineIndent: true, align: 'justify' })),
  ];
}

export function tableOfContents(): Block[] {
  return [{ type: 'pageBreak' }, { type: 'heading', level: 1, text: '目　　录' }, { type: 'toc' }];
}
