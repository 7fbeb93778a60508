import type { Contact, Direction, Funding } from '../pack/pack';
import { depthOf, DIRECTION_HEADING, directionTree } from './directions';
import type { ClauseTree, NoticeClause } from './outline';
import type { ProposalSet } from './propose';

/**
 * A program (计划类别 / 专项) proposed from the notice's outline, with what the notice says of it:
 * its directions, funding, document types and contacts. The proposals inside its part of the
 * notice become its rules; those outside every program are shared by all programs.
 */
export interface ProposedProgram {
  id: string;
  name: string;
  /** The clause the program heads (its part is this clause and its sub-clauses); null for the whole notice. */
  clauseId: string | null;
  directions: Direction[];
  /** The 支持方向 proposal whose acceptance puts the directions and the 「须选择支持方向」 rule in. */
  directionProposal: string | null;
  /** Whether the rule asks for a leaf of the tree (it has more than one level). */
  leaf: boolean;
  funding: Funding | null;
  documentTypes: ('proposal' | 'application')[];
  contacts: Contact[];
}

/** Words that name a program of a 科技计划 (科技重大专项, 创新人才工程, 科技成果转化基金, 科技项目). */
const PROGRAM_WORD = /专项|计划|工程|基金|项目|类$/;
/** Sections whose sub-clauses are the programs themselves. */
const PROGRAM_LIST = /计划类别|项目类别|专项类别|计划类型|项目类型|申报类别|支持类别/;
/** Sections whose sub-clauses are programs only when they are named like programs. */
const MAYBE_PROGRAM_LIST = /申报指南|支持方向|支持领域|申报内容|计划项目|申报专项|支持专项|专项设置|设立专项/;
const FUNDING_FORMS = ['无偿资助', '股权投资', '贷款贴息', '后补助', '前资助', '事前资助', '事中资助', '奖励', '天使基金', '引导基金', '风险补偿', '以奖代补', '配套资助'];

const childrenOf = (t: ClauseTree, id: string | null): NoticeClause[] => t.clauses.filter((c) => c.parentId === id);

function subtreeIds(t: ClauseTree, root: NoticeClause): Set<string> {
  const ids = new Set([root.id]);
  for (const c of t.clauses) if (c.parentId && ids.has(c.parentId)) ids.add(c.id);
  return ids;
}

/** The clauses that head programs: unnumbered part headings named like programs, or the items of a 计划类别 section. */
function programClauses(t: ClauseTree): NoticeClause[] {
  const headings = childrenOf(t, null).filter((c) => c.style === 'heading' && PROGRAM_WORD.test(c.title) && childrenOf(t, c.id).length > 0);
  if (headings.length >= 2) return headings;
  for (const section of t.clauses) {
    const items = childrenOf(t, section.id).filter((c) => c.title !== '');
    if (items.length < 2) continue;
    if (PROGRAM_LIST.test(section.title)) return items.flatMap((c) => categoriesOf(t, c));
    if (MAYBE_PROGRAM_LIST.test(section.title) && items.every((c) => PROGRAM_WORD.test(c.title))) return items.flatMap((c) => categoriesOf(t, c));
  }
  return [];
}

/** 「（一）科技项目」 split into 「1.技术创新类」「2.社会发展类」, each with its own items: the categories are the programs. */
function categoriesOf(t: ClauseTree, item: NoticeClause): NoticeClause[] {
  const kids = childrenOf(t, item.id);
  return kids.length >= 2 && kids.every((k) => /类$/.test(k.title) && childrenOf(t, k.id).length > 0) ? kids : [item];
}

/** Items that say how to apply, not what to apply for: never directions. */
const NOT_DIRECTION = /(?:条件|要求|申报材料|提交材料|方式|时间|程序|流程|说明|联系人|额度|标准)$/;

/** Integer yuan of a fiscal 资助额度 proposal inside the part, and the funding forms its text names. */
function fundingOf(set: ProposalSet, ids: Set<string> | null, partText: string): Funding | null {
  const range = set.proposals.find((p) => {
    const amount = p.params.amount as { table?: string; column?: string } | undefined;
    return p.kind === 'moneyRange' && amount?.table === 'budget' && amount.column === 'fiscal' && (!ids || ids.has(p.clauseId));
  });
  // Only where the notice speaks of support: 「奖励」 elsewhere is not a funding form.
  const about = partText.split(/[\n。；]/).filter((l) => /资助|补助|扶持|支持方式|支持形式|资金/.test(l)).join('\n');
  const forms = FUNDING_FORMS.filter((f) => about.includes(f));
  if (!range && forms.length === 0) return null;
  const min = range?.params.min;
  const max = range?.params.max;
  return { forms, ...(typeof min === 'number' ? { min } : {}), ...(typeof max === 'number' && max > 0 ? { max } : {}) };
}

// One line may hold several: 「联系人：王明  联系电话：0871-1234567」.
const PEOPLE = /联\s*系\s*人\s*[:：]\s*(.+?)\s*(?=(?:联系)?电\s*话|手\s*机|地\s*址|$)/;
const PHONES = /(?:电\s*话|手\s*机)\s*[:：]\s*(.+?)\s*(?=联\s*系\s*人|地\s*址|$)/;
const ADDRESS = /地\s*址\s*[:：]\s*(.+?)\s*(?=联\s*系\s*人|(?:联系)?电\s*话|$)/;

/**
 * 管理科室 and 联系方式 blocks of a part: a department line (「（1）高新技术管理科：负责管理…」 or a
 * plain name) followed by 联系人 / 联系电话 lines.
 */
export function contactsIn(text: string): Contact[] {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const contacts: Contact[] = [];
  let current: Contact | null = null;
  let lastOther = '';
  for (const line of lines) {
    const people = PEOPLE.exec(line);
    const phones = PHONES.exec(line);
    const address = ADDRESS.exec(line);
    if (!people && !phones && !address) {
      lastOther = line;
      current = null;
      continue;
    }
    if (!current) {
      // A department is named on its own line (「高新技术管理科：负责…」); a sentence before the contact lines is not one.
      const bare = lastOther.replace(/^[（(]?\s*[\d一二三四五六七八九十]+\s*[）)、.．]?\s*/, '');
      const head = bare.split(/[:：]/)[0] ?? '';
      const named = /[:：]/.test(bare) ? head.length <= 20 && !/资助|申报|支持/.test(head) : bare !== '' && bare.length <= 30 && !/[。；，]/.test(bare);
      const label = named ? bare : '';
      const [department, scope] = label.split(/[:：]/, 2);
      current = { department: (department || '联系方式').slice(0, 200), ...(scope?.trim() ? { scope: scope.trim().slice(0, 500) } : {}), people: [], phones: [] };
      contacts.push(current);
    }
    const split = (s: string): string[] => s.replace(/(\d)\s*-\s+(?=\d)/g, '$1-').split(/[\s、，,；;/]+/).filter((x) => x !== '');
    if (people) current.people = [...current.people, ...split(people[1]!)].slice(0, 20).map((x) => x.slice(0, 50));
    if (phones) current.phones = [...current.phones, ...split(phones[1]!)].slice(0, 20).map((x) => x.slice(0, 50));
    if (address) current.address = address[1]!.trim().slice(0, 300);
  }
  return contacts.filter((c) => c.people.length > 0 || c.phones.length > 0).slice(0, 20);
}

const documentTypesOf = (text: string): ProposedProgram['documentTypes'] => (/项目建议书|建议书/.test(text) ? ['proposal', 'application'] : ['application']);

/** The text of a clause and its sub-clauses. */
function partText(t: ClauseTree, ids: Set<string>): string {
  return t.clauses
    .filter((c) => ids.has(c.id))
    .map((c) => c.text)
    .join('\n');
}

/**
 * The programs of a notice. Several unnumbered program headings (克拉玛依: 科技重大专项 … 创新平台专项)
 * or a 计划类别 section (水磨沟: （一）…（五）) give one program each; otherwise the notice is one program
 * named by its title, with every 支持方向 section in its tree.
 */
export function proposePrograms(set: ProposalSet, title: string): ProposedProgram[] {
  const t = set.tree;
  const directionProposals = set.proposals.filter((p) => p.kind === 'directionChosen');
  const heads = programClauses(t);
  const noticeTypes = documentTypesOf(t.text);
  if (heads.length < 2) {
    const one = directionProposals.length === 1 ? directionProposals[0]! : null;
    return [
      {
        id: 'main',
        name: title.slice(0, 200),
        clauseId: null,
        directions: one ? (one.params.directions as Direction[]) : directionProposals.map((p, i) => ({ id: `d${i + 1}`, name: partName(set, p.clauseId).slice(0, 200), children: p.params.directions as Direction[] })),
        directionProposal: directionProposals[0]?.id ?? null,
        leaf: directionProposals.length > 1 || one?.params.leaf === true,
        funding: fundingOf(set, null, t.text),
        documentTypes: noticeTypes,
        contacts: contactsIn(t.text),
      },
    ];
  }
  return heads.slice(0, 50).map((head, i) => {
    const ids = subtreeIds(t, head);
    const text = partText(t, ids);
    const inside = directionProposals.filter((p) => ids.has(p.clauseId));
    // The program is an item of a 支持方向 section (水磨沟's 计划类别): its own sub-clauses are its directions.
    const around = inside.length === 0 ? directionProposals.find((p) => head.parentId !== null && ancestorOf(t, p.clauseId, head)) : undefined;
    // 「1.支持方向」 under the program holds its directions; else the program's own items are them.
    const section = childrenOf(t, head.id).find((c) => DIRECTION_HEADING.test(c.title) && childrenOf(t, c.id).length > 0);
    const own = around ? directionTree(t, section ?? head, 1, `d${i + 1}`).filter((d) => !NOT_DIRECTION.test(d.name)) : [];
    const listed = inside.length > 0 ? (inside[0]!.params.directions as Direction[]) : own.length >= 2 ? own : [];
    // A 支持方向 paragraph naming its fields in one sentence (「现代农业、清洁能源…等领域」): a flat list, choosing optional.
    const prose = listed.length === 0 ? enumeratedDirections(t, head, `d${i + 1}`) : [];
    const directions = listed.length > 0 ? listed : prose;
    return {
      id: `program-${i + 1}`,
      name: (head.title || head.path).slice(0, 200),
      clauseId: head.id,
      directions,
      directionProposal: listed.length > 0 ? (inside[0] ?? around)!.id : null,
      leaf: depthOf(directions) > 1,
      funding: fundingOf(set, ids, text),
      documentTypes: /建议书/.test(text) ? ['proposal', 'application'] : noticeTypes,
      contacts: contactsIn(text),
    };
  });
}

/** What an enumeration ends with: 「…等领域」「…等地区间科技合作与交流项目」. */
const ENUMERATION_END = /等(?:[^。；，,、]{0,4}(?:领域|方向|行业|产业)|[^。；，,、]{0,12}(?:项目|平台|活动))/;

/**
 * The fields a program's 支持方向 paragraph enumerates in one sentence, when it has no numbered
 * items: the run of 、-separated items just before 「等领域」, from the end back to the first item
 * that is a phrase (「…有重要支撑作用的“科技援疆”」 gives 「“科技援疆”」 and ends the run).
 */
export function enumeratedDirections(t: ClauseTree, head: NoticeClause, prefix: string): Direction[] {
  const ids = subtreeIds(t, head);
  const section = t.clauses.find((c) => ids.has(c.id) && DIRECTION_HEADING.test(c.title) && childrenOf(t, c.id).length === 0);
  if (!section) return [];
  const body = section.text.slice(section.text.indexOf('\n') + 1).replace(/\s+/g, '');
  const end = ENUMERATION_END.exec(body);
  if (!end || section.text.indexOf('\n') < 0) return [];
  const before = body.slice(0, end.index);
  const run = before.slice(Math.max(...['。', '；', '：', ':', '，', ',', '（', '('].map((c) => before.lastIndexOf(c))) + 1);
  const items: string[] = [];
  for (const part of run.split('、').reverse()) {
    const cut = part.lastIndexOf('的');
    const item = (cut >= 0 ? part.slice(cut + 1) : part).replace(/^(?:重点|主要|优先)?(?:支持|包括|围绕|聚焦|面向|涉及|鼓励)/, '');
    if (item.length >= 2 && item.length <= 30) items.unshift(item);
    if (cut >= 0 || part.length > 30) break;
  }
  if (items.length < 3) return [];
  return items.slice(0, 200).map((name, i) => ({ id: `${prefix}-${i + 1}`, name }));
}

function ancestorOf(t: ClauseTree, ancestorId: string, clause: NoticeClause): boolean {
  for (let id = clause.parentId; id; id = t.clauses.find((c) => c.id === id)?.parentId ?? null) if (id === ancestorId) return true;
  return false;
}

/** The part (专项) a 支持方向 section belongs to: its top-level ancestor's title. */
function partName(set: ProposalSet, clauseId: string): string {
  let c = set.tree.clauses.find((x) => x.id === clauseId);
  while (c?.parentId) c = set.tree.clauses.find((x) => x.id === c!.parentId);
  return c?.title || c?.path || '支持方向';
}

/** The program a clause belongs to (by the program's clause being it or an ancestor), or null when shared. */
export function programOfClause(t: ClauseTree, programs: readonly ProposedProgram[], clauseId: string): ProposedProgram | null {
  const byId = new Map(t.clauses.map((c) => [c.id, c]));
  for (let id: string | null = clauseId; id; id = byId.get(id)?.parentId ?? null) {
    const found = programs.find((p) => p.clauseId === id);
    if (found) return found;
  }
  return null;
}

/** Contacts the common part of a several-program notice names (科技中介机构, 科技主管部门): the pack's, for every program. */
export function sharedContacts(t: ClauseTree, programs: readonly ProposedProgram[]): Contact[] {
  if (programs.length < 2) return programs[0]?.contacts ?? [];
  const text = t.clauses
    .filter((c) => !programOfClause(t, programs, c.id))
    .map((c) => c.text)
    .join('\n');
  return contactsIn(text);
}
