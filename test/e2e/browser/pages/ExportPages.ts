import { expect, type Download, type Page } from '@playwright/test';
import type { Draft } from '../../../../shared/model/draft';

/** Calls the browser-mode API from inside the page (cookie and CSRF header as the app sends them). */
async function api<T>(page: Page, method: string, input: unknown): Promise<T> {
  const envelope = await page.evaluate(
    async ({ method, input }) => {
      const response = await fetch(`/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-shenbao': '1' }, body: JSON.stringify(input) });
      return (await response.json()) as { ok: boolean; data?: unknown; error?: { message: string } };
    },
    { method, input },
  );
  if (!envelope.ok) throw new Error(envelope.error?.message ?? method);
  return envelope.data as T;
}

/** Stores real files for the fixture's attachments, then imports the draft with their hashes. */
export async function seedDraftWithAttachments(page: Page, draft: Draft): Promise<string> {
  const copy = structuredClone(draft);
  for (const [slot, refs] of Object.entries(copy.attachments)) {
    for (const ref of refs) {
      const bytes = Buffer.from(`%PDF-1.4\n% ${slot} ${ref.name}\n${'0'.repeat(2048)}`);
      const info = await api<{ sha256: string; size: number }>(page, 'attachmentsPut', { name: ref.name, mediaType: ref.mediaType, dataBase64: bytes.toString('base64') });
      ref.sha256 = info.sha256;
      ref.size = info.size;
    }
  }
  const stored = await api<{ draft: { id: string } }>(page, 'draftsImport', { content: JSON.stringify(copy) });
  return stored.draft.id;
}

export class ExportPageObject {
  constructor(private readonly page: Page) {}

  async open(draftId: string): Promise<void> {
    await this.page.goto(`${new URL(this.page.url()).origin}/#/drafts/${draftId}/export`);
    await expect(this.page.getByText(/检查结果：错误 \d+ 项/)).toBeVisible();
  }

  private async download(action: () => Promise<void>): Promise<Download> {
    const waiting = this.page.waitForEvent('download', { timeout: 90_000 });
    await action();
    return waiting;
  }

  downloadDocx(): Promise<Download> {
    return this.download(() => this.page.getByRole('button', { name: /导出 Word/ }).click());
  }

  downloadPdf(): Promise<Download> {
    return this.download(() => this.page.getByRole('button', { name: /导出 PDF/ }).click());
  }

  /** Starts the package; resolves with its download once the job is done. */
  async buildPackage(onProgressVisible: () => Promise<void>): Promise<Download> {
    return this.download(async () => {
      await this.page.getByRole('button', { name: '生成申报包' }).click();
      await onProgressVisible();
    });
  }

  progress() {
    return this.page.getByTestId('package-progress');
  }
}

export class VerifyPageObject {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto(`${new URL(this.page.url()).origin}/#/verify`);
    await expect(this.page.getByText('选择或拖入申报包（.zip）')).toBeVisible();
  }

  async check(file: { name: string; buffer: Buffer }): Promise<void> {
    await this.page.locator('input[type=file]').setInputFiles({ name: file.name, mimeType: 'application/zip', buffer: file.buffer });
  }

  result() {
    return this.page.getByTestId('verify-result');
  }
}
