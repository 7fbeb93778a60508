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
    return {
      subject() {
        const run = spawnSync(process.execPath, [BIN, '--data-dir', path.join(dir, 'data'), 'validate', ...files, '--at', AT], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
        // 1 is a finding (the copies share one PI, so cross-draft limits fail); 2 would be unreadable input.
        if (run.status !== 0 && run.status !== 1) throw new Error(`shenbao validate exited ${run.status}: ${run.stderr.toString().trim()}`);
      },
      baseline() {
        for (const draft of list) sink += validateWithRegistry(registry, draft, { today: AT, otherDrafts }).results.length;
      },
      teardown() {
        if (sink < 0) console.log(sink);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
});
