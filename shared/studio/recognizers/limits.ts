import type { Hit, Recognizer, Sentence } from '../types';
import { NUM, parseNumber } from '../text';

const CAP = '(?:限报|限申报|限推荐|限|最多(?:申报|推荐)?|不超过|不得超过|只能(?:申报|推荐)?|仅能(?:申报|推荐)?|仅限|原则上不超过)';

/** 「每个单位限报2项」「每家企业最多推荐3个项目」「每大类项目数量不超过3项」. */
const unitQuota: Recognizer = {
  name: '单位限项',
  recognize(s: Sentence): Hit[] {
    // 「（六）单位申报数量不超过5项」: the unit named at the start of its phrase, with the count of what it applies for.
    const re = new RegExp(`(每(?:个|家|一)?(?:申报)?(?:单位|企业|机构|法人|大类|类|类别|专项|方向|领域)|各(?:申报)?单位|同一(?:申报)?单位|(?:一个|一家|单个|单一)(?:申报)?单位|(?:^|(?<=[，。；：:]))(?:（[一二三四五六七八九十\\d]+）|\\d+[.、．])?(?:申报)?单位(?=(?:申报|推荐)(?:项目)?(?:数量|数|总数)))[^，。；]{0,12}?${CAP}(?:申报|推荐)?(${NUM})(?:项|个|件)`, 'g');
    const hits: Hit[] = [];
    for (const m of s.flat.matchAll(re)) {
      const max = parseNumber(m[2]!);
      if (!max || max > 100) continue;
      const perCategory = /大类|类|类别|专项|方向|领域/.test(m[1]!);
      hits.push({
        kind: 'crossDraftLimit',
        params: { key: 'applicant.uscc', max, scope: 'samePack', groupBy: perCategory ? 'program' : 'none' },
        message: `同一申报单位${perCategory ? '每类' : ''}申报不得超过${max}项`,
        why: `「${m[0]}」是每个单位的限项数；按统一社会信用代码统计本机草稿${perCategory ? '，按专项分别统计' : ''}`,
      });
    }
    return hits;
  },
};

/** 「同一申请人同一年内只能申请承担1个项目」「每位项目负责人限报1项」「项目负责人同期已主持一项…的项目」(排除). */
const onePerPerson: Recognizer = {
  name: '每人限项',
  recognize(s: Sentence): Hit[] {
    const re = new RegExp(`(?:同一|每(?:位|个|名|一)?)(?:申请人|项目负责人|负责人|申报人|主持人|(?:科研|科技|研究)人员|人)[^，。；]{0,14}?${CAP}(?:申请|申报|承担|主持|申请承担)*(${NUM})(?:个|项)`);
    const m = re.exec(s.flat);
    const capped = new RegExp(`(?:项目负责人|负责人|申请人|主持人)[^，。；]{0,20}?(?:不得超过|不超过|最多|限)(${NUM})项`).exec(s.flat);
    const held = new RegExp(`(?:负责人|主持人|申请人)[^，。；]{0,4}(?:同期|在研|已)+(?:已)?(?:主持|承担|负责)(${NUM})项`).exec(s.flat);
    const hit = m ?? capped ?? (held && (s.list === 'exclusion' || /不得|不予|不能/.test(s.flat)) ? held : null);
    if (!hit) return [];
    const max = parseNumber(hit[1]!);
    if (!max || max > 10) return [];
    return [
      {
        kind: 'crossDraftLimit',
        params: { key: 'pi.idNumber', max, scope: 'sameYear', groupBy: 'none' },
        message: `同一项目负责人同一年度申报不得超过${max}项`,
        why: `「${hit[0]}」限定每位负责人的项目数；按身份证号码统计本机同一年度的草稿`,
      },
    ];
  },
};

export const LIMIT_RECOGNIZERS: Recognizer[] = [unitQuota, onePerPerson];
