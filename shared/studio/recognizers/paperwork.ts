import { modalOf } from '../severity';
import { flatten } from '../text';
import { unitCondition, unitTypeCondition } from './money';
import { unitsOnly } from '../vocabulary';
import type { Hit, Recognizer, Sentence } from '../types';

/**
 * The 申报书 itself, however the notice names it: 「项目申报书」「《西宁市科技计划项目申报书》」
 * 「2027年度市级科技计划项目申请书」. One name, not a list (「申报书、营业执照」 is split before this).
 */
const THE_APPLICATION = /^《?[^、，,；;《》（）()]{0,40}?(?:申报书|申请书)》?$/;

/**
 * 「合作协议（有合作单位的）」「有合作单位的，须提供合作协议」: the document is asked when the
 * 合作单位 table has a row, not of every applicant (a false 缺少附件) nor of none (a missing one passing).
 */
const PARTNER_CASE = /有(?:合作|协作|参与|联合申报)单位的|联合申报的/;
const PARTNERS_LISTED = { field: 'partners', filled: true } as const;

/** Splits a list at 、；， but not inside （…）: 「技术合同（技术转让合同、技术合作合同等）」 is one item. */
function splitItems(list: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of list) {
    if (ch === '（' || ch === '《') depth++;
    if (ch === '）' || ch === '》') depth = Math.max(0, depth - 1);
    if (depth === 0 && /[、；;]/.test(ch)) {
      items.push(current);
      current = '';
    } else current += ch;
  }
  items.push(current);
  return items;
}

/** 「项目附件包括：A、B、C等与项目有关的资料」「须提供上一年度资产负债表、利润表」. */
const attachments: Recognizer = {
  name: '附件清单',
  recognize(s: Sentence): Hit[] {
    const list = /(?:附件|证明材料|申报材料|佐证材料|相关材料|材料)(?:主要)?(?:包括|包含|有|如下)[:：]?([^。]{4,})/.exec(s.flat);
    const give = /(?:须|需|应|必须|需要)(?:同时)?(?:提供|提交|附上?|上传)([^，。；]{2,60}?)(?:等)?(?:材料|证明)?(?:[，。；]|$)/.exec(s.flat);
    if (s.clause.style === 'annex' && !list && !give) return annexItems(s);
    if (s.list === 'documents' && !list && !give) return documentItem(s);
    const m = list ?? give;
    if (!m) return [];
    const required = !list || /须|需|必须|应/.test(s.flat.slice(0, m.index + 4));
    const items = m[1]!
      .replace(/等(?:与项目)?(?:有关|相关)?的?(?:资料|材料|证明)?$/, '')
      .split('\u0000')
      .flatMap(splitItems)
      .map((t) => t.replace(/^(?:以下|下列|如下)(?:材料|资料)[:：]?/, '').replace(/^(?:及|和|以及)/, '').trim())
      // The 申报书 itself is what this app writes and exports, not a file to attach.
      .filter((t) => !THE_APPLICATION.test(t))
      .filter((t) => Array.from(t).length >= 2 && Array.from(t).length <= 60 && !/^\d+项?$/.test(t));
    if (items.length === 0 || items.length > 40) return [];
    // A document list, not a sentence about people or money: every item names a document.
    if (!items.some((t) => /证|书|表|报告|协议|合同|函|文件|信息|证明|资料|复印件|批文|许可|执照/.test(t))) return [];
    // 「申报单位是企业性质的，需提供…」: the checklist item is shown for that unit type only.
    const lead = s.flat.slice(0, m.index);
    const when = PARTNER_CASE.test(lead) ? PARTNERS_LISTED : unitCondition(lead);
    return items.map((name) => ({
      kind: 'attachment' as const,
      params: { name, required: required && !/相关|有关|如有|可提供/.test(name) },
      ...(when ? { when } : {}),
      message: name,
      why: list ? `附件清单列出「${name}」` : `「${m[0]}」要求提供「${name}」`,
    }));
  },
};

/** Conditional documents: 「合作协议（有合作单位的须提供）」「合作协议（有合作单位的）」「（如有）」「可提供」. */
const CONDITIONAL_DOCUMENT = /如有|若有|有[^，。；（）]{1,12}的(?:须|需|应)?(?:提供|提交|附)|[（(]有[^，。；（）()]{1,12}的[）)]|可提供|可附|选填|非必须|视情况/;

/** 「审计报告（企业）」「（企业牵头的项目）」「（高校、科研院所须提供）」: the document is asked of these unit types only. */
function unitsOfNote(note: string): string[] {
  // 「（有合作单位的）」 names no unit type; 「（企业牵头的项目）」 is the unit type and the usual words around it.
  return unitsOnly(note.replace(/(?:牵头|申报|承担)?的?(?:项目)?(?:单位)?(?:须|需|应|必须)?(?:提供|提交|填报|附)?$/, ''));
}

const LEADING_UNIT = /^(?:企业|高等学校|高等院校|高校|科研院所|医疗卫生机构|医院|事业单位)(?![和与及或、])/;

/** An item of a 「三、申报材料」 list: one document per item, required unless the item says when. */
function documentItem(s: Sentence): Hit[] {
  const text = s.flat
    .replace(/^(?:\d{1,2}[.、．]|（[一二三四五六七八九十\d]+）|[①-⑳])\s*/, '')
    .replace(/[；;。，,]$/, '')
    .trim();
  const name = text.replace(/[（(][^（）()]*[）)]$/, '').trim() || text;
  const length = Array.from(name).length;
  // The 申报书 itself is what this app writes and exports, not a file to attach.
  if (THE_APPLICATION.test(name)) return [];
  if (length < 2 || length > 60 || !/证|书|表|报告|协议|合同|函|文件|证明|资料|复印件|批文|许可|执照|材料|说明|清单|照片|扫描件/.test(name)) return [];
  const note = /[（(]([^（）()]*)[）)]$/.exec(text)?.[1] ?? '';
  const noted = unitsOfNote(note);
  // 「企业上年度财务报表」「事业单位法人证书」: a name that opens with a unit type is that type's document.
  const units = noted.length > 0 ? noted : unitsOnly(LEADING_UNIT.exec(name)?.[0] ?? '');
  const partnered = units.length === 0 && PARTNER_CASE.test(text);
  const conditional = units.length === 0 && !partnered && CONDITIONAL_DOCUMENT.test(text);
  const when = partnered ? PARTNERS_LISTED : unitTypeCondition(units);
  return [
    {
      kind: 'attachment',
      params: { name, required: !conditional },
      ...(when ? { when } : {}),
      message: name,
      why: `列在「${s.heading.split('/').pop() ?? '申报材料'}」中${conditional ? '；条目写明了适用情形，按非必需处理' : ''}${partnered ? `；条目注明「${note}」，填写了合作单位时要求` : when ? `；${noted.length > 0 ? `条目注明「${note}」` : `名称以「${LEADING_UNIT.exec(name)![0]}」开头`}，只对这类单位要求` : ''}`,
    },
  ];
}

/** 「附件：1.申领表 2.承诺书」: the annexes named at the end of a notice are forms to fill in and attach. */
function annexItems(s: Sentence): Hit[] {
  const body = s.flat.replace(/^附件\d*[:：]?/, '');
  const names = body
    .split(/(?:^|(?<=[^\d]))\d{1,2}[.、．](?!\d)/)
    .map((t) => t.replace(/[；;。，,]$/, '').trim())
    .filter((t) => Array.from(t).length >= 2 && Array.from(t).length <= 60);
  return names.map((name) => ({
    kind: 'attachment' as const,
    params: { name, required: false },
    message: name,
    why: `通知的附件「${name}」，通常须填写后随申报材料提交；是否必需请核对`,
  }));
}

/** 优先支持 conditions become priorities the applicant may claim (info results). */
const priority: Recognizer = {
  name: '优先支持',
  recognize(s: Sentence): Hit[] {
    const inList = s.list === 'priority';
    const stated = /优先(?:支持|资助|立项|考虑|推荐|安排)/.test(s.flat);
    if (!inList && !stated) return [];
    // The lead-in 「符合以下条件的项目优先支持：」 itself is not a condition; its items are.
    if (stated && /以下|下列|如下/.test(s.flat) && /[:：]$/.test(s.flat)) return [];
    const text = s.flat.replace(/^(?:\d+[.、]|（[\d一二三四五六七八九十]+）|[一二三四五六七八九十]+、|[①-⑳])/, '').replace(/[；;。]$/, '');
    return [
      {
        kind: 'priorityClaimed',
        params: { option: Array.from(text).slice(0, 60).join('') },
        severity: 'info',
        message: `优先支持：${Array.from(text).slice(0, 40).join('')}${Array.from(text).length > 40 ? '…' : ''}`,
        why: inList ? '列在「优先支持」的条件中，作为申报单位可勾选的优先条件（提示）' : '句中写明「优先支持」，作为可勾选的优先条件（提示）',
      },
    ];
  },
};

/** Requirements about conduct or facts the app cannot see become 承诺 (declarations). */
const UNCHECKABLE = /高新技术企业|科技型中小企业|专精特新|入库|认定|在研|未结题|未验收|逾期未|遵守|诚信|诚实守信|信用记录|不良记录|失信|违法|违规|纠纷|权属|真实|重复申报|多头申报|在职|知识产权清晰|产业政策|保证|承诺|专款专用|单独核算|财务管理|规章制度|经营异常|资质|不良影响|列入|已获|已立项|符合《|按照?《[^》]{1,40}》[^，。；]{0,6}执行|系统中注册|网上注册|具备[^，。；]{0,12}(?:能力|条件)|具有[^，。；]{0,12}(?:能力|条件|基础)/;

/**
 * What the applicant commits to, without what stands before it in the sentence: the clause's
 * heading line (「一、申报条件」), a lead-in (「申报单位应当具备下列条件：」) and the item's number.
 */
function commitmentText(s: Sentence): string {
  let text = s.flat;
  // A line that is only the clause's number and title (「一、申报条件」), with the paragraph below it.
  const firstLine = flatten(/^[^\n]*/.exec(s.clause.text)![0]).flat;
  const heading = flatten(`${s.clause.marker}${s.clause.title}`).flat;
  if (s.start === s.clause.start && /\n/.test(s.clause.text) && firstLine === heading && text.startsWith(heading)) text = text.slice(heading.length);
  return text.replace(/^[^。；]*?(?:以下|下列|如下)[^:：。；]{0,8}[:：]/, '').replace(/^(?:\d+[.、]|（[一二三四五六七八九十\d]+）|[①-⑳]|第[一二三四五六七八九十百\d]+条)/, '');
}

const declarations: Recognizer = {
  name: '承诺事项',
  recognize(s: Sentence): Hit[] {
    if (s.list === 'priority') return [];
    const requirement = s.list === 'exclusion' || s.list === 'requirement' || modalOf(s.flat)?.severity === 'error';
    if (!requirement || !UNCHECKABLE.test(s.flat)) return [];
    const text = commitmentText(s);
    // Under a 申报要求 heading an item may still describe what is funded (「支持企业开展诚信体系建设研究」), not a condition.
    if (s.list === 'requirement' && !modalOf(s.flat) && /^(?:重点|主要)?(?:支持|围绕|聚焦|资助|面向|开展|研究)/.test(text)) return [];
    return [
      {
        kind: 'declaration',
        params: { text: s.list === 'exclusion' ? `本项目不属于以下情形：${text}` : `本单位承诺：${text}` },
        severity: 'error',
        message: s.list === 'exclusion' ? `承诺不属于：${text}` : `承诺：${text}`,
        why: s.list === 'exclusion' ? '列在不属于申报范围的情形中，无法从申报数据检查，改为承诺勾选' : '这项要求无法从申报数据检查（诚信、资质、条件等），改为承诺勾选',
      },
    ];
  },
};

export const PAPERWORK_RECOGNIZERS: Recognizer[] = [attachments, priority, declarations];
