/**
 * Hostile text for the XSS tests of every surface: a guideline pack whose every display string
 * carries markup (built from the real 城关 pack, so it goes through the real import), and a draft of
 * it whose every text field, table cell and rich narrative carries markup too. Only shared/ is
 * imported, so the Playwright spec can use this as well as vitest.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Draft, FieldValue } from '../../../shared/model/draft';
import type { Field, TemplatePatch } from '../../../shared/pack/fields';
import { PackSchema, type Pack } from '../../../shared/pack/pack';
import { resolveProgram } from '../../../shared/pack/resolve';
import type { RichBlock, RichDoc } from '../../../shared/richtext/schema';
import { expandPackSource } from '../../../shared/pack/packSource';

/** Each one, if it ever became markup or a followed link, would set `window.__xss`. */
export const PAYLOADS = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=1</script>',
  '<svg onload="window.__xss=1">',
  'javascript:window.__xss=1',
  '[点此查看](javascript:window.__xss=1)',
] as const;

export const XSS_PACK_ID = 'xss-pack';
export const XSS_PROGRAM_ID = 'tech-innovation';
export const XSS_DRAFT_ID = '3f6c2a1e-7b4d-4c8e-9a21-5d0e8b7c6aff';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const BASE_PACK = path.join(ROOT, 'resources/guidelines/chengguan-2020');
const BASE_DRAFT = path.join(ROOT, 'test/fixtures/packs/chengguan-2020/valid-tech-enterprise.json');

/** Pack keys whose strings the app shows to the applicant; ids, values and references stay as they are. */
const DISPLAY_KEYS = new Set([
  'title', 'issuer', 'region', 'batch', 'documentNumber', 'document', 'name', 'description', 'notAcceptingReason',
  'note', 'path', 'quote', 'reason', 'message', 'text', 'label', 'help', 'placeholder', 'department',
  'columnTitle', 'forms', 'people', 'address',
]);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function rotation(): () => string {
  let next = 0;
  return () => PAYLOADS[next++ % PAYLOADS.length]!;
}

function poison(value: Json, key: string | null, payload: () => string): Json {
  if (typeof value === 'string') return key !== null && DISPLAY_KEYS.has(key) ? `${payload()}${value}` : value;
  if (Array.isArray(value)) return value.map((v) => poison(v, key, payload));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poison(v, k, payload)]));
  }
  return value;
}

/** Where the schema says a poisoned string grew too long, the payload alone takes its place. */
function fitLimits(pack: { [key: string]: Json }, payload: () => string): void {
  const parsed = PackSchema.safeParse(pack);
  if (parsed.success) return;
  for (const issue of parsed.error.issues) {
    if (issue.code !== 'too_big') throw new Error(`恶意指南包不合格式：${issue.path.join('.')}：${issue.message}`);
    let parent: Json = pack;
    for (const step of issue.path.slice(0, -1)) parent = (parent as Record<string, Json>)[step as string]!;
    (parent as Record<string, Json>)[issue.path.at(-1) as string] = payload();
  }
}

/** Every section title, field label, help, option and column of the resolved template, poisoned. */
function templateOverrides(pack: Pack, payload: () => string): TemplatePatch {
  const renameSections: Record<string, string> = {};
  const overrideFields: Record<string, Record<string, unknown>> = { ...(pack.template?.overrideFields ?? {}) };
  for (const program of pack.programs) {
    for (const section of resolveProgram(pack, program.id, program.documentTypes[0]!)!.sections) {
      renameSections[section.id] = `${payload()}${section.title}`;
      for (const field of section.fields) overrideFields[field.id] = { ...overrideFields[field.id], ...fieldOverride(field, payload) };
    }
  }
  return { ...pack.template, renameSections, overrideFields };
}

function fieldOverride(field: Field, payload: () => string): Record<string, unknown> {
  const props: Record<string, unknown> = { label: `${payload()}${field.label}`, help: `${payload()}${field.help ?? ''}` };
  if (field.kind === 'select' || field.kind === 'multiSelect') props.options = field.options.map((o) => ({ ...o, label: `${payload()}${o.label}` }));
  if (field.kind === 'table') {
    props.columns = field.columns.map((c) => ({ ...c, label: `${payload()}${c.label}`, help: `${payload()}${c.help ?? ''}` }));
    if (field.fixedRows) props.fixedRows = field.fixedRows.map((r) => ({ ...r, label: `${payload()}${r.label}` }));
  }
  return props;
}

export interface MaliciousPack {
  pack: Pack;
  packJson: string;
  sourceText: string;
}

/** The 城关 pack as `xss-pack`: every string shown to the applicant starts with a payload. */
export function maliciousPack(): MaliciousPack {
  // Named conditions expanded first, as the loader does, so every condition the payloads reach is a plain one.
  const base = expandPackSource(JSON.parse(readFileSync(path.join(BASE_PACK, 'pack.json'), 'utf8'))).value as { [key: string]: Json };
  const payload = rotation();
  const raw = poison(base, null, payload) as { [key: string]: Json };
  raw.id = XSS_PACK_ID;
  fitLimits(raw, payload);
  const pack = PackSchema.parse(raw);
  pack.template = templateOverrides(pack, payload);
  const checked = PackSchema.parse(pack);
  // Quotes must be verbatim in the source: the poisoned quotes are appended to it.
  const sourceText = `${readFileSync(path.join(BASE_PACK, 'source.txt'), 'utf8')}\n${checked.clauses.map((c) => c.quote).join('\n')}\n`;
  return { pack: checked, packJson: JSON.stringify(checked, null, 2), sourceText };
}

/** A narrative with every rich node kind, each holding payload text. */
export function maliciousRichDoc(): RichDoc {
  const para = (text: string): RichBlock => ({ type: 'paragraph', content: [{ type: 'text', text }] });
  return {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: PAYLOADS[0] }] },
      { type: 'paragraph', content: [{ type: 'text', text: PAYLOADS[1], marks: [{ type: 'bold' }] }, { type: 'hardBreak' }, { type: 'text', text: PAYLOADS[3] }] },
      { type: 'bulletList', content: [{ type: 'listItem', content: [para(PAYLOADS[2])] }] },
      { type: 'orderedList', content: [{ type: 'listItem', content: [para(PAYLOADS[4])] }] },
      { type: 'table', content: [{ type: 'tableRow', content: PAYLOADS.map((p) => ({ type: 'tableCell' as const, content: [para(p)] })) }] },
    ],
  };
}

/** A rich value carrying a TipTap link mark: not in the stored format, so it must never become a link. */
export function linkMarkDoc(): string {
  return JSON.stringify({
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: '点此查看', marks: [{ type: 'link', attrs: { href: 'javascript:window.__xss=1' } }] }] }],
  });
}

const TEXT_KINDS = new Set(['text', 'longText', 'idNumber', 'uscc', 'phone']);

/** Markup in every free-text value, table cell and attachment name of the 城关 example draft. */
export function maliciousDraft(pack: Pack): Draft {
  const draft = JSON.parse(readFileSync(BASE_DRAFT, 'utf8')) as Draft;
  const payload = rotation();
  const values: Record<string, FieldValue> = { ...draft.values };
  const tables: Draft['tables'] = { ...draft.tables };
  for (const section of resolveProgram(pack, XSS_PROGRAM_ID, 'application')!.sections) {
    for (const field of section.fields) {
      if (field.derived) continue;
      if (field.kind === 'text') values[field.id] = payload();
      if (field.kind === 'longText') values[field.id] = field.rich ? JSON.stringify(maliciousRichDoc()) : PAYLOADS.join('\n');
      if (field.kind === 'table') {
        const rows = tables[field.id]?.length ? tables[field.id]! : [{}];
        tables[field.id] = rows.map((row) => ({
          ...row,
          ...Object.fromEntries(field.columns.filter((c) => TEXT_KINDS.has(c.kind)).map((c) => [c.id, payload()])),
        }));
      }
    }
  }
  const attachments = Object.fromEntries(
    Object.entries(draft.attachments).map(([slot, refs]) => [slot, refs.map((ref) => ({ ...ref, name: `${payload()}${ref.name.slice(ref.name.lastIndexOf('.'))}` }))]),
  );
  return { ...draft, id: XSS_DRAFT_ID, guideline: { ...draft.guideline!, packId: XSS_PACK_ID }, values, tables, attachments };
}

/** The payloads a text must show literally (markup shown as text, never interpreted). */
export function missingPayloads(text: string): string[] {
  const squash = (s: string): string => s.replace(/\s+/g, '');
  const flat = squash(text);
  return PAYLOADS.filter((p) => !flat.includes(squash(p)));
}

/** Every string inside a JSON value, rich narratives unpacked to their text. */
export function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return value.startsWith('{') ? [value, ...stringsOf(safeParse(value))] : [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
  return [];
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
