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
      const rich = page.locator(fieldSelector(TYPING_FIELD));
      try {
        await showField(page, host.origin, host.draftId, TYPING_FIELD, '项目内容');
        await injectTextarea(page, await rich.innerText());
        await installProbe(page);
      } catch (e) {
        // A setup that fails must not leave Chromium and the host running (the run would never end).
        await host.close();
        throw e;
      }
      const bare = page.locator(`#${TEXTAREA_ID}`);
      let n = 0;
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
      // Both sides end a batch the same way: blur (the editor commits and saves, as when the
      // applicant clicks away) and wait until the save is acknowledged, so neither side's batch
      // ever pays for work the other started.
      const endBatch = async (): Promise<void> => {
        await page.evaluate(() => (document.activeElement instanceof HTMLElement ? document.activeElement.blur() : undefined));
        await page.waitForFunction(() => {
          const state = document.querySelector('[data-save-state]')?.getAttribute('data-save-state');
          return state !== 'saving' && state !== 'dirty';
        });
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      };
      const side = (target: 'rich' | 'bare') => {
        let calls = 0;
        return async (): Promise<void> => {
          // The harness's first batch per side warms up; its keystrokes are not judged.
          if (calls === ITERATIONS) await page.evaluate((t) => void ((window as unknown as { __keyLatency: Record<string, number[]> }).__keyLatency[t] = []), target);
          if (calls % ITERATIONS === 0) await focusEnd(target);
          await typeOne(page, CHARS[n++ % CHARS.length]!);
          if (++calls % ITERATIONS === 0) await endBatch();
        };
      };
      const samples = async () => page.evaluate(() => (window as unknown as { __keyLatency: { rich: number[]; bare: number[] } }).__keyLatency);
      return {
        subject: side('rich'),
        baseline: side('bare'),
        // The judged figures are the p95 latencies the page recorded, not the calls' round trips.
        judged: async () => {
          const { rich: r, bare: b } = await samples();
          return { subjectMs: percentile(r, 95), baselineMs: percentile(b, 95), basis: `p95 keystroke→paint, n=${r.length}/${b.length}` };
        },
        teardown: async () => {
          const { rich: r, bare: b } = await samples();
          console.log(
            `  keystroke→paint in the page: rich p95 ${percentile(r, 95).toFixed(1)} ms, p50 ${percentile(r, 50).toFixed(1)}, max ${Math.max(...r).toFixed(1)} (n=${r.length})` +
              `;  textarea p95 ${percentile(b, 95).toFixed(1)} ms, p50 ${percentile(b, 50).toFixed(1)}, max ${Math.max(...b).toFixed(1)} (n=${b.length})`,
          );
          await host.close();
        },
      };
    },
  });
}
