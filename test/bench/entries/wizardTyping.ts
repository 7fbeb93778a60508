import type { Page } from 'playwright-core';
import { registerBench } from '../registry';
import { browserBenchBlocker, startBenchBrowser } from '../browser/benchBrowser';
import { TYPING_FIELD } from '../browser/largeDraft';
import { fieldSelector, showField } from '../browser/wizardPage';

const TEXTAREA_ID = 'bench-bare-textarea';
const ITERATIONS = 20;
const CHARS = '研究内容与技术路线创新点预期目标考核指标';

/**
 * In-page probe: for every `beforeinput` (a typed character), the time from the event to the
 * first task after the next frame, i.e. after the browser painted the change. Samples are kept
 * per target so the p95 of each side can be reported.
 */
async function installProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __keyLatency: { rich: number[]; bare: number[]; next: Promise<number> | null } };
    w.__keyLatency = { rich: [], bare: [], next: null };
    document.addEventListener(
      'beforeinput',
      (e) => {
        const start = e.timeStamp;
        const side = e.target instanceof HTMLTextAreaElement ? 'bare' : 'rich';
        w.__keyLatency.next = new Promise((resolve) => {
          requestAnimationFrame(() =>
            setTimeout(() => {
              const ms = performance.now() - start;
              w.__keyLatency[side].push(ms);
              resolve(ms);
            }, 0),
          );
        });
      },
      true,
    );
  });
}

/** A bare <textarea> with the same 20,000 字, injected into the same page (CSSOM styles pass the CSP). */
async function injectTextarea(page: Page, text: string): Promise<void> {
  await page.evaluate(
    ({ id, value }) => {
      const area = document.createElement('textarea');
      area.id = id;
      area.value = value;
      Object.assign(area.style, { position: 'fixed', right: '8px', bottom: '8px', width: '400px', height: '200px', zIndex: '9999' });
      document.body.append(area);
    },
    { id: TEXTAREA_ID, value: text },
  );
}

async function typeOne(page: Page, ch: string): Promise<void> {
  await page.keyboard.insertText(ch);
  await page.evaluate(() => (window as unknown as { __keyLatency: { next: Promise<number> | null } }).__keyLatency.next);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

const blocker = browserBenchBlocker();
if (blocker) {
  console.log(`wizard typing / wizard open: 跳过（${blocker}）`);
} else {
  registerBench({
    name: 'wizard typing: keystroke→paint, rich vs textarea',
    targetRatio: 1.5,
    iterations: ITERATIONS,
    repetitions: 11,
    setup: async () => {
      const host = await startBenchBrowser();
      const { page } = host;
      await showField(page, host.origin, host.draftId, TYPING_FIELD, '项目内容');
      const rich = page.locator(fieldSelector(TYPING_FIELD));
      const text = await rich.innerText();
      await injectTextarea(page, text);
      await installProbe(page);
      const bare = page.locator(`#${TEXTAREA_ID}`);
      let n = 0;
      let richCalls = 0;
      // Each side types at the end of its 20,000 字, where reflow of the long text costs most.
      const focusEnd = async (target: 'rich' | 'bare'): Promise<void> => {
        if (target === 'rich') {
          await rich.focus();
          await page.keyboard.press('Control+End');
        } else {
          await bare.focus();
          await bare.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(el.value.length, el.value.length));
        }
      };
      let focused: 'rich' | 'bare' | null = null;
      return {
        subject: async () => {
          if (focused !== 'rich') await focusEnd((focused = 'rich'));
          await typeOne(page, CHARS[n++ % CHARS.length]!);
          // The editor serializes debounced; at the end of each batch it commits (as on blur),
          // so that work is charged here and never spills into the textarea's batch.
          if (++richCalls % ITERATIONS === 0) {
            await rich.evaluate((el: HTMLElement) => el.blur());
            focused = null;
            await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
          }
        },
        baseline: async () => {
          if (focused !== 'bare') await focusEnd((focused = 'bare'));
          await typeOne(page, CHARS[n++ % CHARS.length]!);
        },
        teardown: async () => {
          const samples = await page.evaluate(() => (window as unknown as { __keyLatency: { rich: number[]; bare: number[] } }).__keyLatency);
          const richP95 = percentile(samples.rich, 95);
          const bareP95 = percentile(samples.bare, 95);
          console.log(
            `  keystroke→paint p95 in the page: rich ${richP95.toFixed(1)} ms (p50 ${percentile(samples.rich, 50).toFixed(1)}, n=${samples.rich.length})` +
              `  textarea ${bareP95.toFixed(1)} ms (p50 ${percentile(samples.bare, 50).toFixed(1)}, n=${samples.bare.length})` +
              `  p95 ratio ${(richP95 / bareP95).toFixed(2)}  target ≤ 1.50  ${richP95 / bareP95 <= 1.5 ? 'PASS' : 'OVER'}`,
          );
          await host.close();
        },
      };
    },
  });
}
