import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { browserBenchBlocker, startBenchBrowser } from '../browser/benchBrowser';
import { registerBench } from '../registry';

const BARE_PAGE = path.join(path.dirname(fileURLToPath(import.meta.url)), '../browser/bareAntdPage.tsx');

/** The bare page bundled as the renderer is (React and antd, minified, production). */
async function bareBundle(): Promise<string> {
  const result = await build({
    entryPoints: [BARE_PAGE],
    bundle: true,
    minify: true,
    write: false,
    format: 'esm',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  return result.outputFiles[0]!.text;
}

const blocker = browserBenchBlocker();
if (blocker) {
  console.log(`跳过 home interactive 基准：${blocker}`);
} else {
  registerBench({
    name: 'home page interactive vs a bare antd page with the same table',
    // Both are full page loads in the same browser, timed from navigation to the drafts table's row
    // on screen. The subject is the real home page from the browser-mode host (its first script, the
    // drafts list with progress over HTTP); the baseline the same header, tabs and table with the
    // row already in the page (test/bench/browser/bareAntdPage.tsx). Needs `npm run build` first.
    targetRatio: 1.5,
    iterations: 1,
    repetitions: 9,
    setup: async () => {
      const host = await startBenchBrowser();
      const { page, origin } = host;
      page.setDefaultTimeout(60_000);
      const bundle = await bareBundle();
      await page.route(`${origin}/__bare/**`, (route) => {
        const url = new URL(route.request().url());
        if (url.pathname.endsWith('/bare.js')) return route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: bundle });
        return route.fulfill({
          status: 200,
          contentType: 'text/html; charset=utf-8',
          body: '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>申报通</title><script type="module" src="/__bare/bare.js"></script></head><body><div id="root"></div></body></html>',
        });
      });
      const open = async (url: string): Promise<void> => {
        await page.goto('about:blank');
        await page.goto(url);
        await page.getByRole('row').nth(1).waitFor({ state: 'visible' });
      };
      return {
        subject: () => open(`${origin}/#/`),
        baseline: () => open(`${origin}/__bare/index.html`),
        teardown: () => host.close(),
      };
    },
  });
}
