import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openServices, type Services } from '../../../electron/services/index';
import { registerBench } from '../registry';
import { fullDraftPatch, keystrokePatch } from '../realisticDraft';

const GUIDELINE = { packId: 'chengguan-2020', packVersion: '1.0.0', programId: 'tech-innovation', directionPath: [] as string[], documentType: 'application' as const };
const MB = 1024 * 1024;

/**
 * A store of `count` full-size drafts with `revisionBytesPerDraft` of stored revisions each. The
 * drafts are made through the service; the older revisions are copies of each draft's document
 * inserted directly (what months of saving leaves behind), which is what makes a big store big.
 */
function store(
  count: number,
  revisionBytesPerDraft: number,
): { services: Services; ids: string[]; revisionMb: number; firstListAfterStart(): Promise<{ open: number; list: number }>; close(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), `shenbao-bench-scale-${count}-`));
  const services = openServices({ dataDir: path.join(dir, 'data'), mode: 'test' });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const { draft } = services.drafts.create({ guideline: GUIDELINE });
    const patch = fullDraftPatch();
    services.drafts.save({ id: draft.id, baseRevision: 1, patch: { ...patch, values: { ...patch.values, 'project.name': `规模测试项目 ${i + 1}` } } });
    ids.push(draft.id);
  }
  const doc = services.db.prepare<{ id: string }, { doc: string }>('SELECT doc FROM drafts WHERE id = @id');
  const stored = services.db.prepare<{ id: string }, { bytes: number }>('SELECT sum(size) AS bytes FROM revisions WHERE draft_id = @id');
  const insert = services.db.prepare('INSERT INTO revisions (draft_id, revision, saved_at, doc, size) VALUES (?, ?, ?, ?, ?)');
  services.db.transaction(() => {
    for (const id of ids) {
      const text = doc.get({ id })?.doc ?? '{}';
      // Up to the stated size per draft (what the service stored counts): 2,000 × 250 KiB ≈ 500 MB in all.
      const extra = Math.max(0, Math.ceil((revisionBytesPerDraft - (stored.get({ id })?.bytes ?? 0)) / Buffer.byteLength(text)));
      // Daily keepers of the last weeks: negative revision numbers would break the CHECK, so they go above.
      for (let r = 0; r < extra; r++) insert.run(id, 1000 + r, new Date(Date.now() - (r + 1) * 86_400_000).toISOString(), text, Buffer.byteLength(text));
    }
  })();
  const revisionMb = (services.db.prepare<[], { bytes: number }>('SELECT sum(size) AS bytes FROM revisions').get()?.bytes ?? 0) / MB;
  // The session that made the drafts ends on the home page, as the applicant's sessions do: what it
  // lists then is what the next start finds stored.
  void services.handlers.draftsPage(HOME_PAGE);
  let current = services;
  return {
    get services() {
      return current;
    },
    ids,
    revisionMb,
    /**
     * The app started again on this store (its services opened: the store's startup check, packs not
     * yet read), then its first list: the home page the applicant waits for.
     */
    async firstListAfterStart() {
      current.close();
      let start = performance.now();
      current = openServices({ dataDir: path.join(dir, 'data'), mode: 'test' });
      const open = performance.now() - start;
      start = performance.now();
      await current.handlers.draftsPage(HOME_PAGE);
      return { open, list: performance.now() - start };
    },
    close() {
      current.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** What the home page asks for: one page of the list with progress, 50 rows, as the page shows it. */
const HOME_PAGE = { page: 1, pageSize: 50 };

interface Figures {
  /** Opening the services at a start (not in the ratio: the store's startup check). */
  start: number[];
  first: number[];
  list: number[];
  open: number[];
}

/**
 * A start of the app on the store and its first list, then the home page (its first page, then a
 * search word typed into it, as the page does) and opening one draft.
 */
async function startHomeAndOpen(s: ReturnType<typeof store>, n: number, figures: Figures): Promise<number> {
  const first = await s.firstListAfterStart();
  figures.start.push(first.open);
  figures.first.push(first.list);
  let start = performance.now();
  const home = await s.services.handlers.draftsPage(HOME_PAGE);
  const found = await s.services.handlers.draftsPage({ ...HOME_PAGE, query: `项目 ${(n % s.ids.length) + 1}` });
  figures.list.push(performance.now() - start);
  start = performance.now();
  const opened = await s.services.handlers.draftsGet({ id: s.ids[n % s.ids.length]! });
  figures.open.push(performance.now() - start);
  return home.rows.length + found.total + opened.revision;
}

/**
 * Returning to the home page after editing: one draft saved, then the list. Printed beside the
 * entry's figures (not in its ratio): the list checks again what the save can have changed.
 */
async function listAfterSave(s: ReturnType<typeof store>): Promise<number[]> {
  const times: number[] = [];
  for (let k = 0; k < 5; k++) {
    const id = s.ids[(k * 7) % s.ids.length]!;
    const { revision } = s.services.drafts.get(id);
    s.services.drafts.save({ id, baseRevision: revision, patch: keystrokePatch(k) });
    const start = performance.now();
    await s.services.handlers.draftsPage(HOME_PAGE);
    times.push(performance.now() - start);
  }
  return times;
}

const median = (v: number[]): number => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? 0;

/** What each timed repetition made the applicant wait for, after the warm-up: the first list after a start, a page and a search, opening a draft. */
const waited = (f: Figures): number[] => f.first.map((first, i) => first + f.list[i]! + f.open[i]!).slice(1);

registerBench({
  name: 'scale: 2,000 drafts (500 MB of revisions) first list after a start, list, search and open vs 20 drafts',
  // Building the big store takes minutes and about 1 GB of disk: `npm run bench scale`.
  targetRatio: 1.5,
  iterations: 1,
  repetitions: 5,
  onlyByName: true,
  setup() {
    const large = store(2000, 250 * 1024);
    const small = store(20, 250 * 1024);
    const empty = (): Figures => ({ start: [], first: [], list: [], open: [] });
    const figures = { large: empty(), small: empty() };
    let n = 0;
    let sink = 0;
    return {
      subject: async () => void (sink += await startHomeAndOpen(large, n++, figures.large)),
      baseline: async () => void (sink += await startHomeAndOpen(small, n++, figures.small)),
      // The batch times hold closing and opening the services too; these hold only what is waited for after opening.
      judged: () => ({ subjectMs: median(waited(figures.large)), baselineMs: median(waited(figures.small)), basis: 'first list after a start + page + search + open' }),
      async teardown() {
        const f = (v: number[]) => `${median(v).toFixed(2)} ms`;
        const [largeAfterSave, smallAfterSave] = [await listAfterSave(large), await listAfterSave(small)];
        console.log(`  scale: revisions stored: ${large.revisionMb.toFixed(0)} MB (2,000 drafts), ${small.revisionMb.toFixed(0)} MB (20 drafts)`);
        console.log(`  scale: first list after the app starts: ${f(figures.large.first.slice(1))} (2,000) vs ${f(figures.small.first.slice(1))} (20); the warm-up's: ${f(figures.large.first.slice(0, 1))} vs ${f(figures.small.first.slice(0, 1))}`);
        console.log(`  scale: opening the services at a start (not in the ratio: the store's startup check): ${f(figures.large.start)} (2,000) vs ${f(figures.small.start)} (20)`);
        console.log(`  scale: home page (first page with progress) + a search: ${f(figures.large.list)} (2,000) vs ${f(figures.small.list)} (20); open a draft: ${f(figures.large.open)} vs ${f(figures.small.open)}`);
        console.log(`  scale: list after one save (not in the ratio): ${f(largeAfterSave)} (2,000) vs ${f(smallAfterSave)} (20)`);
        // A session that ends in the wizard: 5 saves and no list after them. The next start's first list reads and checks those drafts again.
        for (const s of [large, small]) {
          for (let k = 0; k < 5; k++) {
            const id = s.ids[(k * 11) % s.ids.length]!;
            s.services.drafts.save({ id, baseRevision: s.services.drafts.get(id).revision, patch: keystrokePatch(100 + k) });
          }
        }
        const [largeFirst, smallFirst] = [await large.firstListAfterStart(), await small.firstListAfterStart()];
        console.log(`  scale: first list after a start that follows 5 saves without a list (not in the ratio): ${largeFirst.list.toFixed(1)} ms (2,000) vs ${smallFirst.list.toFixed(1)} ms (20)`);
        if (sink < 0) console.log(sink);
        large.close();
        small.close();
      },
    };
  },
});
