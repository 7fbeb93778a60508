import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { FAIL_SAVES_FLAG_ENV } from './failingSaves';
import { CLOCK_OFFSET_FILE_ENV } from './hostClock';
import { DraftsListPage } from './pages/DraftsListPage';
import { EditorPage } from './pages/EditorPage';
import { startTestWebHost } from './webHost';

interface Fixtures {
  /** The one-time link into a fresh browser-mode host with its own empty data directory. */
  appUrl: string;
  /** Console errors and CSP violations seen by the page during the test. */
  pageProblems: string[];
  list: DraftsListPage;
  editor: EditorPage;
  /** A host of its own whose saves fail as on a full disk between `fill()` and `free()`. */
  fullDisk: { url: string; fill(): Promise<void>; free(): Promise<void> };
  /** A host of its own whose clock can be moved forward: a pause between editing sessions without waiting. */
  clockedHost: { url: string; advance(ms: number): Promise<void> };
}

/** Records CSP violations from inside the page: the event names the blocked directive exactly. */
/**
 * Playwright runs the tests' init scripts (the CSP watch below, the XSS probe) in every frame, and
 * the preview's srcdoc frame is sandboxed without scripts, so Chromium refuses them there and logs
 * it, depending on when the frame loads. That is the sandbox refusing the harness, not the page
 * going wrong; what the frame holds is checked from its srcdoc (XssProbe.expectPreviewClean).
 */
function isHarnessRefusedBySandbox(text: string): boolean {
  return text === "Blocked script execution in 'about:srcdoc' because the document's frame is sandboxed and the 'allow-scripts' permission is not set.";
}

async function watchCspViolations(page: Page, problems: string[]): Promise<void> {
  await page.exposeFunction('__reportCspViolation', (text: string) => problems.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __reportCspViolation: (t: string) => void }).__reportCspViolation;
      void report(`CSP 违规：${e.violatedDirective} 阻止了 ${e.blockedURI || '内联内容'}`);
    });
  });
}

export const test = base.extend<Fixtures>({
  // A host per test: each test starts from an empty store, so tests never depend on each other's drafts.
  // eslint-disable-next-line no-empty-pattern -- Playwright requires a destructured first argument
  appUrl: async ({}, use) => {
    const host = await startTestWebHost();
    try {
      await use(host.url);
    } finally {
      await host.close();
    }
  },

  pageProblems: async ({ page }, use) => {
    const problems: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() !== 'error' || isHarnessRefusedBySandbox(msg.text())) return;
      problems.push(`控制台错误：${msg.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`页面异常：${error.message}`));
    await watchCspViolations(page, problems);
    await use(problems);
  },

  list: async ({ page, appUrl, pageProblems: _watched }, use) => {
    await use(new DraftsListPage(page, appUrl));
  },

  editor: async ({ page }, use) => {
    await use(new EditorPage(page));
  },

  // eslint-disable-next-line no-empty-pattern -- Playwright requires a destructured first argument
  fullDisk: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'shenbao-e2e-full-'));
    const flag = join(dir, 'disk-full');
    // Read by the host process at spawn; a worker runs one test at a time, so no other host sees it.
    process.env[FAIL_SAVES_FLAG_ENV] = flag;
    let host: Awaited<ReturnType<typeof startTestWebHost>>;
    try {
      host = await startTestWebHost();
    } finally {
      delete process.env[FAIL_SAVES_FLAG_ENV];
    }
    try {
      await use({ url: host.url, fill: () => writeFile(flag, ''), free: () => rm(flag, { force: true }) });
    } finally {
      await host.close();
      await rm(dir, { recursive: true, force: true });
    }
  },

  // eslint-disable-next-line no-empty-pattern -- Playwright requires a destructured first argument
  clockedHost: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'shenbao-e2e-clock-'));
    const file = join(dir, 'offset-ms');
    let offset = 0;
    process.env[CLOCK_OFFSET_FILE_ENV] = file;
    let host: Awaited<ReturnType<typeof startTestWebHost>>;
    try {
      host = await startTestWebHost();
    } finally {
      delete process.env[CLOCK_OFFSET_FILE_ENV];
    }
    try {
      await use({
        url: host.url,
        advance: async (ms) => {
          offset += ms;
          await writeFile(file, String(offset));
        },
      });
    } finally {
      await host.close();
      await rm(dir, { recursive: true, force: true });
    }
  },
});

export { expect };
