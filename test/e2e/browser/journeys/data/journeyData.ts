import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DraftSchema, type Draft, type FieldValue } from '../../../../../shared/model/draft';
import type { Field } from '../../../../../shared/pack/fields';
import { PackSchema, type Direction, type Pack } from '../../../../../shared/pack/pack';
import { expandPackSource } from '../../../../../shared/pack/packSource';
import { resolveProgram, type ResolvedSection } from '../../../../../shared/pack/resolve';
import { validateDraft } from '../../../../../shared/rules/engine';
import type { RuleResult } from '../../../../../shared/rules/types';

const ROOT = path.resolve(import.meta.dirname, '../../../../..');

interface FixtureMutation {
  name: string;
  draft: string;
  set: { values?: Record<string, FieldValue> };
  expect: { rule: string; severity: string }[];
}

/** A mistake the journey makes on purpose, with the issue the engine says it must produce. */
export interface Mistake {
  /** The fixture mutation's name, e.g. 「项目实施周期37个月（2020-04至2023-04），超过三年」. */
  name: string;
  /** The values typed wrongly; derived values (birth date from the ID) follow by themselves. */
  wrong: Record<string, FieldValue>;
  /** The values of the valid fixture that fix it. */
  right: Record<string, FieldValue>;
  /** The issue as the engine reports it for the wrong draft: message and citation shown in the issues panel. */
  issue: RuleResult;
}

export interface SectionPlan {
  id: string;
  title: string;
  /** Fields to type, in pack order, with the fixture's values; derived fields are left to the app. */
  fields: { field: Field; value: FieldValue }[];
  tables: { field: Extract<Field, { kind: 'table' }>; rows: Draft['tables'][string] }[];
}

export interface Journey {
  /** File names of test-results/screenshots/<call>-*.png */
  call: string;
  pack: Pack;
  programName: string;
  /** Names from the root of the directions tree to the chosen node. */
  directionNames: string[];
  documentType: Draft['guideline'] extends infer G ? (G extends { documentType: infer D } ? D : never) : never;
  /** The valid fixture draft: what the journey must end with, field by field. */
  fixture: Draft;
  sections: SectionPlan[];
  declarationIds: string[];
  attachmentSlots: { id: string; name: string }[];
  mistakes: Mistake[];
  /** The engine's date: the fixtures are valid as of their pack's application window. */
  today: string;
}

function readJson(relative: string): unknown {
  return JSON.parse(readFileSync(path.join(ROOT, relative), 'utf8'));
}

function directionNames(tree: Direction[], ids: string[]): string[] {
  const names: string[] = [];
  let level: Direction[] | undefined = tree;
  for (const id of ids) {
    const node: Direction | undefined = level?.find((d) => d.id === id);
    if (!node) throw new Error(`方向 ${id} 不在方向树中`);
    names.push(node.name);
    level = node.children;
  }
  return names;
}

function sectionPlan(section: ResolvedSection, draft: Draft): SectionPlan {
  const fields: SectionPlan['fields'] = [];
  const tables: SectionPlan['tables'] = [];
  for (const field of section.fields) {
    if (field.derived) continue;
    if (field.kind === 'table') {
      const rows = draft.tables[field.id];
      if (rows && rows.length > 0) tables.push({ field, rows });
      continue;
    }
    const value = Object.hasOwn(draft.values, field.id) ? draft.values[field.id] : undefined;
    if (value !== undefined && value !== null) fields.push({ field, value });
  }
  return { id: section.id, title: section.title, fields, tables };
}

/**
 * One call's journey, derived from its valid fixture draft and the named fixture mutations: the
 * expected issues are what the real engine reports for the mutated draft, not strings copied here.
 */
export function loadJourney(call: string, packId: string, fixtureFile: string, mistakeNames: string[]): Journey {
  const pack = PackSchema.parse(expandPackSource(readJson(`resources/guidelines/${packId}/pack.json`)).value);
  const fixture = DraftSchema.parse(readJson(`test/fixtures/packs/${packId}/${fixtureFile}`));
  const fixtures = readJson(`test/fixtures/packs/${packId}/fixtures.json`) as { at: string; mutations: FixtureMutation[] };
  const guideline = fixture.guideline!;
  const resolved = resolveProgram(pack, guideline.programId, guideline.documentType);
  if (!resolved) throw new Error(`${packId} 中没有专项 ${guideline.programId}`);
  const mistakes = mistakeNames.map((name): Mistake => {
    const m = fixtures.mutations.find((x) => x.name === name && x.draft === fixtureFile);
    if (!m?.set.values) throw new Error(`${packId}/${fixtureFile} 没有名为「${name}」的取值变更`);
    const wrong = m.set.values;
    const right = Object.fromEntries(Object.keys(wrong).map((k) => [k, fixture.values[k] ?? null]));
    const results = validateDraft(pack, { ...fixture, values: { ...fixture.values, ...wrong } }, { today: fixtures.at }) ?? [];
    const ruleId = m.expect[0]!.rule;
    const issue = results.find((r) => r.ruleId === ruleId && r.outcome === 'fail');
    if (!issue) throw new Error(`「${name}」没有让规则 ${ruleId} 报错`);
    return { name, wrong, right, issue };
  });
  return {
    call,
    pack,
    programName: resolved.program.name,
    directionNames: directionNames(resolved.program.directions, guideline.directionPath),
    documentType: guideline.documentType,
    fixture,
    sections: resolved.sections.map((s) => sectionPlan(s, fixture)).filter((s) => s.fields.length + s.tables.length > 0),
    declarationIds: resolved.declarations.map((d) => d.id).filter((id) => fixture.declarations[id] === true),
    attachmentSlots: resolved.checklist.filter((a) => (fixture.attachments[a.id]?.length ?? 0) > 0).map((a) => ({ id: a.id, name: a.name })),
    mistakes,
    today: fixtures.at,
  };
}
