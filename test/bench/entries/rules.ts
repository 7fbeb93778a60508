import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPackDir } from '../../../electron/services/packs/loadPack';
import { DraftSchema, type Draft, type FieldValue } from '../../../shared/model/draft';
import type { Pack } from '../../../shared/pack/pack';
import { resolveProgram } from '../../../shared/pack/resolve';
import type { Rule } from '../../../shared/pack/rules';
import { createRuleEngine, type RuleEngine } from '../../../shared/rules/engine';
import type { RuleResult } from '../../../shared/rules/types';
import { plainTextToRichDoc, serializeRichDoc } from '../../../shared/richtext/parse';
import { registerBench } from '../registry';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const TODAY = '2020-03-01';

const NARRATIVE = ['narrative.basis', 'narrative.content', 'narrative.innovation', 'narrative.goals', 'narrative.foundation'];

/**
 * The 城关 technology-innovation example (the pack with the most rules), grown to the size the
 * issue names: 60 members and 20,000 characters of narrative spread over the narrative fields.
 * The seed packs state no 字数 limits for narratives, so the bench adds a textLength rule per
 * narrative field (and the summary): the worst case, every character counted on each full run.
 */
function largeDraft(): { engine: RuleEngine; draft: Draft } {
  const seed = loadPackDir(path.join(ROOT, 'resources/guidelines/chengguan-2020')).pack;
  const draft = DraftSchema.parse(JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/packs/chengguan-2020/valid-tech-enterprise.json'), 'utf8')));
  const programId = draft.guideline!.programId;
  const clause = seed.clauses[0]!.id;
  const limits: Rule[] = [...NARRATIVE, 'project.summary'].map((field) => ({ id: `bench.len.${field}`, kind: 'textLength', field, max: 15_000, severity: 'warning', message: '字数超出限制', clause }));
  const pack: Pack = { ...seed, programs: seed.programs.map((p) => (p.id === programId ? { ...p, rules: [...p.rules, ...limits] } : p)) };
  const resolved = resolveProgram(pack, programId, draft.guideline!.documentType)!;
  const template = draft.tables['members']?.[0] ?? { name: '成员' };
  const members = Array.from({ length: 60 }, (_, i) => ({ ...template, name: `成员${i + 1}` }));
  const sentence = '本项目研发基于物联网的城市运行监测平台，集成多源传感数据与边缘计算节点，实现实时预警。';
  const per = Math.ceil(20_000 / NARRATIVE.length / sentence.length);
  const values: Record<string, FieldValue> = { ...draft.values };
  // Narratives are stored as the rich editor stores them: ProseMirror JSON, one paragraph per sentence.
  for (const id of NARRATIVE) values[id] = serializeRichDoc(plainTextToRichDoc(Array.from({ length: per }, () => sentence).join('\n')));
  return { engine: createRuleEngine(resolved), draft: { ...draft, values, tables: { ...draft.tables, members } } };
}

/** The baseline: visit every id the rules read (each character of texts, table cells, slots, declarations) and nothing else. */
function readAll(engine: RuleEngine, draft: Draft, ids: readonly string[]): number {
  let sink = 0;
  for (const id of ids) {
    const v = draft.values[id];
    // Reading a text means visiting its characters, as any check of it must.
    if (typeof v === 'string') for (let i = 0; i < v.length; i++) sink += v.charCodeAt(i) & 1;
    for (const row of draft.tables[id] ?? []) for (const cell of Object.values(row)) sink += cell === null ? 0 : 1;
    sink += draft.attachments[id]?.length ?? 0;
    sink += draft.declarations[id] ? 1 : 0;
  }
  return sink + engine.rules.length;
}

/** The stored JSON after typing one more character at the end of the last paragraph. */
function typed(json: string, counter: number): string {
  return json.replace(/"}]}]}$/, `${counter % 10}"}]}]}`);
}

const allReads = (engine: RuleEngine): string[] => [...new Set(engine.rules.flatMap((r) => engine.readsOf(r)))];

registerBench({
  name: 'rules: full validation (target ≤ 5 ms)',
  // Full evaluation counts 字数 of 20,000 characters (shared/text/wordCount, ~0.1 µs a character,
  // most of the time) and checks 60 rows; the baseline only visits the same data. The absolute
  // target is the one that matters (5 ms); the ratio budget of 50× the bare read is for trend.
  targetRatio: 50,
  iterations: 50,
  setup() {
    const { engine, draft } = largeDraft();
    const ids = allReads(engine);
    let sink = 0;
    return {
      subject() {
        sink += engine.evaluate(draft, { today: TODAY }).length;
      },
      baseline() {
        sink += readAll(engine, draft, ids);
      },
      teardown() {
        if (sink < 0) console.log(sink);
      },
    };
  },
});

registerBench({
  name: 'rules: incremental, keystroke in a narrative (≤ 1 ms)',
  // One keystroke in 研究内容 (4,000 characters of rich JSON): only the rules reading that field run
  // again, but they must re-read the edited document (RichDocSchema parse + 字数 of its text).
  targetRatio: 50,
  iterations: 200,
  setup() {
    const { engine, draft } = largeDraft();
    const ids = ['narrative.content'];
    let previous: RuleResult[] = engine.evaluate(draft, { today: TODAY });
    let counter = 0;
    let sink = 0;
    const base = String(draft.values['narrative.content'] ?? '');
    return {
      subject() {
        counter++;
        const edited: Draft = { ...draft, values: { ...draft.values, 'narrative.content': typed(base, counter) } };
        previous = engine.evaluateChanged(edited, { today: TODAY }, ids, previous);
        sink += previous.length;
      },
      baseline() {
        counter++;
        const edited: Draft = { ...draft, values: { ...draft.values, 'narrative.content': typed(base, counter) } };
        sink += readAll(engine, edited, ids);
      },
      teardown() {
        if (sink < 0) console.log(sink);
      },
    };
  },
});

registerBench({
  name: 'rules: incremental, edit of the PI ID number (≤ 1 ms)',
  // A short field read by several rules (format, age at the window close, born after, cross-draft).
  // The baseline reads one short string (~1 µs), so the ratio is large by construction; the
  // absolute budget (1 ms) is the target that matters here.
  targetRatio: 1000,
  iterations: 400,
  setup() {
    const { engine, draft } = largeDraft();
    const ids = ['pi.idNumber'];
    const original = String(draft.values['pi.idNumber'] ?? '');
    let previous: RuleResult[] = engine.evaluate(draft, { today: TODAY });
    let counter = 0;
    let sink = 0;
    const edit = (): Draft => {
      counter++;
      // Alternate between the valid number and one with a wrong check character.
      const value = counter % 2 === 0 ? original : `${original.slice(0, 17)}${original.endsWith('0') ? '1' : '0'}`;
      return { ...draft, values: { ...draft.values, 'pi.idNumber': value } };
    };
    return {
      subject() {
        previous = engine.evaluateChanged(edit(), { today: TODAY }, ids, previous);
        sink += previous.length;
      },
      baseline() {
        sink += readAll(engine, edit(), ids);
      },
      teardown() {
        if (sink < 0) console.log(sink);
      },
    };
  },
});
