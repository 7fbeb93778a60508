import { randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openPackRegistry } from '../../../electron/services/packs/registry';
import { validateWithRegistry } from '../../../electron/services/packs/validation';
import { DraftSchema, type Draft } from '../../../shared/model/draft';
import { otherDraftsFrom } from '../../../shared/rules/otherDrafts';
import { buildNodePrograms, isStale } from '../../../scripts/build-node.mjs';
import { registerBench } from '../registry';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const BIN = path.join(ROOT, 'bin/shenbao.mjs');
const FIXTURES = path.join(ROOT, 'test/fixtures/packs');
const COUNT = 200;
const AT = '2022-06-01';

/** 200 drafts: the example drafts of every pack in turn, each under its own id. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function drafts(): Draft[] {
  const examples = readdirSync(FIXTURES).flatMap((pack) =>
    readdirSync(path.join(FIXTURES, pack))
      .filter((f) => f.startsWith('valid-') && f.endsWith('.json'))
      .map((f) => DraftSchema.parse(JSON.parse(readFileSync(path.join(FIXTURES, pack, f), 'utf8')))),
  );
  return Array.from({ length: COUNT }, (_, i) => ({ ...examples[i % examples.length]!, id: randomUUID() }));
}

registerBench({
  name: 'batch validate: shenbao validate of 200 drafts vs the rule engine in-process',
  // Subject: one whole `shenbao validate <200 files>` process (start, packs, reading and parsing
  // each file, the checks, the report). Baseline: only the checks of the same 200 drafts against
  // the same packs, in this process, with the packs already loaded and the drafts parsed.
  targetRatio: 2,
  iterations: 1,
  repetitions: 7,
  setup: async () => {
    if (isStale('cli')) await buildNodePrograms(['cli']);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'shenbao-bench-batch-'));
    const list = drafts();
    const files = list.map((draft, i) => {
      const file = path.join(dir, `draft-${i}.json`);
      writeFileSync(file, JSON.stringify(draft));
      return file;
    });
    const registry = openPackRegistry({});
    registry.list();
    const otherDrafts = otherDraftsFrom(list, registry.yearOf);
    let sink = 0;
    const validate = (some: string[]): void => {
      const run = spawnSync(process.execPath, [BIN, '--data-dir', path.join(dir, 'data'), 'validate', ...some, '--at', AT], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
      // 1 is a finding (the copies share one PI, so cross-draft limits fail); 2 would be unreadable input.
      if (run.status !== 0 && run.status !== 1) throw new Error(`shenbao validate exited ${run.status}: ${run.stderr.toString().trim()}`);
    };
    const timed = (fn: () => void): number => {
      const start = process.hrtime.bigint();
      fn();
      return Number(process.hrtime.bigint() - start) / 1e6;
    };
    const subjectMs: number[] = [];
    const baselineMs: number[] = [];
    return {
      subject() {
        subjectMs.push(timed(() => validate(files)));
      },
      baseline() {
        baselineMs.push(timed(() => {
          for (const draft of list) sink += validateWithRegistry(registry, draft, { today: AT, otherDrafts }).results.length;
        }));
      },
      teardown() {
        if (sink < 0) console.log(sink);
        // Information beside the ratio, not a second target: what one process costs before its
        // drafts (start, modules, packs: measured as the run of one draft), and what the other
        // 199 cost on top of it against the engine's warm in-process time for the same 199.
        const oneDraft = median(Array.from({ length: 5 }, () => timed(() => validate(files.slice(0, 1)))));
        const rest = median(subjectMs) - oneDraft;
        const engineRest = (median(baselineMs) * (COUNT - 1)) / COUNT;
        console.log(`  batch validate: shenbao validate of 1 draft ${oneDraft.toFixed(0)} ms; the other ${COUNT - 1} drafts ${rest.toFixed(0)} ms, ${(rest / engineRest).toFixed(2)}× the engine's in-process ${engineRest.toFixed(0)} ms`);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
});
