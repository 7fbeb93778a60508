import type { Direction } from '../pack/pack';
import type { ClauseTree, NoticeClause } from './outline';
import { flatten } from './text';
import type { Hit } from './types';

/** Headings whose sub-clauses are the directions an applicant chooses from. */
export const DIRECTION_HEADING = /支持方向|支持领域|重点领域|申报指南|支持重点|重点支持|计划类别|项目类别|支持内容|研究方向|申报方向|指南方向/;

const MAX_DEPTH = 3;

/** The sub-clauses of `parent` as a directions tree (at most three levels). */
export function directionTree(t: ClauseTree, parent: NoticeClause, depth: number, prefix: string): Direction[] {
  return t.clauses
    // A 「资助额度：…」 line beside the items is said of the program, not a direction.
    .filter((c) => c.parentId === parent.id && c.style !== 'label')
    .slice(0, depth === 1 ? 200 : 100)
    .map((c, i) => {
      const id = `${prefix}-${i + 1}`;
      const description = flatten(c.text).flat.slice(0, 4000);
      const children = depth < MAX_DEPTH ? directionTree(t, c, depth + 1, id) : [];
      return {
        id,
        ...(c.marker ? { code: c.marker.slice(0, 20) } : {}),
        name: (c.title || description).slice(0, 200),
        ...(description.length > c.title.length + c.marker.length ? { description } : {}),
        ...(children.length > 0 ? { children } : {}),
      };
    });
}

export const depthOf = (ds: Direction[]): number => (ds.length === 0 ? 0 : 1 + Math.max(...ds.map((d) => depthOf(d.children ?? []))));

/** A lead-in line alone: 「支持方向：」「重点支持领域:」. */
const DIRECTION_LEAD = new RegExp(`^(?:${DIRECTION_HEADING.source})[:：]?$`);

/**
 * 「（一）高原特色产业专项」 whose last line is 「支持方向：」 and whose numbered items follow: the
 * program's heading carries the lead-in, so its items are the directions although its title is the
 * program's name.
 */
function endsWithDirectionLead(clause: NoticeClause): boolean {
  const lines = clause.text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  return lines.length >= 2 && DIRECTION_LEAD.test(lines[lines.length - 1]!);
}

/** A 支持方向 section with sub-clauses → a directions tree and the rule that one is chosen. */
export function directionsHit(t: ClauseTree, clause: NoticeClause, index: number): Hit | null {
  if (!DIRECTION_HEADING.test(clause.title) && !endsWithDirectionLead(clause)) return null;
  const directions = directionTree(t, clause, 1, `d${index}`);
  if (directions.length < 2) return null;
  const leaf = depthOf(directions) > 1;
  return {
    kind: 'directionChosen',
    params: { ...(leaf ? { leaf: true } : {}), directions },
    severity: 'error',
    message: leaf ? '须选择本专项的支持方向（选到最末一级）' : '须选择本专项的支持方向',
    why: `「${clause.title}」下列出 ${directions.length} 个方向${leaf ? '（分多级，须选到最末一级）' : ''}，按通知的编号建成支持方向树，申报书须从中选择`,
  };
}
