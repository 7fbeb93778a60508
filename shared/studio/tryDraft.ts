import { parseIdNumber } from '../checks/idNumber';
import type { Draft, FieldValue } from '../model/draft';
import { PackSchema, type Pack } from '../pack/pack';
import { engineFor } from '../rules/engine';
import type { RuleResult } from '../rules/types';

/** What the user types into the studio's 试填 panel: a few values of a test 申报书. */
export interface TryValues {
  idNumber: string;
  unitType: string;
  /** 万元, as typed. */
  fiscalWan: string;
  selfRaisedWan: string;
  /** YYYY-MM. */
  start: string;
  end: string;
}

export const EMPTY_TRY_VALUES: TryValues = { idNumber: '', unitType: '', fiscalWan: '', selfRaisedWan: '', start: '', end: '' };

export type TryOutcome = { ok: true; results: RuleResult[] } | { ok: false; problem: string };

const yuan = (wan: string): number | null => {
  const n = Number(wan.trim());
  return wan.trim() !== '' && Number.isFinite(n) && n >= 0 ? Math.round(n * 10_000) : null;
};

/** The test draft: the typed values where the form keeps them (budget amounts in the 经费预算表, as the money rules read them). */
export function tryDraftOf(pack: Pack, values: TryValues, programId?: string): Draft {
  const v: Record<string, FieldValue> = {};
  const id = values.idNumber.trim();
  if (id) {
    v['pi.idNumber'] = id;
    // Derived in the wizard from the number; rules may read either.
    const info = parseIdNumber(id);
    if (info) v['pi.birthDate'] = info.birthDate;
  }
  if (values.unitType) v['applicant.unitType'] = values.unitType;
  const fiscal = yuan(values.fiscalWan);
  const self = yuan(values.selfRaisedWan);
  if (fiscal !== null) v['funding.fiscal'] = fiscal;
  if (self !== null) v['funding.selfRaised'] = self;
  if (fiscal !== null || self !== null) v['funding.total'] = (fiscal ?? 0) + (self ?? 0);
  if (values.start && values.end) v['project.period'] = [values.start, values.end];
  const budget = fiscal !== null || self !== null ? [{ key: 'equipment', ...(fiscal !== null ? { fiscal } : {}), ...(self !== null ? { selfRaised: self } : {}) }] : [];
  const program = pack.programs.find((p) => p.id === programId) ?? pack.programs[0];
  const stamp = '2026-01-01T00:00:00.000+08:00';
  return {
    format: 'shenbao-draft',
    formatVersion: 1,
    id: '00000000-0000-4000-8000-000000000000',
    guideline: program ? { packId: pack.id, packVersion: pack.version, programId: program.id, directionPath: [], documentType: program.documentTypes?.[0] ?? 'application' } : null,
    values: v,
    tables: budget.length > 0 ? { budget } : {},
    attachments: {},
    declarations: {},
    planTasks: [],
    status: 'editing',
    createdAt: stamp,
    updatedAt: stamp,
  };
}

/**
 * The rules of the pack being edited (its own, not the form's 必填/格式 checks) on the test draft,
 * evaluated by the same engine as the wizard.
 */
export function tryPack(draftPack: Pack, values: TryValues, today: string, programId?: string): TryOutcome {
  const parsed = PackSchema.safeParse(draftPack);
  if (!parsed.success) return { ok: false, problem: '指南包还有格式问题（见「检查与保存」），暂时无法试填' };
  const pack = parsed.data;
  const program = pack.programs.find((p) => p.id === programId) ?? pack.programs[0];
  if (!program) return { ok: false, problem: '指南包中没有专项，无法试填' };
  const draft = tryDraftOf(pack, values, program.id);
  const engine = engineFor(pack, program.id, draft.guideline!.documentType);
  if (!engine) return { ok: false, problem: '无法按本指南包建立检查，暂时无法试填' };
  // The pack's shared rules and the program's: not the form's own 必填/格式 checks.
  const own = new Set([...(pack.rules ?? []), ...program.rules].map((r) => r.id));
  return { ok: true, results: engine.evaluate(draft, { today }).filter((r) => own.has(r.ruleId)) };
}
