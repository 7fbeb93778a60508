import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServices, type Services } from '../../../electron/services/index';
import { dispatch } from '../../../shared/ipc/dispatch';
import { FORBIDDEN_KEYS } from '../../../shared/model/forbiddenKeys';
import { dumpDatabase, makeTempDir } from '../../support/tempStore';

let temp: ReturnType<typeof makeTempDir>;
let services: Services;
let id: string;

beforeAll(() => {
  temp = makeTempDir('shenbao-keys-');
  services = openServices({ dataDir: temp.dir, mode: 'test' });
  id = services.drafts.create({ title: '键名测试' }).draft.id;
});
afterAll(() => {
  services.close();
  temp.cleanup();
});

const ATTACHMENT = { sha256: 'a'.repeat(64), name: '营业执照.pdf', size: 1, mediaType: 'application/pdf', addedAt: '2026-01-01T00:00:00.000Z' };

/** Every place a save puts a key: the four records, a table row, and a dotted id whose part is forbidden. */
function patchesWith(key: string): Record<string, unknown>[] {
  return [
    { values: { [key]: 'x' } },
    { values: { [`project.${key}`]: 'x' } },
    { tables: { [key]: [] } },
    { tables: { 'members.list': [{ [key]: 'x' }] } },
    { declarations: { [key]: true } },
    { attachments: { [key]: [ATTACHMENT] } },
  ];
}

/** JSON.parse makes `__proto__` an own key, as it arrives over HTTP or IPC (an object literal would set the prototype instead). */
const parsed = (patch: Record<string, unknown>) => JSON.parse(JSON.stringify(patch).replace(/__proto_x__/g, '__proto__')) as Record<string, unknown>;

describe('one list of forbidden keys for save, import, profiles and packs', () => {
  it.each(FORBIDDEN_KEYS)('the save API refuses the key %s anywhere in a patch, in Chinese, and stores nothing', async (key) => {
    const before = dumpDatabase(services.db);
    const wire = key === '__proto__' ? '__proto_x__' : key;
    for (const patch of patchesWith(wire)) {
      const envelope = await dispatch(services.handlers, 'draftsSave', { id, baseRevision: 1, patch: parsed(patch) });
      expect(envelope.ok, JSON.stringify(patch)).toBe(false);
      if (envelope.ok) continue;
      expect(envelope.error.code).toBe('invalid_input');
      expect(envelope.error.message).toContain(`不能使用「${key}」作为标识`);
    }
    expect(dumpDatabase(services.db)).toEqual(before);
  });

  it('an ordinary id that merely contains a forbidden word is accepted (project.constructorName)', async () => {
    const envelope = await dispatch(services.handlers, 'draftsSave', { id, baseRevision: 1, patch: { values: { 'project.constructorName': '施工单位' } } });
    expect(envelope.ok).toBe(true);
  });

  it('import refuses a draft file with such a key, naming it', async () => {
    const file = JSON.parse((await services.handlers.draftsExport({ id })).content) as { values: Record<string, unknown> };
    file.values['toString'] = 'x';
    const envelope = await dispatch(services.handlers, 'draftsImport', { content: JSON.stringify(file) });
    expect(envelope).toMatchObject({ ok: false, error: { code: 'corrupt_file' } });
    expect(!envelope.ok && envelope.error.message).toContain('toString');
  });

  it('a guideline pack refuses it in a field id, in Chinese, and installs nothing', async () => {
    const root = path.resolve(import.meta.dirname, '../../..');
    const pack = JSON.parse(readFileSync(path.join(root, 'resources/guidelines/chengguan-2020/pack.json'), 'utf8')) as { version: string; programs: { rules: Record<string, unknown>[] }[] };
    const sourceText = readFileSync(path.join(root, 'resources/guidelines/chengguan-2020/source.txt'), 'utf8');
    pack.version = '9.9.9';
    pack.programs[0]!.rules.push({ id: 'x.required', kind: 'required', field: 'project.constructor', severity: 'error', clause: 'guide.tech', message: '必填' });
    const before = (await services.handlers.guidelinesList({})).length;
    const envelope = await dispatch(services.handlers, 'guidelinesImport', { packJson: JSON.stringify(pack), sourceText });
    expect(envelope.ok).toBe(false);
    expect(!envelope.ok && envelope.error.message).toContain('不能使用「constructor」作为标识');
    expect((await services.handlers.guidelinesList({})).length).toBe(before);
  });

  it('profiles refuse it too', async () => {
    const envelope = await dispatch(services.handlers, 'profilesSave', { kind: 'unit', name: '单位', values: { constructor: 'x' } });
    expect(envelope.ok).toBe(false);
    expect(!envelope.ok && envelope.error.message).toContain('不能使用「constructor」作为标识');
  });
});
