import type { Cover } from '../ast';
import { directionText, programName, textOfId, type BuildContext } from './context';
import { chinaParts, dateText } from './format';

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
  const kind = ctx.documentType === 'proposal' ? '项目建议书' : '项目申报书';
  if (ctx.pack.programs.length === 1 && ctx.pack.programs[0]) return `${ctx.pack.programs[0].name}${kind}`;
  return `${localName(ctx.pack.region)}科技计划${kind}`;
}

export function buildCover(ctx: BuildContext, generatedAt: string): Cover {
  const when = chinaParts(generatedAt);
  const [year, month] = when ? when.date.split('-') : ['', ''];
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
      { label: '申报日期', value: when ? dateText(when.date) : '' },
    ],
    issuer: `${ctx.pack.issuer}制`,
    date: when ? `${year}年${Number(month)}月` : '',
  };
}
