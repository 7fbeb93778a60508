import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { downloadFromMenu, VerifyPageObject } from '../pages/ExportPages';
import { unzip } from '../../../integration/package/zipTools';

async function bytesOf(download: { path(): Promise<string | null> }): Promise<Buffer> {
  const file = await download.path();
  if (!file) throw new Error('下载未完成');
  return readFileSync(file);
}

/**
 * From the review page of a finalized draft, by clicks only: 导出 Word and 导出 PDF from its 导出
 * menu, 生成申报包 through the same menu, then 检查申报包 on the downloaded package. Each
 * downloaded file is opened and must carry the project's name.
 */
export async function exportByClicks(page: Page, projectName: string): Promise<void> {
  const menu = page.getByRole('button', { name: '导出', exact: true });

  await test.step('审阅页「导出」→ 导出 Word：下载的 .docx 含项目名称', async () => {
    const docx = await downloadFromMenu(page, menu, '导出 Word（.docx）');
    expect(docx.suggestedFilename()).toMatch(/\.docx$/);
    const files = await unzip(await bytesOf(docx));
    expect(files.get('word/document.xml')?.toString('utf8')).toContain(projectName);
  });

  await test.step('审阅页「导出」→ 导出 PDF：下载的 PDF 文字层含项目名称', async () => {
    const pdf = await downloadFromMenu(page, menu, '导出 PDF');
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
    const bytes = await bytesOf(pdf);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', (await pdf.path())!, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain(projectName.replace(/\s+/g, ''));
  });

  let packageBytes: Buffer = Buffer.alloc(0);
  let packageName = '';
  await test.step('审阅页「导出」→ 生成申报包…：进度、完成、下载', async () => {
    await menu.click();
    await page.locator('.ant-dropdown:visible').getByRole('menuitem', { name: '生成申报包…' }).click();
    const waiting = page.waitForEvent('download', { timeout: 180_000 });
    await page.getByRole('button', { name: '生成申报包' }).click();
    await expect(page.getByTestId('package-progress')).toBeVisible();
    const zip = await waiting;
    await expect(page.getByTestId('package-progress')).toContainText('已生成');
    packageName = zip.suggestedFilename();
    packageBytes = await bytesOf(zip);
    const names = [...(await unzip(packageBytes)).keys()];
    expect(names.some((n) => n.endsWith('.docx'))).toBe(true);
    expect(names.some((n) => n.endsWith('.pdf'))).toBe(true);
  });

  await test.step('检查申报包：刚下载的申报包通过', async () => {
    const verify = new VerifyPageObject(page);
    await verify.open();
    await verify.check({ name: packageName, buffer: packageBytes });
    await expect(verify.result()).toContainText('通过');
    await expect(verify.result()).not.toContainText('不通过');
  });
}
