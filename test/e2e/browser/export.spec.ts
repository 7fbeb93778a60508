import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { ExportPageObject, seedDraftWithAttachments, VerifyPageObject } from './pages/ExportPages';
import { openApp } from './pages/openApp';
import { fixtureDraft } from './pages/fixtureDrafts';
import { saveScreenshot } from './pages/screenshots';
import { unzip, zipOf } from '../../integration/package/zipTools';

test.describe('导出与检查申报包', () => {
  // Printing three PDFs through Chromium on a shared machine takes a while.
  test.setTimeout(240_000);

  test('Word and PDF download from the export page, the PDF with its real step; the package shows its steps while running (button disabled, no 完成), ends with a download, and checks as 通过 — a tampered copy names the file', async ({ page, appUrl }) => {
    await openApp(page, appUrl);
    const draftId = await seedDraftWithAttachments(page, fixtureDraft('xinjiang-aid-2022', 'valid-enterprise.json'));
    const exportPage = new ExportPageObject(page);
    await exportPage.open(draftId);

    const docx = await exportPage.downloadDocx();
    expect(docx.suggestedFilename()).toMatch(/-申报书\.docx$/);
    expect(readFileSync((await docx.path())!).subarray(0, 2).toString()).toBe('PK');
    const pdf = await exportPage.downloadPdf(async () => {
      // The step the services' job is at, not a spinner: the print itself, with its share done.
      await expect(exportPage.documentProgress()).toContainText('正在打印 PDF');
      await expect(exportPage.documentProgress().getByRole('progressbar')).toBeVisible();
    });
    expect(pdf.suggestedFilename()).toMatch(/-申报书\.pdf$/);

    const packageButton = page.getByRole('button', { name: '生成申报包' });
    const zip = await exportPage.buildPackage(async () => {
      await expect(exportPage.progress()).toBeVisible();
      // While it runs: a real step (the printers first, then the attachments by bytes), no 完成, and the button cannot start a second one.
      await expect(exportPage.progress()).toContainText(/正在(整理|打印|排版|生成|打包|写入)/);
      await expect(exportPage.progress()).not.toContainText('完成');
      await expect(packageButton).toBeDisabled();
    });
    expect(zip.suggestedFilename()).toMatch(/-申报书申报包\.zip$/);
    await expect(exportPage.progress()).toContainText('已生成');
    await expect(exportPage.progress()).toContainText('完成');
    await expect(exportPage.progress().getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
    await expect(packageButton).toBeEnabled();
    await saveScreenshot(page, 'export-page');
    const zipBytes = readFileSync((await zip.path())!);

    const verifyPage = new VerifyPageObject(page);
    await verifyPage.open();
    await verifyPage.check({ name: zip.suggestedFilename(), buffer: zipBytes });
    await expect(verifyPage.result()).toContainText('通过：申报包完整');

    const files = await unzip(zipBytes);
    const victim = [...files.keys()].find((n) => n.startsWith('附件'))!;
    const changed = Buffer.from(files.get(victim)!);
    changed[5] = changed[5]! ^ 0x20;
    files.set(victim, changed);
    await verifyPage.check({ name: 'tampered.zip', buffer: await zipOf([...files].map(([name, data]) => ({ name, data }))) });
    await expect(verifyPage.result()).toContainText('不通过');
    await expect(verifyPage.result()).toContainText(`文件「${victim}」已被改动`);
    await saveScreenshot(page, 'verify-page-tampered');
  });

  test('a draft with errors shows what blocks the package', async ({ page, appUrl }) => {
    await openApp(page, appUrl);
    const draft = fixtureDraft('xinjiang-aid-2022', 'valid-enterprise.json');
    draft.declarations['decl.necessity'] = false;
    const draftId = await seedDraftWithAttachments(page, draft);
    await new ExportPageObject(page).open(draftId);
    await expect(page.getByTestId('package-blockers')).toContainText('承诺');
    await expect(page.getByRole('button', { name: '生成申报包' })).toBeDisabled();
  });
});
