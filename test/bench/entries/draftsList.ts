import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openServices } from '../../../electron/services/index';
import { registerBench } from '../registry';
import { fullDraftPatch, keystrokePatch } from '../realisticDraft';

const DRAFTS = 200;
const GUIDELINE = { packId: 'chengguan-2020', packVersion: '1.0.0', programId: 'tech-innovation', directionPath: [] as string[], documentType: 'application' as const };

/** 200 full-size 城关区 drafts in one store: what the home page lists. */
function fixture() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shenbao-bench-list-'));
  const services = openServices({ dataDir: path.join(dir, 'data'), mode: 'test' });
  const ids: string[] = [];
  for (let i = 0; i < DRAFTS; i++) {
    const { draft } = services.drafts.create({ guideline: GUIDELINE });
    services.drafts.save({ id: draft.id, baseRevision: 1, patch: fullDraftPatch() });
    ids.push(draft.id);
  }
  const revisions = new Map(ids.map((id) => [id, 2]));
  let counter = 0;
  /** One draft changes between two home-page visits, as after an editing session. */
  const touchOne = () => {
    counter++;
    const id = ids[counter % ids.length] ?? '';
    const result = services.drafts.save({ id, baseRevision: revisions.get(id) ?? 0, patch: keystrokePatch(counter) });
    revisions.set(id, result.revision);
  };
  return { services, ids, touchOne, close: () => (services.close(), rmSync(dir, { recursive: true, force: true })) };
}

registerBench({
  name: 'draftsList with progress, 200 drafts, one changed (engine over every draft) vs list + reading every draft',
  // The subject validates all 200 drafts through the engine (cross-draft rules see the whole store)
  // and computes section progress; the baseline is the least the home page must do: list and load
  // every draft. Budget: 4× that floor.
  targetRatio: 4,
  iterations: 3,
  repetitions: 5,
  setup() {
    const f = fixture();
    let sink = 0;
    return {
      subject: async () => {
        f.touchOne();
        sink += (await f.services.handlers.draftsList({})).length;
      },
      baseline: () => {
        f.touchOne();
        const list = f.services.drafts.list({});
        for (const s of list) sink += f.services.drafts.get(s.id).revision;
      },
      teardown: () => {
        if (sink < 0) console.log(sink);
        f.close();
      },
    };
  },
});

registerBench({
  name: 'draftsList with progress, 200 drafts, nothing changed (cached) vs plain list',
  // Coming back to the home page without edits must cost about what the plain list costs.
  targetRatio: 1.5,
  iterations: 20,
  setup() {
    const f = fixture();
    let sink = 0;
    return {
      subject: async () => {
        sink += (await f.services.handlers.draftsList({})).length;
      },
      baseline: () => {
        sink += f.services.drafts.list({}).length;
      },
      teardown: () => {
        if (sink < 0) console.log(sink);
        f.close();
      },
    };
  },
});
