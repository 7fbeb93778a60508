import { test, expect } from './fixtures';
import { DraftsListPage } from './pages/DraftsListPage';
import { EditorPage } from './pages/EditorPage';
import { homeOf } from './pages/openApp';
import { draftFile, fixtureDraft } from './pages/fixtureDrafts';
import { WizardPage } from './pages/WizardPage';
import { startTestWebHost } from './webHost';
import { unzip } from '../../integration/package/zipTools';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { saveScreenshot } from './pages/screenshots';
import { encodeGbk } from '../../support/gbkEncode';
import { expectSettled } from './pages/settled';

const NAME = '基于北斗的智慧养老服务平台研发与示范';
const SUMMARY = '本项目面向水磨沟区社区养老需求，研发基于AI的跌倒预警系统，预计服务1000名老人。';

test.afterEach(({ pageProblems }) => {
  // Covers the strict CSP: antd's runtime styles must carry the nonce, or Chromium reports a violation.
  expect(pageProblems, '页面不应有控制台错误或 CSP 违规').toEqual([]);
});

test('a draft is created, autosaved, survives a reload, and goes to the trash and back', async ({ list, editor, page }) => {
  await test.step('the empty list explains what to do first', async () => {
    await list.open();
    await expect(list.emptyState).toBeVisible();
    await saveScreenshot(page, 'list-empty');
  });

  await test.step('create a draft and type into it', async () => {
    await list.createDraft();
    await editor.waitLoaded();
    await editor.projectName.fill(NAME);
    await editor.summary.fill(SUMMARY);
    await expect(editor.wordCount).toHaveText('字数：38 / 800');
    await expect(editor.title).toHaveText(NAME);
    await editor.expectSaved();
    await saveScreenshot(page, 'editor');
  });

  await test.step('a reload shows the same screen and the saved text', async () => {
    await page.reload();
    await editor.waitLoaded();
    await expect(editor.projectName).toHaveValue(NAME);
    await expect(editor.summary).toHaveValue(SUMMARY);
    // Nothing was saved since the reload, so the bar reports the stored time, not 已保存.
    await expect(editor.status).toHaveText(/上次保存于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
  });

  await test.step('the list shows the draft by its name', async () => {
    await editor.back();
    await expect(list.row(NAME)).toBeVisible();
    await expect(list.row(NAME)).toContainText('未选择');
    await expect(list.row(NAME)).toContainText('编辑中');
    await saveScreenshot(page, 'list');
  });

  await test.step('delete moves it to the trash', async () => {
    await list.deleteDraft(NAME);
    await expect(list.toast(/已将「.*」移到回收站/)).toBeVisible();
    await expect(list.row(NAME)).toHaveCount(0);
    await expect(list.emptyState).toBeVisible();
    await list.showTrash();
    await expect(list.row(NAME)).toBeVisible();
  });

  await test.step('restore brings it back to the list', async () => {
    await list.restoreFromTrash(NAME);
    await expect(list.row(NAME)).toHaveCount(0);
    await list.showDrafts();
    await expect(list.row(NAME)).toBeVisible();
  });
});

test('deleting can be undone from the message', async ({ list, editor }) => {
  await list.open();
  await list.createDraft();
  await editor.projectName.fill('可撤销的草稿');
  await editor.expectSaved();
  await editor.back();
  await list.deleteDraft('可撤销的草稿');
  await expect(list.row('可撤销的草稿')).toHaveCount(0);
  await list.toast(/移到回收站/).getByRole('button', { name: '撤销' }).click();
  await expect(list.row('可撤销的草稿')).toBeVisible();
});

test('edits made while a save is in flight are queued and saved with the new revision', async ({ list, editor, page }) => {
  await list.open();
  await list.createDraft();
  await editor.waitLoaded();

  // Hold the first save so the next edit is typed while it is in flight.
  let releaseFirstSave: () => void = () => undefined;
  const firstSaveHeld = new Promise<void>((resolve) => (releaseFirstSave = resolve));
  const saveBodies: unknown[] = [];
  await page.route('**/api/draftsSave', async (route) => {
    saveBodies.push(route.request().postDataJSON());
    if (saveBodies.length === 1) await firstSaveHeld;
    await route.continue();
  });

  await editor.projectName.fill('第一版名称');
  await editor.projectName.blur();
  await expect(editor.status).toHaveText(/保存中…/);
  await editor.applicant.fill('乌鲁木齐某科技有限公司');
  await editor.applicant.blur();
  // Still in flight: must not claim 已保存.
  await expect(editor.status).toHaveText(/保存中…/);
  releaseFirstSave();
  await editor.expectSaved();

  expect(saveBodies).toHaveLength(2);
  const [first, second] = saveBodies as { baseRevision: number; patch: { values: Record<string, unknown> } }[];
  expect(first?.patch.values).toEqual({ 'project.name': '第一版名称' });
  expect(second?.patch.values).toEqual({ 'project.recommender': '乌鲁木齐某科技有限公司' });
  expect(second?.baseRevision).toBeGreaterThan(first?.baseRevision ?? Infinity);

  await page.unroute('**/api/draftsSave');
  await page.reload();
  await expect(editor.projectName).toHaveValue('第一版名称');
  await expect(editor.applicant).toHaveValue('乌鲁木齐某科技有限公司');
});

test('a failed save is shown in red, keeps the edits, and 重试 saves them', async ({ list, editor, page }) => {
  await list.open();
  await list.createDraft();
  await editor.waitLoaded();

  await page.route('**/api/draftsSave', (route) =>
    route.fulfill({ json: { ok: false, error: { code: 'io_error', message: '磁盘写入失败' } } }),
  );
  await editor.piName.fill('张三');
  await expect(editor.status).toHaveText(/保存失败：磁盘写入失败/);
  await expect(editor.status.locator('.ant-typography-danger')).toBeVisible();
  await expect(editor.piName).toHaveValue('张三');

  await page.unroute('**/api/draftsSave');
  await editor.retryButton.click();
  await editor.expectSaved();
  await page.reload();
  await expect(editor.piName).toHaveValue('张三');
});

test('importing a corrupt file shows a Chinese error and leaves the list unchanged', async ({ list, editor }) => {
  await list.open();
  await list.createDraft();
  await editor.projectName.fill('已有的草稿');
  await editor.expectSaved();
  await editor.back();
  await expect(list.row('已有的草稿')).toBeVisible();
  const before = await list.rowCount();

  await list.importFile('损坏的草稿.json', '{"format":"shenbao-draft", 这不是 JSON');
  await expect(list.toast(/^导入失败：.*[\u4e00-\u9fff]/)).toBeVisible();
  expect(await list.rowCount()).toBe(before);
  await expect(list.row('已有的草稿')).toBeVisible();
});

test('a draft file another tool saved in GBK or UTF-16 imports with its Chinese intact; bytes that are no text are refused in Chinese', async ({ list }) => {
  await list.open();
  const draft = fixtureDraft('shuimogou-2020', 'valid-huimin.json');
  const file = draftFile(draft);
  const title = draft.values['project.name'] as string;
  const windowsText = file.content.replace(/\n/g, '\r\n');

  await list.importBytes(file.name, 'application/json', encodeGbk(windowsText));
  await expect(list.toast(`已导入「${title}」`)).toBeVisible();
  await expect(list.row(title)).toHaveCount(1);

  await list.importBytes(file.name, 'application/json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(windowsText, 'utf16le')]));
  await expect(list.toast(`已导入「${title}」`).last()).toBeVisible();
  await expect(list.row(title)).toHaveCount(2);

  const noise = Buffer.alloc(2048, 0);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919 + 13) % 256;
  await list.importBytes('照片.json', 'application/json', noise);
  await expect(list.toast('导入失败：所选文件不是文本文件（可能是图片、压缩包等其他格式，只是改了扩展名），请重新选择')).toBeVisible();
  await expect(list.row(title)).toHaveCount(2);
});

test('an exported draft data file carries the attachments: imported on another computer, the draft arrives whole', async ({ list, page }) => {
  const wizard = new WizardPage(page);
  const imported = fixtureDraft('karamay-2017', 'valid-major.json');
  const title = imported.values['project.name'] as string;
  const pdf = Buffer.from('%PDF-1.4 合作协议 换电脑测试', 'utf8');
  const sha = createHash('sha256').update(pdf).digest('hex');
  const dir = mkdtempSync(join(tmpdir(), 'shenbao-e2e-attach-'));
  const pdfPath = join(dir, '合作协议.pdf');
  // The fixture draft refers to two files whose bytes were never on this computer (a plain draft file's import).
  const absent = '营业执照.pdf、产学研合作联盟协议.pdf';
  writeFileSync(pdfPath, pdf);

  await test.step('a draft with an attachment, added through the picker', async () => {
    await list.open();
    const file = draftFile(imported);
    await list.importFile(file.name, file.content);
    await list.openDraft(title);
    await wizard.openSection('附件清单');
    await wizard.attachFile('联盟或产学研合作协议', pdfPath);
    await expect(wizard.attachmentSlot('联盟或产学研合作协议').getByText('合作协议.pdf')).toBeVisible();
    await wizard.expectSaved();
    await page.getByRole('button', { name: '返回列表' }).click();
  });

  let zip = Buffer.alloc(0);
  await test.step('导出草稿数据 downloads one zip holding the draft and the attachment bytes', async () => {
    const downloadEvent = page.waitForEvent('download');
    await list.exportAction(title, '导出草稿数据（用于备份或换电脑）');
    const download = await downloadEvent;
    expect(download.suggestedFilename()).toBe(`${title}-草稿数据.zip`);
    // Said plainly: the two files this computer never had cannot travel.
    await expect(list.toast(`已导出草稿数据「${title}-草稿数据.zip」（含 1 个附件），可在另一台电脑上用「导入草稿文件」打开；2 个附件的文件在本机已缺失，未能带上：${absent}`)).toBeVisible();
    zip = readFileSync((await download.path())!);
    const files = await unzip(zip);
    expect([...files.keys()].sort()).toEqual([`attachments/${sha}`, 'draft.json']);
    expect(files.get(`attachments/${sha}`)).toEqual(pdf);
    expect(JSON.parse(files.get('draft.json')!.toString('utf8')).values['project.name']).toBe(title);
  });

  // Another computer: a host of its own with an empty data directory.
  const other = await startTestWebHost();
  try {
    const elsewhere = new DraftsListPage(page, other.url);
    await test.step('on the other computer, 导入草稿文件 takes the zip: the draft and its attachment arrive', async () => {
      await elsewhere.open();
      await elsewhere.importBytes(`${title}-草稿数据.zip`, 'application/zip', zip);
      await expect(elsewhere.toast(`已导入「${title}」，连同 1 个附件；文件中没有带上 2 个附件（${absent}），请在附件清单中重新添加`)).toBeVisible();
      await elsewhere.openDraft(title);
      await wizard.openSection('附件清单');
      const slot = wizard.attachmentSlot('联盟或产学研合作协议');
      await expect(slot.getByText('合作协议.pdf')).toBeVisible();
      // The check has run (the file never carried is reported missing); the one carried is not.
      await expect(page.getByText(/附件文件「产学研合作联盟协议\.pdf」缺失/).first()).toBeVisible();
      await expect(page.getByText(/附件文件「合作协议\.pdf」缺失/)).toHaveCount(0);
      await page.getByRole('button', { name: '返回列表' }).click();
    });

    await test.step('the bytes are really there: exporting again on the other computer carries the same file', async () => {
      const downloadEvent = page.waitForEvent('download');
      await elsewhere.exportAction(title, '导出草稿数据（用于备份或换电脑）');
      const again = await unzip(readFileSync((await (await downloadEvent).path())!));
      expect(again.get(`attachments/${sha}`)).toEqual(pdf);
    });

    await test.step('a plain draft file (the documented format) still imports, as a copy', async () => {
      const file = draftFile(imported);
      await elsewhere.importFile(file.name, file.content);
      await expect(elsewhere.toast(`已导入「${title}」`)).toBeVisible();
      await expect(elsewhere.row(title)).toHaveCount(2);
    });
  } finally {
    await other.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('rename validates the name and updates the list', async ({ list, editor, page }) => {
  await list.open();
  await list.createDraft();
  await editor.projectName.fill('旧的项目名称');
  await editor.expectSaved();
  await editor.back();

  const dialog = await list.startRename('旧的项目名称');
  const nameInput = dialog.getByLabel('项目名称');
  await nameInput.fill('   ');
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(dialog.getByText('请输入项目名称')).toBeVisible();

  await nameInput.fill('新的项目名称');
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(dialog).toBeHidden();
  await expect(list.row('新的项目名称')).toBeVisible();
  await expect(list.row('旧的项目名称')).toHaveCount(0);

  await list.openDraft('新的项目名称');
  await expect(editor.projectName).toHaveValue('新的项目名称');
  await expect(page).toHaveURL(/#\/drafts\//);
});

test('a trashed draft can be deleted for good after confirming', async ({ list, editor }) => {
  await list.open();
  await list.createDraft();
  await editor.projectName.fill('要彻底删除的草稿');
  await editor.expectSaved();
  await editor.back();
  await list.deleteDraft('要彻底删除的草稿');
  await list.showTrash();
  await list.purgeFromTrash('要彻底删除的草稿');
  await expect(list.toast(/已彻底删除/)).toBeVisible();
  await expect(list.row('要彻底删除的草稿')).toHaveCount(0);
  await expect(list.page.getByText('回收站是空的')).toBeVisible();
});

test('a save that conflicts with another window offers 重新载入 and shows the stored text', async ({ list, editor, page }) => {
  await list.open();
  await list.createDraft();
  await editor.waitLoaded();
  await editor.projectName.fill('两个窗口的草稿');
  await editor.expectSaved();

  // A second window opens the same draft from the home page and saves first.
  const other = await page.context().newPage();
  const otherList = new DraftsListPage(other, homeOf(page));
  await otherList.open();
  await otherList.openDraft('两个窗口的草稿');
  const otherEditor = new EditorPage(other);
  await otherEditor.projectName.fill('另一个窗口的名称');
  await otherEditor.expectSaved();
  await other.close();

  await editor.projectName.fill('本窗口的名称');
  await expect(editor.status).toHaveText(/保存失败：/);
  await editor.status.getByRole('button', { name: '重新载入' }).click();
  await expectSettled(page.getByRole('tooltip'));
  await page.getByRole('tooltip').getByRole('button', { name: '载入' }).click();
  await expect(editor.projectName).toHaveValue('另一个窗口的名称');
  await expect(editor.status).not.toHaveText(/保存失败/);
});

test('leaving the editor right after typing still saves the edit', async ({ list, editor }) => {
  await list.open();
  await list.createDraft();
  await editor.waitLoaded();
  await editor.projectName.fill('马上离开也要保存');
  // No wait for 已保存: the back button itself must send the pending edit before leaving.
  await editor.back();
  await expect(list.row('马上离开也要保存')).toBeVisible();
});

test('closing the window while a save is in flight asks first', async ({ list, editor, page }) => {
  await list.open();
  await list.createDraft();
  await editor.waitLoaded();

  await page.route('**/api/draftsSave', () => {
    // Never answered: the save stays in flight.
  });
  await editor.piPhone.click();
  await page.keyboard.type('13800000000');
  await editor.piPhone.blur();
  await expect(editor.status).toHaveText(/保存中…/);

  const dialog = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const asked = await dialog;
  expect(asked.type()).toBe('beforeunload');
  await asked.dismiss();
  expect(page.isClosed()).toBe(false);
  await page.unrouteAll({ behavior: 'ignoreErrors' });
});

test('the summary shows its 字数 and warns past 800', async ({ list, editor }) => {
  await list.open();
  await list.createDraft();
  await editor.waitLoaded();
  await editor.summary.fill('项'.repeat(800));
  await expect(editor.wordCount).toHaveText('字数：800 / 800');
  await expect(editor.page.getByText(/已超出/)).toHaveCount(0);
  await editor.summary.press('End');
  await editor.page.keyboard.type('目 AI');
  await expect(editor.wordCount).toHaveText('字数：802 / 800');
  await expect(editor.page.getByText('已超出 2 字，请精简到 800 字以内')).toBeVisible();
  await editor.expectSaved();
});

test('复制一份申报书：说明副本的状态，以及副本比原稿多出的问题和原因', async ({ list, page }) => {
  await list.open();
  const original = fixtureDraft('chengguan-2020', 'valid-tech-enterprise.json');
  const title = String(original.values['project.name']);
  await list.importFile('城关区申报书.json', JSON.stringify(original));
  await expect(list.row(title)).toHaveCount(1);

  await list.rowAction(title, '复制');
  const outcome = page.getByTestId('copy-outcome');
  await expect(outcome).toContainText('是一份可以编辑的草稿');
  // The same 项目负责人 twice on this computer: the 同期只能主持一项 rule now fails for the copy.
  await expect(outcome).toContainText('副本比原稿多出');
  await expect(outcome).toContainText('同一负责人在本通知中只能申报一项');
  await expect(outcome).toContainText('检查本机上的全部草稿');
  await page.getByRole('button', { name: '知道了' }).click();
  await expect(list.row(title)).toHaveCount(1);
  await expect(list.row(`${title}（副本）`)).toHaveCount(1);
});
