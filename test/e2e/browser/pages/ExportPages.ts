import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { openHomeFresh } from './openApp';
import type { Draft } from '../../../../shared/model/draft';
import { attachmentBytesFor } from '../../../support/attachmentBytes';
import { expectSettled } from './settled';

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

/**
 * Stores real files for the fixture's attachments (its hashes are placeholders) and returns the
 * draft with their hashes: without the files, the app rightly reports every attachment missing.
 */
export async function withStoredAttachments(page: Page, draft: Draft): Promise<Draft> {
  const copy = structuredClone(draft);
  for (const [slot, refs] of Object.entries(copy.attachments)) {
    for (const ref of refs) {
      const bytes = attachmentBytesFor(ref.name, `${slot} ${ref.name}`, 2300);
      const info = await api<{ sha256: string; size: number }>(page, 'attachmentsPut', { name: ref.name, mediaType: ref.mediaType, dataBase64: bytes.toString('base64') });
      ref.sha256 = info.sha256;
      ref.size = info.size;
    }
  }
  return copy;
}

/** Stores real files for the fixture's attachments, then imports the draft with their hashes. */
export async function seedDraftWithAttachments(page: Page, draft: Draft): Promise<string> {
  const copy = await withStoredAttachments(page, draft);
  const stored = await api<{ draft: { id: string } }>(page, 'draftsImport', { content: JSON.stringify(copy) });
  return stored.draft.id;
}

export class ExportPageObject {
  constructor(private readonly page: Page) {}

  /** From the home page: the draft row's 导出 menu → 生成申报包…. */
  async open(draftId: string): Promise<void> {
    await openHomeFresh(this.page);
    await this.page.locator(`tr[data-row-key="${draftId}"]`).getByRole('button', { name: '导出' }).click();
    await this.page.locator('.ant-dropdown:visible').getByRole('menuitem', { name: '生成申报包…' }).click();
    await expect(this.page.getByTestId('export-summary')).toContainText('形式审查：');
  }

  private async download(action: () => Promise<void>): Promise<Download> {
    const waiting = this.page.waitForEvent('download', { timeout: 90_000 });
    await action();
    return waiting;
  }

  /** The export page's Word button; the result dialog names the file and is closed again. */
  async downloadDocx(): Promise<Download> {
    const download = await this.download(() => this.page.getByRole('button', { name: /导出 Word/ }).click());
    await closeExportResult(this.page);
    return download;
  }

  /** `whileRunning` runs after the click, while the export's progress is on screen. */
  async downloadPdf(whileRunning?: () => Promise<void>): Promise<Download> {
    const download = await this.download(async () => {
      await this.page.getByRole('button', { name: /导出 PDF/ }).click();
      await whileRunning?.();
    });
    await closeExportResult(this.page);
    return download;
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

  /** The Word/PDF export dialog's step and bar while it runs. */
  documentProgress() {
    return this.page.getByTestId('document-export-progress');
  }
}

/** The Word/PDF result dialog says what was exported; 关闭 returns to the page. */
export async function closeExportResult(page: Page): Promise<void> {
  const dialog = page.getByRole('dialog').filter({ hasText: /已导出「/ });
  await expectSettled(dialog);
  await dialog.getByRole('button', { name: '关闭' }).click();
  await expect(dialog).toBeHidden();
}

/** A draft's 导出 menu (list row, editor header or review page): Word / PDF, with the result dialog closed. */
export async function downloadFromMenu(page: Page, menuButton: Locator, item: '导出 Word（.docx）' | '导出 PDF'): Promise<Download> {
  const waiting = page.waitForEvent('download', { timeout: 120_000 });
  await menuButton.click();
  await page.locator('.ant-dropdown:visible').getByRole('menuitem', { name: item }).click();
  const download = await waiting;
  await closeExportResult(page);
  return download;
}

export class VerifyPageObject {
  constructor(private readonly page: Page) {}

  /** The export page's 检查申报包… button, or the home page's 检查申报包 link. */
  async open(): Promise<void> {
    const fromExport = this.page.getByRole('button', { name: '检查申报包…' });
    if (await fromExport.isVisible()) await fromExport.click();
    else await this.page.getByRole('link', { name: '检查申报包' }).click();
    await expect(this.page.getByText('选择或拖入申报包（.zip）')).toBeVisible();
  }

  async check(file: { name: string; buffer: Buffer }): Promise<void> {
    await this.page.locator('input[type=file]').setInputFiles({ name: file.name, mimeType: 'application/zip', buffer: file.buffer });
  }

  result() {
    return this.page.getByTestId('verify-result');
  }
}
