import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openServices, type Services } from '../../../electron/services/index';
import { createDraftHandlers } from '../../../electron/services/drafts/draftHandlers';
import { createStoreValidation } from '../../../electron/services/drafts/storeValidation';
import { createGuidelineHandlers } from '../../../electron/services/packs/guidelineHandlers';
import { openPackRegistry, type PackRegistry } from '../../../electron/services/packs/registry';
import { DraftValidationSchema } from '../../../shared/rules/resultSchema';

const FIXTURES = path.resolve(__dirname, '../../fixtures/packs/karamay-2017');

describe('guideline and validation handlers over the local store', () => {
  let dir: string;
  let services: Services;
  let packs: PackRegistry;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'shenbao-packhandlers-'));
    packs = openPackRegistry({ dataDir: dir });
    services = openServices({ dataDir: dir, mode: 'test', packs });
  });
  afterEach(() => {
    services.close();
    rmSync(dir, { recursive: true, force: true });
  });

  // The fixtures' attachment hashes are placeholders whose bytes no store holds (every validation of a
  // stored draft checks the files), so the drafts come in without them; the cross-draft rules are the point here.
  const importFixture = (file: string) => services.drafts.import(JSON.stringify({ ...JSON.parse(readFileSync(path.join(FIXTURES, file), 'utf8')), attachments: {} }));

  it('validates a stored draft, counting the other drafts of this store for cross-draft rules', () => {
    const validation = createStoreValidation({ packs, drafts: services.drafts, attachments: services.attachments });
    const handlers = createDraftHandlers({ drafts: services.drafts, packs, attachments: services.attachments, validation });
    const major = importFixture('valid-major.json');
    const talent = importFixture('valid-talent.json');
    const clean = DraftValidationSchema.parse(handlers.draftsValidate({ id: major.draft.id, at: '2017-06-01' }));
    expect(clean.summary.errors).toBe(0);
    expect(clean.at).toBe('2017-06-01');

    // Same PI in both drafts: the one-project-per-year rule fails, saying it counted local drafts only.
    const pi = major.draft.values['pi.idNumber'];
    services.drafts.save({ id: talent.draft.id, baseRevision: talent.revision, patch: { values: { 'pi.idNumber': pi ?? null, 'pi.birthDate': major.draft.values['pi.birthDate'] ?? null, 'pi.sex': major.draft.values['pi.sex'] ?? null } } });
    const crossed = handlers.draftsValidate({ id: major.draft.id, at: '2017-06-01' });
    const rule = crossed.results.find((r) => r.ruleId === 'km.one-project-per-year');
    expect(rule?.outcome).toBe('fail');
    expect(rule?.message).toContain('仅统计本机草稿');

    // A deleted draft no longer counts.
    services.drafts.delete(talent.draft.id);
    expect(handlers.draftsValidate({ id: major.draft.id, at: '2017-06-01' }).results.find((r) => r.ruleId === 'km.one-project-per-year')?.outcome).toBe('pass');
  });

  it('lists, gets and imports guidelines', () => {
    const handlers = createGuidelineHandlers(packs);
    expect(handlers.guidelinesList().map((g) => g.id)).toContain('karamay-2017');
    expect((handlers.guidelinesGet({ id: 'karamay-2017' }) as { id: string }).id).toBe('karamay-2017');
    expect(() => handlers.guidelinesGet({ id: 'karamay-2017', version: '9.9.9' })).toThrow(/9\.9\.9/);
    const source = readFileSync(path.resolve(__dirname, '../../../resources/guidelines/karamay-2017/source.txt'), 'utf8');
    const pack = JSON.parse(readFileSync(path.resolve(__dirname, '../../../resources/guidelines/karamay-2017/pack.json'), 'utf8'));
    const imported = handlers.guidelinesImport({ packJson: JSON.stringify({ ...pack, version: '1.1.0' }), sourceText: source });
    expect(imported).toMatchObject({ id: 'karamay-2017', version: '1.1.0', origin: 'imported' });
    expect(handlers.guidelinesList().find((g) => g.id === 'karamay-2017')?.versions).toEqual(['1.1.0', '1.0.0']);
    expect(() => handlers.guidelinesImport({ packJson: '{"__proto__":{}}', sourceText: '' })).toThrow(/__proto__/);
  });
});
