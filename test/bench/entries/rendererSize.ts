import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { registerBench } from '../registry';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const RENDERER = process.env.SHENBAO_RENDERER_DIR ?? path.join(ROOT, 'out/renderer');
const BUDGET_MB = 1.5;

/** The entry script index.html loads and every chunk it imports statically: what runs before the home page can. */
function initialScripts(): string[] {
  const html = readFileSync(path.join(RENDERER, 'index.html'), 'utf8');
  const entry = /<script[^>]+src="\.\/([^"]+\.js)"/.exec(html)?.[1];
  if (!entry) throw new Error('out/renderer/index.html 中没有入口脚本');
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(path.join(RENDERER, file), 'utf8');
    // Static imports only (`import{a}from"./x.js"`, `import"./x.js"`); import("./x.js") loads on demand.
    for (const m of code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[^'"();]*?from\s*)?["']\.\/([^"']+\.js)["']/g)) {
      visit(path.join(path.dirname(file), m[1]!));
    }
  };
  visit(entry);
  return [...seen];
}

registerBench({
  name: 'renderer: initial script size vs 1.5 MB budget',
  // Sizes, not times: the figures are megabytes of the first script (with its static imports) and
  // the budget. The rich editor, preview, export, history comparison and every page but the home
  // page load on demand (renderer/src/app/lazyPart.tsx). Needs `npm run build` first.
  targetRatio: 1,
  iterations: 1,
  repetitions: 1,
  setup() {
    if (!existsSync(path.join(RENDERER, 'index.html'))) throw new Error('未找到构建好的界面，请先运行 npm run build');
    const files = initialScripts();
    const megabytes = files.reduce((sum, f) => sum + statSync(path.join(RENDERER, f)).size, 0) / 1024 / 1024;
    return {
      subject: () => undefined,
      baseline: () => undefined,
      judged: () => ({ subjectMs: megabytes, baselineMs: BUDGET_MB, basis: `MB, not ms: first script ${files.join(' + ')} vs the ${BUDGET_MB} MB budget` }),
    };
  },
});
