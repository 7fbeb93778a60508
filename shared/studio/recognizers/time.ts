import type { Hit, NoticeContext, Recognizer, Sentence } from '../types';
import { chinaDateTime, isoDate, NUM, parseNumber } from '../text';

const PERIOD_SUBJECT = /(?:实施|执行|研究|建设|完成)(?:期限|周期|期|年限)|项目(?:期限|周期|执行期|实施期)|起止(?:年限|时间)/;

function months(n: number, unit: string): number {
  return unit.startsWith('年') ? Math.round(n * 12) : Math.round(n);
}

/**
 * 「实施期限原则上不超过2年」「项目周期不超过24个月」「实施期1-2年」「实施期限1年」「实施周期超过三年的项目」(不属于申报范围).
 * 「实施期1-2年，原则上不超过两年」 is two rules: the range's floor (no modal word: must) and the
 * cap as its own wording says (原则上: warning).
 */
const period: Recognizer = {
  name: '项目实施期限',
  recognize(s: Sentence): Hit[] {
    const heading = PERIOD_SUBJECT.exec(s.flat);
    if (!heading) return [];
    // 「实施期限：项目实施期限一般为1至2年」: a heading word, then the sentence's own subject, from which the limits are read.
    const headEnd = heading.index + heading[0].length;
    const own = /^[:：]/.test(s.flat.slice(headEnd)) ? PERIOD_SUBJECT.exec(s.flat.slice(headEnd, headEnd + 16)) : null;
    const subject = own ? { 0: own[0], index: headEnd + own.index } : { 0: heading[0], index: heading.index };
    const from = subject.index + subject[0].length;
    const after = s.flat.slice(from, from + 24);
    const range = new RegExp(`^[^，。；]{0,6}?(${NUM})(年|个月)?[-—~至到](${NUM})(年|个月)`).exec(after);
    const capRe = new RegExp(`(不超过|不得超过|不超|不多于|最长|原则上为|一般为|以|为|超过)(${NUM})(年|个月)(以内|内|以下)?`, 'g');
    const caps = [...s.flat.slice(from, from + 40).matchAll(capRe)].filter((c) => !range || c.index >= range[0].length);
    const hits: Hit[] = [];
    const why = (said: string): string => `「${subject[0]}${said}」限定项目起止年月（含首尾月份计）${s.list === 'exclusion' ? '；本条列在不属于申报范围的情形中' : ''}`;
    // 「一般为2年，最长不超过3年」: each distinct cap is its own rule, with the severity of its own words.
    const found: { max: number; at: number; said: string }[] = [];
    for (const c of caps) {
      const n = months(parseNumber(c[2]!) ?? 0, c[3]!);
      const word = c[1]!;
      // 「实施周期超过三年的项目」 is only a limit when the list excludes it; 「以3年为期」 needs 以内.
      if (word === '超过' && s.list !== 'exclusion' && !/不予|不属于|不支持|不得/.test(s.flat)) continue;
      if (word === '以' && !c[4]) continue;
      if (n > 0 && n <= 240 && !found.some((f) => f.max === n)) found.push({ max: n, at: from + c.index, said: c[0] });
    }
    // 「每项资助5万元，实施期限1年」: a period stated bare is as long as it may be.
    const bare = caps.length === 0 && !range ? new RegExp(`^[:：]?(${NUM})(年|个月)(?!以上|及以上|以下|以内|内|的)`).exec(after) : null;
    if (bare) {
      const n = months(parseNumber(bare[1]!) ?? 0, bare[2]!);
      if (n > 0 && n <= 240) found.push({ max: n, at: from, said: bare[0] });
    }
    const cap = found[0] ?? null;
    if (range) {
      const unit = range[4]!;
      const min = months(parseNumber(range[1]!) ?? 0, range[2] ?? unit);
      const max = months(parseNumber(range[3]!) ?? 0, unit);
      if (min > 0 && min <= max && max <= 240) {
        const restated = cap !== null && cap.max === max;
        hits.push({
          kind: 'periodMonths',
          params: { field: 'project.period', min, ...(restated ? {} : { max }) },
          at: subject.index,
          message: restated ? `项目实施期不得短于${min}个月` : `项目实施期须在${min}至${max}个月之间`,
          why: `${why(range[0])}${restated ? '；上限另见同句的「' + cap!.said + '」，按其措辞单列' : ''}`,
        });
      }
    }
    for (const c of found) {
      hits.push({
        kind: 'periodMonths',
        params: { field: 'project.period', max: c.max },
        at: c.at,
        message: `项目实施期不得超过${c.max}个月`,
        why: why(c.said),
      });
    }
    return hits;
  },
};

/** 「6月30日（星期日）」: a weekday in brackets may follow the date. */
const DATE = '(?:(\\d{4})年)?(\\d{1,2})月(\\d{1,2})日(?:（(?:星期|周)[一二三四五六日天]）)?';
const TIME = '(?:(上午|下午|晚上)?(\\d{1,2})(?:[:：](\\d{2})|时(?:(\\d{1,2})分)?|点(?:(\\d{1,2})分|半)?))?';

interface Point {
  date: string;
  hour?: number;
  minute?: number;
}

function point(ctx: NoticeContext, g: (string | undefined)[], fallbackYear?: number): Point | null {
  const [y, mo, d, ampm, h, m1, m2, m3] = g;
  const year = y ? Number(y) : (fallbackYear ?? ctx.year);
  const date = isoDate(year, Number(mo), Number(d));
  if (!date) return null;
  if (h === undefined) return { date };
  let hour = Number(h);
  if ((ampm === '下午' || ampm === '晚上') && hour < 12) hour += 12;
  const minute = Number(m1 ?? m2 ?? m3 ?? 0);
  if (hour > 24 || minute > 59) return null;
  return { date, hour, minute };
}

const closeOf = (p: Point): string => (p.hour === undefined ? chinaDateTime(p.date, 23, 59, 59) : chinaDateTime(p.date, Math.min(p.hour, 23), p.hour === 24 ? 59 : p.minute!, p.hour === 24 ? 59 : 0));
const openOf = (p: Point): string => chinaDateTime(p.date, p.hour ?? 0, p.minute ?? 0);
const label = (p: Point): string => `${p.date}${p.hour === undefined ? '' : ` ${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`}`;

/** Words of submitting an application; dates of other events (获得, 成立, 出生) are not the window. */
const SUBMIT = /申报|受理|提交|报送|截止|申请|上报|报名/;
const OTHER_EVENT = /获得|成立|注册|出生|发布|印发|验收|立项|评审|公示|下达|完成|拨付|执行期|实施期/;

/** 「申报时间：2020年1月15日—3月30日」「截止时间为2022年5月20日17:00」「于6月15日18:00截止」. */
const applicationWindow: Recognizer = {
  name: '申报时间',
  recognize(s: Sentence, ctx: NoticeContext): Hit[] {
    if (!SUBMIT.test(s.flat + s.clause.title)) return [];
    const range = new RegExp(`${DATE}${TIME}(?:起)?[-—–~至到]+${DATE}${TIME}`).exec(s.flat);
    if (range) {
      const before = s.flat.slice(Math.max(0, range.index - 12), range.index);
      if (OTHER_EVENT.test(before)) return [];
      const opens = point(ctx, range.slice(1, 9));
      let closes = opens && point(ctx, range.slice(9, 17), Number(opens.date.slice(0, 4)));
      if (!opens || !closes || closes.date < opens.date) return [];
      // 「…3月1日至3月31日，截止时间为3月31日17:30」: the same day's time of day, said later.
      const later = new RegExp(`${DATE}${TIME}`, 'g');
      for (const t of s.flat.slice(range.index + range[0].length).matchAll(later)) {
        const p = point(ctx, t.slice(1, 9), Number(closes.date.slice(0, 4)));
        if (p && p.date === closes.date && p.hour !== undefined && closes.hour === undefined) closes = p;
      }
      return windowHits({ opens: openOf(opens), closes: closeOf(closes) }, `「${range[0]}」是申报起止时间：${label(opens)} 至 ${label(closes)}${closes.hour === undefined ? '（未写时刻，按当天 24 时计）' : ''}`);
    }
    // 「即日起至2027年5月10日」「自通知印发之日起至5月10日」: open now, closing on that day.
    const fromNow = new RegExp(`(?:即日起|之日起)(?:至|到|[-—–~])${DATE}${TIME}`).exec(s.flat);
    if (fromNow) {
      const closes = point(ctx, fromNow.slice(1, 9));
      if (!closes) return [];
      return windowHits({ closes: closeOf(closes) }, `「${fromNow[0]}」是申报截止时间：${label(closes)}${closes.hour === undefined ? '（未写时刻，按当天 24 时计）' : ''}${fromNow[1] ? '' : `（未写年份，按通知年份 ${ctx.year} 年）`}`);
    }
    const deadline = new RegExp(`(?:截止(?:时间|日期)?|截至)(?:为|是|到|至)?:?${DATE}${TIME}|${DATE}${TIME}(?:前|之前|以前|截止|止)`).exec(s.flat);
    if (!deadline) return [];
    const around = s.flat.slice(Math.max(0, deadline.index - 16), deadline.index + deadline[0].length + 8);
    if (!SUBMIT.test(around) || OTHER_EVENT.test(s.flat.slice(Math.max(0, deadline.index - 10), deadline.index))) return [];
    const g = deadline[1] !== undefined || deadline[2] !== undefined ? deadline.slice(1, 9) : deadline.slice(9, 17);
    const closes = point(ctx, g);
    if (!closes) return [];
    const yearNote = g[0] ? '' : `（未写年份，按通知年份 ${ctx.year} 年）`;
    return windowHits({ closes: closeOf(closes) }, `「${deadline[0]}」是申报截止时间：${label(closes)}${closes.hour === undefined ? '（未写时刻，按当天 24 时计）' : ''}${yearNote}`);
  },
};

function windowHits(window: { opens?: string; closes: string }, why: string): Hit[] {
  return [
    { kind: 'applicationWindow', params: { window }, severity: 'warning', message: '申报时间', why: `${why}；截止后检查给出警告（往年指南仍可作示例）` },
    { kind: 'dateInWindow', params: { field: 'project.applicationDate' }, severity: 'warning', message: '申报日期须在申报时间内', why: `申报书封面的申报日期应落在申报时间内（${window.opens ? '起止' : '截止'}时间取自本句）` },
  ];
}

export const TIME_RECOGNIZERS: Recognizer[] = [period, applicationWindow];
