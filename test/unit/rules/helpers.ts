import { idCheckChar } from '../../../shared/checks/idNumber';
import type { Draft } from '../../../shared/model/draft';
import { PackSchema, type Pack } from '../../../shared/pack/pack';
import { resolveProgram } from '../../../shared/pack/resolve';
import type { Rule } from '../../../shared/pack/rules';
import { createRuleEngine } from '../../../shared/rules/engine';
import type { OtherDraft, RuleResult } from '../../../shared/rules/types';

export const CLAUSE = { id: 'c1', path: '二、申报要求（一）', quote: '申报单位须在本区注册', coverage: { kind: 'rules' } } as const;

/** A minimal valid pack with one program; `extra` is merged into the program. */
export function makePack(rules: unknown[], extra: Record<string, unknown> = {}, packExtra: Record<string, unknown> = {}): Pack {
  return PackSchema.parse({
    format: 'shenbao-pack',
    formatVersion: 1,
    id: 'test-pack',
    version: '1.0.0',
    kind: 'call',
    title: '测试指南',
    issuer: '测试局',
    region: '测试区',
    year: 2020,
    source: { file: 'source.txt', document: '测试指南原文' },
    window: { opens: '2020-01-15T00:00:00+08:00', closes: '2020-03-30T18:00:00+08:00' },
    clauses: [CLAUSE],
    ...packExtra,
    programs: [
      {
        id: 'p1',
        name: '测试专项',
        accepting: true,
        documentTypes: ['application', 'proposal'],
        funding: null,
        directions: [
          { id: 'a', name: '方向A', children: [{ id: 'a1', name: '方向A1' }] },
          { id: 'b', name: '方向B' },
        ],
        rules,
        ...extra,
      },
    ],
  });
}

export function makeDraft(parts: Partial<Pick<Draft, 'values' | 'tables' | 'attachments' | 'declarations'>> & { directionPath?: string[]; programId?: string } = {}): Draft {
  return {
    format: 'shenbao-draft',
    formatVersion: 1,
    id: '00000000-0000-4000-8000-000000000001',
    guideline: {
      packId: 'test-pack',
      packVersion: '1.0.0',
      programId: parts.programId ?? 'p1',
      directionPath: parts.directionPath ?? [],
      documentType: 'application',
    },
    values: parts.values ?? {},
    tables: parts.tables ?? {},
    attachments: parts.attachments ?? {},
    declarations: parts.declarations ?? {},
    planTasks: [],
    status: 'editing',
    createdAt: '2020-01-01T00:00:00+08:00',
    updatedAt: '2020-01-01T00:00:00+08:00',
  };
}

export const rule = (kind: string, params: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: 'r1',
  kind,
  severity: 'error',
  message: '测试规则',
  clause: 'c1',
  ...params,
  ...extra,
});

/** Evaluates the single rule `r1` of a one-rule pack. */
export function run(
  r: Record<string, unknown>,
  draft: Draft,
  options: { today?: string; now?: string; program?: Record<string, unknown>; otherDrafts?: OtherDraft[]; packExtra?: Record<string, unknown> } = {},
): RuleResult {
  const pack = makePack([r], options.program, options.packExtra);
  const resolved = resolveProgram(pack, 'p1', 'application');
  if (!resolved) throw new Error('no program');
  const results = createRuleEngine(resolved).evaluate(draft, { today: options.today ?? '2020-02-01', now: options.now, otherDrafts: options.otherDrafts });
  const found = results.find((x) => x.ruleId === (r.id as string));
  if (!found) throw new Error('rule not evaluated');
  return found;
}

export const outcome = (r: Record<string, unknown>, draft: Draft, options?: Parameters<typeof run>[2]): string => run(r, draft, options).outcome;

export type { Rule };

/** A valid ID number for a birth date (YYYYMMDD); odd sequence = male. */
export function idFor(birth: string, odd = true): string {
  const body = `650102${birth}01${odd ? '1' : '2'}`;
  return body + (idCheckChar(body) ?? '');
}
