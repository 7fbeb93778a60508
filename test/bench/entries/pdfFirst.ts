import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createChromiumPrinter } from '../../../electron/services/export/pdf/chromiumPrinter';
import { chromiumPath } from '../chromium';
import { loadPackDir } from '../../../electron/services/packs/loadPack';
import { buildBook } from '../../../shared/book/build/index';
import { renderBookHtml } from '../../../shared/book/html/index';
import { DraftSchema } from '../../../shared/model/draft';
import { validateDraft } from '../../../shared/rules/engine';
import { registerBench } from '../registry';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const median = (v: number[]): number => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? 0;

if (!chromiumPath()) {
  console.log('跳过 pdf first 基准：没有 Chromium（设置 SHENBAO_CHROMIUM）');
} else {
  registerBench({
    name: 'pdf first of a session (after the export page warm-up) vs a later one',
    // Each batch is a new browser-mode session: a new printer, warmed as opening the export page
    // does (exportService.readiness → printer.warm: launch Chromium, load the book's fonts), then
    // the first PDF and a second one. Judged: the first print's time against the later print's.
    // The cold first print (no warm-up, what a click straight after start costs) is printed too.
    targetRatio: 1.5,
    iterations: 1,
    repetitions: 5,
    setup() {
      const loaded = loadPackDir(path.join(ROOT, 'resources/guidelines/chengguan-2020'));
      const draft = DraftSchema.parse(JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/packs/chengguan-2020/valid-tech-enterprise.json'), 'utf8')));
      const results = validateDraft(loaded.pack, draft, { today: '2020-03-01' }) ?? [];
      const html = renderBookHtml(buildBook({ draft, pack: loaded.pack, revision: 1, packHash: loaded.contentHash, results, generatedAt: new Date().toISOString() }), { forPrint: true });
      const first: number[] = [];
      const later: number[] = [];
      const cold: number[] = [];
      const timed = async (run: () => Promise<unknown>): Promise<number> => {
        const start = performance.now();
        await run();
        return performance.now() - start;
      };
      return {
        async subject() {
          const printer = createChromiumPrinter();
          try {
            await printer.warm();
            first.push(await timed(() => printer.print(html)));
            later.push(await timed(() => printer.print(html)));
          } finally {
            await printer.close();
          }
        },
        async baseline() {
          // For the record only: a session's first print with no warm-up.
          const printer = createChromiumPrinter();
          try {
            cold.push(await timed(() => printer.print(html)));
          } finally {
            await printer.close();
          }
        },
        judged: () => ({
          subjectMs: median(first),
          baselineMs: median(later),
          basis: `median first PDF after warm-up vs later PDF; cold first PDF without warm-up ${median(cold).toFixed(0)} ms`,
        }),
      };
    },
  });
}
