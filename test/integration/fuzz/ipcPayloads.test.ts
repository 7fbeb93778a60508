import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServices, type Services } from '../../../electron/services/index';
import { METHODS } from '../../../shared/ipc/channels';
import { dispatch } from '../../../shared/ipc/dispatch';
import { ERROR_CODES } from '../../../shared/ipc/errors';
import { dumpDatabase, makeTempDir } from '../../support/tempStore';

const CJK = /[\u4e00-\u9fff]/;
const ID = '00000000-0000-4000-8000-000000000000';

/** Payloads near the real shapes: the keys the contract uses, with hostile values. */
const nearShape = fc.dictionary(
  fc.constantFrom('id', 'trash', 'title', 'guideline', 'baseRevision', 'patch', 'content', 'at', 'version', 'packJson', 'sourceText', 'name', 'keepCount', '__proto__', 'constructor'),
  fc.oneof(fc.jsonValue(), fc.constant(ID), fc.constant('<img src=x onerror=alert(1)>'), fc.constant('../../etc/passwd'), fc.integer()),
  { maxKeys: 4 },
);

describe('every IPC method under random payloads', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let services: Services;
  beforeAll(() => {
    temp = makeTempDir();
    services = openServices({ dataDir: temp.dir, mode: 'test' });
  });
  afterAll(() => {
    services.close();
    temp.cleanup();
  });

  it('never throws and always answers an envelope; failures carry a known code and a Chinese message', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...METHODS), fc.oneof(fc.anything(), nearShape), async (method, payload) => {
        // Mutating methods are exercised too: the store must stay consistent whatever they answer.
        const envelope = await dispatch(services.handlers, method, payload);
        if (envelope.ok) return;
        expect(ERROR_CODES).toContain(envelope.error.code);
        expect(envelope.error.message).toMatch(CJK);
        expect(envelope.error.message).not.toMatch(/\n\s+at /);
      }),
      { numRuns: 600 },
    );
  });

  it('a payload that is not an object (absent counts as {}) is refused and changes nothing', async () => {
    const before = dumpDatabase(services.db);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...METHODS), fc.anything().filter((v) => v !== undefined && v !== null && (typeof v !== 'object' || Array.isArray(v))), async (method, payload) => {
        const envelope = await dispatch(services.handlers, method, payload);
        expect(envelope).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      }),
      { numRuns: 300 },
    );
    expect(dumpDatabase(services.db)).toEqual(before);
  });
});
