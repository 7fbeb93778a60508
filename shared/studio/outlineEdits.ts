import { z } from 'zod';
import { buildClauseTree, mergeWithNext, splitClause, type ClauseTree, type NoticeClause } from './outline';

/**
 * The user's corrections to the clause tree, in the order they were made: each names a clause by
 * its id in the tree the previous steps produced (ids are positional, so replaying the steps on the
 * same notice text always gives the same tree, in the browser and on the server).
 */
export const OutlineEditSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('merge'), clause: z.string().min(1).max(100) }).strict(),
  z.object({ op: z.literal('split'), clause: z.string().min(1).max(100), offset: z.number().int('拆分位置应为整数').nonnegative('拆分位置不正确') }).strict(),
]);
export type OutlineEdit = z.infer<typeof OutlineEditSchema>;

export interface EditedTree {
  tree: ClauseTree;
  /** A step that no longer fits the tree (Chinese, naming the step); the steps after it still apply. */
  problems: string[];
}

/** The notice's clause tree with the user's merges and splits applied in order. */
export function editedClauseTree(text: string, edits: readonly OutlineEdit[] = []): EditedTree {
  let tree = buildClauseTree(text);
  const problems: string[] = [];
  edits.forEach((edit, i) => {
    try {
      tree = edit.op === 'merge' ? mergeWithNext(tree, edit.clause) : splitClause(tree, edit.clause, edit.offset);
    } catch (e) {
      problems.push(`条款结构 › 第 ${i + 1} 处${edit.op === 'merge' ? '合并' : '拆分'}（条款 ${edit.clause}）：${e instanceof Error ? e.message : '无法套用'}`);
    }
  });
  return { tree, problems };
}

/**
 * Where a clause can be split: after each sentence or 分句 end (。；！？ or a line break) that
 * leaves text on both sides. Offsets are source offsets (the start of the rest).
 */
export function splitPoints(clause: Pick<NoticeClause, 'start' | 'end' | 'text'>): number[] {
  const points: number[] = [];
  for (let i = 0; i < clause.text.length; i++) {
    if (!/[。；;！？!?\n]/.test(clause.text[i]!)) continue;
    let k = i + 1;
    while (k < clause.text.length && /\s/.test(clause.text[k]!)) k++;
    if (k < clause.text.length && clause.text.slice(0, i + 1).trim() !== '') points.push(clause.start + k);
  }
  return [...new Set(points)];
}
