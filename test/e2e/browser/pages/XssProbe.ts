import { expect, type Page } from '@playwright/test';
import { markupProblems, visibleText } from '../../../integration/security/markup';
import { maliciousDraft, maliciousPack, missingPayloads, PAYLOADS } from '../../../integration/security/xssPayloads';
import { attachmentBytesFor } from '../../../support/attachmentBytes';

declare global {
  interface Window {
    __xss?: unknown;
    __xssInjected?: string[];
  }
}

/**
 * Watches a page for markup that came from data: every element added after load that is a script,
 * carries an on* handler or links to javascript:. (React and antd never write such attributes, so
 * any one found was injected.) Any payload that ran would also have set `window.__xss`.
 */
export class XssProbe {
  constructor(readonly page: Page) {}

  async install(): Promise<void> {
    await this.page.addInitScript(() => {
      window.__xssInjected = [];
      const describe = (el: Element): string => el.outerHTML.slice(0, 120);
      const check = (el: Element): void => {
        // The page's own index.html is parsed while the document is still loading; data comes later.
        const dangerous =
          (el.tagName === 'SCRIPT' && document.readyState !== 'loading') ||
          [...el.attributes].some((a) => /^on/i.test(a.name) || (/^(href|src|xlink:href|action|formaction)$/i.test(a.name) && /^\s*javascript:/i.test(a.value)));
        if (dangerous) window.__xssInjected!.push(describe(el));
      };
      new MutationObserver((records) => {
        for (const r of records) {
          if (r.type === 'attributes' && r.target instanceof Element) check(r.target);
          for (const node of r.addedNodes) {
            if (!(node instanceof Element)) continue;
            check(node);
            for (const el of node.querySelectorAll('*')) check(el);
          }
        }
      }).observe(document, { subtree: true, childList: true, attributes: true });
    });
  }

  /**
   * Proves the probe sees injections: inserts a handler, a javascript: link and a script as real
   * markup, expects all three recorded, then clears them. (The page's CSP refuses the handler
   * and reports it; the spec checks that report too.)
   */
  async expectToCatchInjection(): Promise<void> {
    const caught = await this.page.evaluate(async () => {
      const holder = document.createElement('div');
      document.body.append(holder);
      // Parsed apart from the page, as an injection through a parser would be; its script is inert.
      const parsed = new DOMParser().parseFromString('<div onabort="window.__xss=1"><a href="javascript:window.__xss=1">x</a><script>window.__xss=1</script></div>', 'text/html');
      const injected = document.adoptNode(parsed.body.firstElementChild!);
      holder.append(injected);
      // Its event fired, as an injected handler's would: the CSP must refuse to run it. Chromium 150
      // reports that refusal only when the handler is to run; older builds did on insertion.
      injected.dispatchEvent(new Event('abort'));
      await new Promise((resolve) => setTimeout(resolve, 0));
      const seen = [...(window.__xssInjected ?? [])];
      const ran = window.__xss !== undefined;
      holder.remove();
      window.__xssInjected = [];
      delete window.__xss;
      return { seen, ran };
    });
    expect(new Set(caught.seen).size).toBe(3);
    expect(caught.ran, '页面的 CSP 应阻止内联事件处理程序执行').toBe(false);
  }

  /** Nothing ran and nothing dangerous entered the DOM so far. */
  async expectClean(where: string): Promise<void> {
    const state = await this.page.evaluate(() => ({ xss: window.__xss ?? null, injected: window.__xssInjected ?? null }));
    expect(state, `${where}：不应有脚本执行或注入的元素`).toEqual({ xss: null, injected: [] });
  }

  /**
   * Opens every collapsed clause or quote matching `selector` in one round trip: what is under
   * test is how the opened text renders, and dozens of driven clicks per section cost minutes.
   */
  async openAll(selector: string): Promise<void> {
    await this.page.locator(selector).evaluateAll(async (els) => {
      // One click per frame: each panel's open state is computed from the previous render.
      for (const el of els) {
        (el as HTMLElement).click();
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
    });
    await expect(this.page.locator(selector)).toHaveCount(0);
  }

  /** The payloads shown as text inside the page (not as input values). */
  async expectPayloadsAsText(where: string, count = 1): Promise<void> {
    const shown = await this.page.evaluate((payloads) => payloads.filter((p) => document.body.innerText.includes(p)), [...PAYLOADS]);
    expect(shown.length, `${where}：应以文字显示载荷`).toBeGreaterThanOrEqual(count);
  }

  /** The live preview's srcdoc: only the elements the book printer writes; its text carries the payloads. */
  async expectPreviewClean(): Promise<void> {
    const frame = this.page.locator('iframe.preview-frame');
    await expect(frame).toHaveAttribute('srcdoc', /window\.__xss/, { timeout: 30_000 });
    const html = (await frame.getAttribute('srcdoc')) ?? '';
    expect(markupProblems(html)).toEqual([]);
    // Read from the srcdoc, not the frame: the frame is sandboxed without scripts, so the
    // test driver's own helper scripts would be refused there (and logged as console errors).
    expect(missingPayloads(visibleText(html))).toEqual([]);
  }

  /** Installs the hostile pack and imports the hostile draft through the page's own API; returns the draft id. */
  async seed(): Promise<{ draftId: string; title: string }> {
    const hostile = maliciousPack();
    await this.call('guidelinesImport', { packJson: hostile.packJson, sourceText: hostile.sourceText });
    const draft = maliciousDraft(hostile.pack);
    for (const refs of Object.values(draft.attachments)) {
      for (const ref of refs) {
        ref.mediaType = 'application/pdf';
        const stored = await this.call<{ sha256: string; size: number }>('attachmentsPut', { name: ref.name, mediaType: ref.mediaType, dataBase64: attachmentBytesFor(ref.name, ref.name, 256).toString('base64') });
        Object.assign(ref, { sha256: stored.sha256, size: stored.size });
      }
    }
    const imported = await this.call<{ draft: { id: string } }>('draftsImport', { content: JSON.stringify(draft) });
    return { draftId: imported.draft.id, title: String(draft.values['project.name']) };
  }

  private async call<T>(method: string, payload: unknown): Promise<T> {
    return this.page.evaluate(
      async ({ method, payload }) => {
        const response = await fetch(`/api/${method}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-shenbao': '1' },
          credentials: 'same-origin',
          body: JSON.stringify(payload),
        });
        const body = (await response.json()) as { ok: boolean; data?: unknown; error?: { message: string } };
        if (!body.ok) throw new Error(`${method}：${body.error?.message ?? '失败'}`);
        return body.data as T;
      },
      { method, payload },
    );
  }
}
