import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, createChromiumPrinter } from '../../../electron/services/export/pdf/chromiumPrinter';
import { chromiumPath } from '../chromium';
import { PDF_OPTIONS } from '../../../electron/services/export/pdf/printer';
import { loadPackDir } from '../../../electron/services/packs/loadPack';
import { buildBook } from '../../../shared/book/build/index';
import { renderBookHtml } from '../../../shared/book/html/index';
import { DraftSchema } from '../../../shared/model/draft';
import { validateDraft } from '../../../shared/rules/engine';
import { registerBench } from '../registry';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const executablePath = chromiumPath();
if (!executablePath) {
  console.log('跳过 pdf 基准：没有 Chromium（设置 SHENBAO_CHROMIUM）');
} else {
  registerBench({
    name: 'pdf: 城关 example through buildBook + renderBookHtml + ChromiumPrinter vs bare page.pdf of the same HTML (≤ 1.2×)',
    targetRatio: 1.2,
    iterations: 2,
    repetitions: 5,
    async setup() {
      const loaded = loadPackDir(path.join(ROOT, 'resources/guidelines/chengguan-2020'));
      const draft = DraftSchema.parse(JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/packs/chengguan-2020/valid-tech-enterprise.json'), 'utf8')));
      const results = validateDraft(loaded.pack, draft, { today: '2020-03-01' }) ?? [];
      const bookHtml = (): string =>
        renderBookHtml(buildBook({ draft, pack: loaded.pack, revision: 1, packHash: loaded.contentHash, results, generatedAt: new Date().toISOString() }), { forPrint: true });
      const html = bookHtml();
      // One browser for both sides, so only the printer's own work differs.
      const browser: Browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
      const printer = createChromiumPrinter({ browser });
      let bytes = 0;
      return {
        async subject() {
          bytes += (await printer.print(bookHtml())).length;
        },
        async baseline() {
          const page = await browser.newPage();
          await page.setContent(html);
          bytes += (await page.pdf(PDF_OPTIONS)).length;
          await page.close();
        },
        async teardown() {
          await printer.close();
          await browser.close();
          if (bytes < 0) console.log(bytes);
        },
      };
    },
  });
}
