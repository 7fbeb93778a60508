import { expect, type Locator, type Page } from '@playwright/test';
import { expectSettled } from './settled';

/** 指南工作台 (#/studio), reached from the home page header. */
export class StudioPage {
  constructor(readonly page: Page) {}

  async openFromHome(): Promise<void> {
    await this.page.getByRole('link', { name: '指南工作台' }).click();
    await expect(this.page.getByRole('heading', { name: '指南工作台' })).toBeVisible();
  }

  async openNotice(path: string): Promise<void> {
    await this.page.getByLabel('选择通知文件').setInputFiles(path);
    await expect(this.page.getByRole('tab', { name: /规则建议/ })).toBeVisible({ timeout: 20_000 });
  }

  /** 导入指南包 on the studio's first screen: the pack file and its notice text, then 导入. */
  async importPack(packFile: string, sourceFile: string): Promise<void> {
    await this.page.getByLabel('选择指南包文件').setInputFiles(packFile);
    await expect(this.page.getByText('pack.json', { exact: true })).toBeVisible();
    await this.page.getByLabel('选择通知原文文件').setInputFiles(sourceFile);
    await expect(this.page.getByText('source.txt', { exact: true })).toBeVisible();
    await this.page.getByRole('button', { name: '导入指南包' }).click();
  }

  async tab(name: string | RegExp): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  proposal(kindName: string): Locator {
    return this.page.getByRole('group', { name: `建议：${kindName}` });
  }

  requirement(n: number): Locator {
    return this.page.getByRole('group', { name: `未识别的要求 ${n}` });
  }

  /** 修改: sets one parameter (by its Chinese label) and the severity, then 保存修改. */
  async editProposal(kindName: string, param: string, value: string): Promise<void> {
    await this.proposal(kindName).getByRole('button', { name: '修改' }).click();
    const dialog = this.page.getByRole('dialog');
    await expectSettled(dialog);
    await dialog.getByLabel(param, { exact: true }).fill(value);
    await dialog.getByRole('button', { name: '保存修改' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.proposal(kindName)).toContainText('已修改并接受');
  }

  async setMeta(label: string, value: string): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).fill(value);
  }

  async save(): Promise<Locator> {
    await this.tab('检查与保存');
    await this.page.getByRole('button', { name: '保存为新版本' }).click();
    return this.page.getByText(/^已保存并安装指南包/);
  }
}
