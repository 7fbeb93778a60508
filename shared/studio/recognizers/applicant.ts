import type { Condition } from '../../pack/condition';
import type { Hit, NoticeContext, Recognizer, Sentence } from '../types';
import { commaPhraseAt, isoDate, NUM, parseNumber } from '../text';
import { EDUCATION_FLOOR, TITLE_FLOOR } from '../vocabulary';

const PI = { idNumberField: 'pi.idNumber' };

/** Who the sentence is about: the project leader unless it names members or the unit only. */
function aboutPi(s: string): boolean {
  if (/负责人|申报人|申请人|主持人|带头人|领军|人才|本人|个人|专家|青年|博士|科技人员|团队带头人/.test(s)) return true;
  return !/成员|参与人员|参加人员|企业|单位|法人|机构|成立|注册|设立/.test(s);
}

/** A benefit or a relaxation, not a condition: 「可放宽至60周岁」「不受年龄限制」. */
const RELAXES = /放宽|可不受|不受[^，。；]{0,6}限制|可适当|可以适当|另行|除外/;

/** 「男性不超过55周岁」: the part of the sentence the bound belongs to (up to the previous comma). */
function sexCondition(before: string): Condition | undefined {
  const phrase = before.split(/[，,；;]/).pop() ?? '';
  if (/男/.test(phrase)) return { field: 'pi.sex', equals: 'male' };
  if (/女/.test(phrase)) return { field: 'pi.sex', equals: 'female' };
  return undefined;
}

/** The reference date written beside an age (「截至2022年12月31日」「以申报截止日计算」). */
function referenceOf(s: string): { at: { date: string } | { windowClose: true }; label: string } {
  const m = /(?:截至|截止到?|以|按)(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(s);
  const date = m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  if (date) return { at: { date }, label: `截至${date}` };
  return { at: { windowClose: true }, label: '截至申报截止日' };
}

/** 「女性可放宽至38周岁」: one sex's own, higher bound. */
const RELAXED_SEX = new RegExp(`(男|女)性?[^，。；]{0,6}?可?放宽(?:至|到)(${NUM})周?岁`);

const AGE_BOUND = new RegExp(
  `(不超过|不得超过|不大于|不高于|不满|未满|低于|小于|不低于|不小于|年满|须满|应满|已满|满|在|为|至少)?(${NUM})(?:周岁|岁)(?:（含）|\\(含\\))?(以下|以内|及以下|（含）以下|以上|及以上|（含）以上)?`,
  'g',
);

const ageAtDate: Recognizer = {
  name: '年龄上限或下限',
  recognize(s: Sentence): Hit[] {
    const hits: Hit[] = [];
    if (!/岁/.test(s.flat)) return hits;
    // 「女性可放宽至38周岁」: the other bounds hold for the other sex, this one for that sex.
    const relaxed = RELAXED_SEX.exec(s.flat);
    const relaxedSex = ownSexBound(s.flat);
    const exception = exceptionOf(s.flat);
    for (const m of s.flat.matchAll(AGE_BOUND)) {
      if (RELAXES.test(phraseAt(s.flat, m.index))) continue;
      const before = s.flat.slice(0, m.index);
      const near = s.flat.slice(Math.max(0, m.index - 12), m.index);
      const word = m[1] ?? '';
      const tail = m[3] ?? '';
      // An age needs its subject close by: 「年龄不超过…」, 「…周岁以下」 of a person.
      if (!/年龄|年纪/.test(near) && !tail && !/不超过|不得超过|不满|未满|年满/.test(word)) continue;
      // Without 年龄 beside it, a bound needs its person named (「55岁以上老年人群」 is a topic, not a limit).
      if (!/年龄/.test(near) && !(aboutPi(before) && /负责人|申报人|申请人|主持人|带头人|人才|人员|专家|男性|女性/.test(before))) continue;
      const n = parseNumber(m[2]!);
      if (n === null || n < 14 || n > 80) continue;
      let min: number | undefined;
      let max: number | undefined;
      if (/不超过|不得超过|不大于|不高于/.test(word) || /以下|以内/.test(tail)) max = n;
      else if (/不满|未满|低于|小于/.test(word)) max = n - 1;
      else if (/不低于|不小于|年满|须满|应满|已满|^满|至少/.test(word) || /以上/.test(tail)) min = n;
      else continue;
      const ref = referenceOf(s.flat);
      let when = sexCondition(before);
      if (!when && relaxedSex && max !== undefined) when = { not: { field: 'pi.sex', equals: relaxedSex } };
      const who = !when ? '项目负责人' : 'not' in when ? `${relaxedSex === 'female' ? '男性' : '女性'}项目负责人` : 'equals' in when && when.equals === 'male' ? '男性项目负责人' : '女性项目负责人';
      hits.push({
        kind: 'ageAtDate',
        params: { person: PI, at: ref.at, ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) },
        ...(when ? { when } : {}),
        ...(exception && max !== undefined ? { severity: 'warning' as const } : {}),
        at: m.index,
        message: max !== undefined ? `${who}年龄不得超过${max}周岁` : `${who}年龄不得小于${min}周岁`,
        why: `「${m[0]}」是对${who}年龄的${max !== undefined ? '上限' : '下限'}，按周岁计算，参照日期：${ref.label}${exception && max !== undefined ? exception : ''}`,
      });
    }
    // 「男性不超过35周岁」 beside a general bound that already excludes the relaxed sex says it again.
    const general = hits.filter((h) => h.when && 'not' in h.when).map((h) => h.params.max);
    const kept = hits.filter((h) => !(h.when && 'equals' in h.when && h.when.equals !== relaxedSex && general.includes(h.params.max)));
    hits.length = 0;
    hits.push(...kept);
    if (relaxed && relaxedSex) {
      const max = parseNumber(relaxed[2]!);
      if (max !== null && max >= 14 && max <= 80) {
        const who = relaxedSex === 'female' ? '女性项目负责人' : '男性项目负责人';
        hits.push({
          kind: 'ageAtDate',
          params: { person: PI, at: referenceOf(s.flat).at, max },
          when: { field: 'pi.sex', equals: relaxedSex },
          at: relaxed.index,
          message: `${who}年龄不得超过${max}周岁`,
          why: `「${relaxed[0]}」放宽了${who}的年龄上限（其余上限只对另一性别适用）`,
        });
      }
    }
    return hits;
  },
};

const phraseAt = (flat: string, at: number): string => commaPhraseAt(flat, at).text;

/**
 * The sex with an age bound of its own in the sentence (「女性可放宽至38周岁」「（女性不超过38周岁）」):
 * the sentence's other bounds are for the other sex.
 */
function ownSexBound(flat: string): 'male' | 'female' | null {
  const sexOf = (m: RegExpExecArray | RegExpMatchArray): 'male' | 'female' => (m[1] === '男' ? 'male' : 'female');
  const relaxed = RELAXED_SEX.exec(flat);
  if (relaxed) return sexOf(relaxed);
  // Both sexes bounded (「男性不超过50周岁，女性不超过55周岁」): the higher bound is the one that relaxes.
  const own = [...flat.matchAll(new RegExp(`(男|女)(?:性|士|同志)?[^，。；（）()]{0,6}?(?:不超过|不得超过|不大于|在)(${NUM})周?岁`, 'g'))];
  if (own.length === 0) return null;
  const highest = own.reduce((a, b) => ((parseNumber(b[2]!) ?? 0) > (parseNumber(a[2]!) ?? 0) ? b : a));
  return sexOf(highest);
}

/**
 * 「特别优秀的可放宽至50周岁」「确有需要的可适当放宽」: an exception the app cannot judge offline;
 * the bound it relaxes is told as a warning, with this reason, not as an error.
 */
function exceptionOf(flat: string): string | null {
  const m = /(?:特别|非常|十分)?(?:优秀|突出|急需|紧缺|特殊|确有需要)[^，。；]{0,10}?(?:可|可以)?(?:适当)?放宽|经[^，。；]{0,10}(?:同意|批准|推荐)[^，。；]{0,6}?(?:可|可以)?放宽/.exec(flat);
  return m ? `；句中另有「${m[0]}」的例外，离线无法判断，按警告处理` : null;
}

const BORN_AFTER = /(?:出生(?:年月|日期|时间)?(?:须|应|为|在)*)?(\d{4})年(?:(\d{1,2})月)?(?:(\d{1,2})日)?(?:（含）|\(含\))?(?:以后|之后|后|及以后)(?:出生)?/g;

const bornOnOrAfter: Recognizer = {
  name: '出生日期下限',
  recognize(s: Sentence): Hit[] {
    const hits: Hit[] = [];
    if (!/出生/.test(s.flat)) return hits;
    const sex = ownSexBound(s.flat);
    const exception = exceptionOf(s.flat);
    for (const m of s.flat.matchAll(BORN_AFTER)) {
      if (!/出生/.test(m[0]) || RELAXES.test(phraseAt(s.flat, m.index))) continue;
      const date = isoDate(Number(m[1]), Number(m[2] ?? 1), Number(m[3] ?? 1));
      if (!date) continue;
      hits.push({
        kind: 'bornOnOrAfter',
        params: { person: PI, date },
        ...(sex ? { when: { not: { field: 'pi.sex', equals: sex } } } : {}),
        ...(exception ? { severity: 'warning' as const } : {}),
        message: `项目负责人须为${date}（含）以后出生`,
        why: `「${m[0]}」限定出生日期（按当天及以后计），从身份证号码读取出生日期${exception ?? ''}`,
      });
    }
    return hits;
  },
};

/** 「具有大学本科以上学历」「硕士及以上学位」「博士学位或副高级以上职称」. */
const education: Recognizer = {
  name: '学历或职称门槛',
  recognize(s: Sentence): Hit[] {
    const hits: Hit[] = [];
    const edu = /(?:具有|具备|取得|获得|为)?(?:全日制)?(博士|硕士|研究生|大学本科|本科|学士|大专|专科)(?:研究生)?(?:学历|学位)?(?:及|或)?(以上)?(?:学历|学位)?/g;
    const title = /(?:具有|具备|取得)?(正高级?|副高级?|高级|中级|初级|副教授|教授|副研究员|研究员|高级工程师|工程师)(?:（含）)?(?:及|或)?(以上)?的?(?:专业技术)?(?:技术)?(职称|职务|资格)/g;
    if (RELAXES.test(s.flat) && !/特别优秀/.test(s.flat)) return hits;
    // 「具有高级职称或博士学位」: 具有 governs both sides of 或.
    const governed = (m: RegExpExecArray): boolean => /学历|学位/.test(m[0]) && (/具有|具备|取得/.test(m[0]) || /(?:具有|具备|取得)[^，。；]{0,16}或$/.test(s.flat.slice(Math.max(0, m.index - 20), m.index)));
    const e = [...s.flat.matchAll(edu)].find((m) => m[2] === '以上' || governed(m));
    const t = [...s.flat.matchAll(title)].find((m) => m[2] === '以上' || /具有|具备|取得/.test(m[0]));
    const eduFloor = e ? EDUCATION_FLOOR.find(([re]) => re.test(e[1]!)) : undefined;
    const titleFloor = t ? TITLE_FLOOR.find(([re]) => re.test(t[1]!)) : undefined;
    // Education as a goal (「培养博士3名」) has no 以上 and no 具有…学历: it was skipped above.
    const either = eduFloor && titleFloor && /或/.test(s.flat.slice(Math.min(e!.index, t!.index), Math.max(e!.index + e![0].length, t!.index)));
    if (eduFloor && (!titleFloor || !either)) {
      hits.push({
        kind: 'valueIn',
        params: { field: 'pi.education', values: eduFloor[1] },
        message: `项目负责人须具有${eduFloor[2]}及以上学历（学位）`,
        why: `「${e![0]}」是学历门槛，${eduFloor[2]}及以上均符合`,
      });
    }
    if (titleFloor) {
      hits.push({
        kind: 'valueIn',
        params: { field: 'pi.titleLevel', values: titleFloor[1] },
        ...(either ? { when: { field: 'pi.education', notIn: eduFloor![1] } } : {}),
        message: `项目负责人须具有${titleFloor[2]}及以上职称`,
        why: either
          ? `「${s.flat.slice(Math.min(e!.index, t!.index), Math.max(e!.index + e![0].length, t!.index + t![0].length))}」是二选一：学历不满足时须满足职称门槛`
          : `「${t![0]}」是职称门槛，${titleFloor[2]}及以上均符合`,
      });
    }
    return hits;
  },
};

export const APPLICANT_RECOGNIZERS: Recognizer[] = [ageAtDate, bornOnOrAfter, education];
export type { NoticeContext };
