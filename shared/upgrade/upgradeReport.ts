import type { Draft, DraftPatch, FieldValue } from '../model/draft';
import type { Field } from '../pack/fields';
import type { Pack } from '../pack/pack';
import { resolveProgram } from '../pack/resolve';
import { isFilled } from '../rules/access';
import type { RuleResult } from '../rules/types';

export interface FieldRef {
  id: string;
  label: string;
  section: string;
}

/** Content of the draft that the form of its pack version has no place for: kept, listed in 保留的旧内容, never deleted. */
export interface KeptContent {
  id: string;
  label: string;
  text: string;
  why: string;
}

export interface RuleChange {
  ruleId: string;
  message: string;
  quote: string;
}

/** What upgrading a draft to a newer version of its pack changes, shown before anything changes. */
export interface UpgradeReport {
  packId: string;
  fromVersion: string;
  toVersion: string;
  fieldsAdded: FieldRef[];
  fieldsRemoved: FieldRef[];
  /** Renamed by id (declared with `renamedFrom` in the new version): the value moves to the new id. */
  fieldsRenamed: { from: FieldRef; to: FieldRef; moved: boolean }[];
  /** Same field, new name in the form. */
  fieldsRelabeled: { id: string; from: string; to: string }[];
  kept: KeptContent[];
  rules: { newErrors: RuleChange[]; newWarnings: RuleChange[]; nowPassing: RuleChange[] };
}

type Located = { field: Field; section: string };

function fieldsOf(pack: Pack, draft: Draft): Map<string, Located> | null {
  const g = draft.guideline;
  if (!g) return null;
  const resolved = resolveProgram(pack, g.programId, g.documentType);
  if (!resolved) return null;
  return new Map(resolved.sections.flatMap((s) => s.fields.map((field) => [field.id, { field, section: s.title }] as const)));
}

const ref = (id: string, l: Located): FieldRef => ({ id, label: l.field.label, section: l.section });

/** A short plain text of any stored value (tables: their rows). */
export function storedText(value: FieldValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.join('、');
  if (typeof value === 'boolean') return value ? '是' : '否';
  return String(value).replace(/<[^>]*>/g, '').slice(0, 2000);
}

function tableText(rows: Record<string, FieldValue>[]): string {
  return rows.map((r, i) => `第 ${i + 1} 行：${Object.values(r).map(storedText).filter((t) => t !== '').join('，')}`).join('；').slice(0, 4000);
}

/** A select value that is not one of the field's options (any more). */
function outsideOptions(field: Field, value: FieldValue | undefined): boolean {
  if (!isFilled(value)) return false;
  if (field.kind === 'select') return !field.options.some((o) => o.value === value);
  if (field.kind === 'multiSelect') return Array.isArray(value) && value.some((v) => !field.options.some((o) => o.value === v));
  return false;
}

/**
 * Content the form has no place for: values and tables whose id is no field of the draft's
 * program (a field removed by a newer version), and choices no longer among the options.
 * `labels` names ids from earlier versions of the pack.
 */
export function keptContent(draft: Draft, fields: ReadonlyMap<string, { field: Field }>, labels: ReadonlyMap<string, string> = new Map()): KeptContent[] {
  const out: KeptContent[] = [];
  for (const [id, value] of Object.entries(draft.values)) {
    const here = fields.get(id);
    if (!here) {
      if (isFilled(value)) out.push({ id, label: labels.get(id) ?? id, text: storedText(value), why: '当前版本的申报书没有这一项' });
    } else if (outsideOptions(here.field, value)) {
      out.push({ id, label: here.field.label, text: storedText(value), why: '不在当前版本的选项中' });
    }
  }
  for (const [id, rows] of Object.entries(draft.tables)) {
    if (fields.has(id) || rows.length === 0) continue;
    out.push({ id, label: labels.get(id) ?? id, text: tableText(rows), why: '当前版本的申报书没有这张表' });
  }
  return out;
}

/** Rules whose results change between the two versions, by rule id. */
export function ruleChanges(before: readonly RuleResult[], after: readonly RuleResult[]): UpgradeReport['rules'] {
  const failing = (results: readonly RuleResult[], severity: RuleResult['severity']) => new Set(results.filter((r) => r.outcome === 'fail' && r.severity === severity).map((r) => r.ruleId));
  const change = (r: RuleResult): RuleChange => ({ ruleId: r.ruleId, message: r.message, quote: r.citation.quote });
  const errorsBefore = failing(before, 'error');
  const warningsBefore = failing(before, 'warning');
  const failAfter = new Set(after.filter((r) => r.outcome === 'fail').map((r) => r.ruleId));
  return {
    newErrors: after.filter((r) => r.outcome === 'fail' && r.severity === 'error' && !errorsBefore.has(r.ruleId)).map(change),
    newWarnings: after.filter((r) => r.outcome === 'fail' && r.severity === 'warning' && !warningsBefore.has(r.ruleId) && !errorsBefore.has(r.ruleId)).map(change),
    nowPassing: before.filter((r) => r.outcome === 'fail' && (r.severity === 'error' || r.severity === 'warning') && !failAfter.has(r.ruleId)).map(change),
  };
}

export interface UpgradePlan {
  /** The one save that upgrades the draft: the new pack version and the renamed values moved. */
  patch: DraftPatch;
  /** The draft as it will be after the patch. */
  upgraded: Draft;
  report: Omit<UpgradeReport, 'rules'>;
}

/**
 * Plans the upgrade of a draft from its pack version to `newPack` (same pack id). Nothing is
 * deleted: renamed values move to their new id, everything else stays where it is, and what the
 * new form has no place for is listed as kept. Throws a Chinese message when it cannot be done.
 */
export function planUpgrade(draft: Draft, oldPack: Pack, newPack: Pack): UpgradePlan {
  const g = draft.guideline;
  if (!g) throw new Error('这份草稿没有选择申报指南，无需升级');
  if (newPack.id !== g.packId) throw new Error(`新版指南（${newPack.id}）与草稿的指南（${g.packId}）不是同一份`);
  const before = fieldsOf(oldPack, draft);
  const after = fieldsOf(newPack, draft);
  if (!before) throw new Error(`草稿所用的 ${oldPack.version} 版指南中找不到本草稿的专项「${g.programId}」`);
  if (!after) throw new Error(`${newPack.version} 版指南中没有本草稿的专项「${g.programId}」，无法升级`);

  const values: Record<string, FieldValue | null> = {};
  const tables: NonNullable<DraftPatch['tables']> = {};
  const fieldsRenamed: UpgradeReport['fieldsRenamed'] = [];
  const renamedOld = new Set<string>();
  for (const [id, located] of after) {
    if (before.has(id)) continue;
    for (const old of located.field.renamedFrom ?? []) {
      const was = before.get(old);
      if (!was || after.has(old)) continue;
      renamedOld.add(old);
      const value = draft.values[old];
      const rows = draft.tables[old];
      // The new id's own content wins; the old one then stays under its id and is listed as kept.
      const target = located.field.kind === 'table' ? draft.tables[id] : draft.values[id];
      const free = target === undefined || (Array.isArray(target) ? target.length === 0 : !isFilled(target as FieldValue));
      let moved = false;
      if (free && value !== undefined) {
        values[id] = value;
        values[old] = null;
        moved = true;
      }
      if (free && rows !== undefined) {
        tables[id] = rows;
        tables[old] = null;
        moved = true;
      }
      fieldsRenamed.push({ from: ref(old, was), to: ref(id, located), moved });
      break;
    }
  }
  const renamedNew = new Set(fieldsRenamed.map((r) => r.to.id));
  const fieldsAdded = [...after].filter(([id]) => !before.has(id) && !renamedNew.has(id)).map(([id, l]) => ref(id, l));
  const fieldsRemoved = [...before].filter(([id]) => !after.has(id) && !renamedOld.has(id)).map(([id, l]) => ref(id, l));
  const fieldsRelabeled = [...after].filter(([id, l]) => before.has(id) && before.get(id)!.field.label !== l.field.label).map(([id, l]) => ({ id, from: before.get(id)!.field.label, to: l.field.label }));

  const patch: DraftPatch = { guideline: { ...g, packVersion: newPack.version } };
  if (Object.keys(values).length > 0) patch.values = values;
  if (Object.keys(tables).length > 0) patch.tables = tables;
  const upgraded: Draft = structuredClone(draft);
  upgraded.guideline = { ...g, packVersion: newPack.version };
  for (const [id, v] of Object.entries(values)) {
    if (v === null) delete upgraded.values[id];
    else upgraded.values[id] = v;
  }
  for (const [id, rows] of Object.entries(tables)) {
    if (rows === null || rows === undefined) delete upgraded.tables[id];
    else upgraded.tables[id] = rows;
  }
  const labels = new Map([...before].map(([id, l]) => [id, l.field.label]));
  // Only what this upgrade leaves without a place: content already orphaned before is not news.
  const keptBefore = new Set(keptContent(draft, before).map((k) => k.id));
  const kept = keptContent(upgraded, after, labels).filter((k) => !keptBefore.has(k.id));
  return { patch, upgraded, report: { packId: newPack.id, fromVersion: g.packVersion, toVersion: newPack.version, fieldsAdded, fieldsRemoved, fieldsRenamed, fieldsRelabeled, kept } };
}

/** `1.10.0` is newer than `1.9.2`: versions compare part by part, as numbers. */
export function isNewerVersion(candidate: string, than: string): boolean {
  const a = candidate.split('.').map(Number);
  const b = than.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return false;
}
