import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServices, type Services } from '../../../electron/services/index';
import { dispatch } from '../../../shared/ipc/dispatch';
import type { Draft } from '../../../shared/model/draft';
import { LIMITS } from '../../../shared/model/limits';
import { makeTempDir } from '../../support/tempStore';

const CJK = /[\u4e00-\u9fff]/;

/** Ids near the rules: common ones, forbidden ones and their dotted forms, odd characters, too long. */
const fieldId = fc.oneof(
  { arbitrary: fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,8}(\.[A-Za-z0-9_]{1,6}){0,2}$/), weight: 12 },
  fc.constantFrom('project.name', 'pi.name', 'members', 'a', 'constructor', 'project.constructor', 'toString', '__proto__', 'a.__proto__', 'valueOf', 'x'.repeat(121), '项目', 'a..b', '1a'),
  fc.string({ maxLength: 12 }),
);
const text = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 20 }), fc.constantFrom('\ud800', 'a\udfffb', '"\\\u0000', '<img src=x onerror=alert(1)>'));
const value = fc.oneof(text, fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(text, { maxLength: 4 }));
const record = <T>(v: fc.Arbitrary<T>) => fc.dictionary(fieldId, v, { maxKeys: 3 });
const attachment = fc.record({
  sha256: fc.oneof({ arbitrary: fc.constant('a'.repeat(64)), weight: 9 }, fc.string({ maxLength: 64 })),
  name: text,
  size: fc.oneof({ arbitrary: fc.nat(), weight: 9 }, fc.integer()),
  mediaType: fc.constantFrom('application/pdf', ''),
  addedAt: fc.oneof({ arbitrary: fc.constant('2026-01-01T00:00:00.000Z'), weight: 9 }, fc.constant('yesterday')),
});
const patch = fc.record(
  {
    values: record(value),
    tables: record(fc.oneof(fc.constant(null), fc.array(record(value), { maxLength: 3 }))),
    declarations: record(fc.oneof(fc.boolean(), fc.constant(null))),
    attachments: record(fc.oneof(fc.constant(null), fc.array(attachment, { maxLength: 2 }))),
    planTasks: fc.array(text, { maxLength: 3 }),
  },
  { requiredKeys: [] },
);

/** The same JSON text is the same draft for the file's purposes (-0 is written as 0). */
const asFile = (draft: Draft) => JSON.stringify({ ...draft, id: '' });

let temp: ReturnType<typeof makeTempDir>;
let services: Services;
beforeAll(() => {
  temp = makeTempDir('shenbao-roundtrip-');
  services = openServices({ dataDir: temp.dir, mode: 'test' });
});
afterAll(() => {
  services.close();
  temp.cleanup();
});

async function exportAndReimport(id: string): Promise<{ saved: Draft; imported: Draft }> {
  const saved = (await services.handlers.draftsGet({ id })).draft;
  const exported = await dispatch(services.handlers, 'draftsExport', { id });
  if (!exported.ok) throw new Error(exported.error.message);
  const content = (exported.data as { content: string }).content;
  const imported = await dispatch(services.handlers, 'draftsImport', { content });
  if (!imported.ok) throw new Error(`导出的文件无法再导入：${imported.error.message}`);
  return { saved, imported: (imported.data as { draft: Draft }).draft };
}

describe('whatever the save API accepts exports to a file that imports again', () => {
  it('random patches: accepted ones round-trip unchanged, refused ones are refused in Chinese', async () => {
    let accepted = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(patch, async (p) => {
        const id = (await services.handlers.draftsCreate({ title: '往返测试' })).draft.id;
        const saved = await dispatch(services.handlers, 'draftsSave', { id, baseRevision: 1, patch: JSON.parse(JSON.stringify(p)) });
        if (!saved.ok) {
          refused++;
          expect(saved.error.message).toMatch(CJK);
          return;
        }
        accepted++;
        const round = await exportAndReimport(id);
        expect(asFile(round.imported)).toBe(asFile(round.saved));
      }),
      { numRuns: 200 },
    );
    console.log(`导出再导入：接受并往返 ${accepted} 次，拒绝 ${refused} 次`);
    expect(accepted).toBeGreaterThan(20);
    expect(refused).toBeGreaterThan(20);
  }, 120_000);

  it('a draft at the size limit exports (compact when the indented form would not fit) and imports; one more character is refused in Chinese', async () => {
    const id = (await services.handlers.draftsCreate({ title: '大草稿' })).draft.id;
    const chunk = 'x'.repeat(LIMITS.textLength);
    const values: Record<string, string> = {};
    const count = Math.floor(LIMITS.draftFileBytes / LIMITS.textLength);
    for (let i = 0; i < count; i++) values[`big.v${i}`] = chunk;
    let revision = (await services.handlers.draftsSave({ id, baseRevision: 1, patch: { values } })).revision;
    const size = Buffer.byteLength(JSON.stringify((await services.handlers.draftsGet({ id })).draft), 'utf8');
    // One more value that brings the stored form to 10 bytes under the limit (its key and quotes take 20 bytes).
    const fill = LIMITS.draftFileBytes - 10 - size - '"big.fill":"",'.length;
    expect(fill).toBeGreaterThan(0);
    expect(fill).toBeLessThanOrEqual(LIMITS.textLength);
    revision = (await services.handlers.draftsSave({ id, baseRevision: revision, patch: { values: { 'big.fill': 'y'.repeat(fill) } } })).revision;

    const exported = await services.handlers.draftsExport({ id });
    expect(Buffer.byteLength(exported.content, 'utf8')).toBeLessThanOrEqual(LIMITS.draftFileBytes);
    const round = await exportAndReimport(id);
    expect(asFile(round.imported)).toBe(asFile(round.saved));

    const over = await dispatch(services.handlers, 'draftsSave', { id, baseRevision: revision, patch: { values: { 'big.fill': 'y'.repeat(fill + 20) } } });
    expect(over.ok).toBe(false);
    expect(!over.ok && over.error.message).toMatch(/草稿内容过大，超出 20\.0 MB 的上限 10 字节，本次未保存/);
    expect((await services.handlers.draftsGet({ id })).revision).toBe(revision);
  }, 120_000);
});
