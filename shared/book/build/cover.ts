import type { Cover } from '../ast';
import { directionText, programName, rawValue, textOfId, type BuildContext } from './context';
import { dateText } from './format';
import { DOCUMENT_FULL_NAME } from '../../model/draft';

/** 「甘肃省兰州市城关区」 → 「兰州市城关区」: a city or district names itself without its province. */
function localName(region: string): string {
  const m = /^(.+?(?:省|自治区))(.+)$/.exec(region.trim());
  return m ? m[2]! : region.trim();
}

/**
 * The cover title: a single-program pack is a named 专项 (「…科技援疆计划项目申报书」);
 * otherwise the region's plan (「兰州市城关区科技计划项目申报书」).
 */
export function coverTitle(ctx: BuildContext): string {
  const kind = DOCUMENT_FULL_NAME[ctx.documentType];
  if (ctx.pack.programs.length === 1 && ctx.pack.programs[0]) return `${ctx.pack.programs[0].name}${kind}`;
  return `${localName(ctx.pack.region)}科技计划${kind}`;
}

/** Blank for the applicant's pen when 申报日期 is not filled; never the export date. */
export const BLANK_DATE = '\u3000\u3000年\u3000\u3000月\u3000\u3000日';

/** 「2020-01」 → 「2020年1月」: the form's issue month printed under the issuer, '' when the pack gives none. */
function issueMonthText(month: string | undefined): string {
  const m = month ? /^(\d{4})-(\d{2})$/.exec(month) : null;
  return m ? `${m[1]}年${Number(m[2])}月` : '';
}

export function buildCover(ctx: BuildContext): Cover {
  const applied = ownDate(ctx);
  return {
    title: coverTitle(ctx),
    fields: [
      { label: '项目名称', value: textOfId(ctx, 'project.name') },
      { label: '计划类别', value: programName(ctx) },
      { label: '支持方向', value: directionText(ctx) },
      { label: '申报单位（盖章）', value: textOfId(ctx, 'applicant.name') },
      { label: '项目负责人', value: textOfId(ctx, 'pi.name') },
      { label: '联系电话', value: textOfId(ctx, 'pi.phone') },
      { label: '推荐单位', value: textOfId(ctx, 'project.recommender') },
      { label: '申报日期', value: applied ? dateText(applied) : BLANK_DATE },
    ],
    issuer: `${ctx.pack.issuer}制`,
    date: issueMonthText(ctx.pack.formIssued),
  };
}

/** The applicant's own 申报日期 when it is a valid date, else null. */
function ownDate(ctx: BuildContext): string | null {
  const raw = rawValue(ctx, 'project.applicationDate');
  return typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw.trim()) ? raw.trim() : null;
}
