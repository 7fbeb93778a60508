import { expect, type Locator, type Page } from '@playwright/test';
import { pickRegion } from './regionCascader';

/** 新建申报书 (#/new): guideline → program → direction → 资格预审 → 预填与创建. */
export class NewDraftPage {
  readonly heading: Locator;
  readonly nextButton: Locator;
  readonly createButton: Locator;
  readonly createAnywayButton: Locator;
  readonly blankDraftButton: Locator;
  readonly verdict: Locator;
  readonly droppedFields: Locator;
  readonly directionSearch: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { name: '新建申报书' });
    this.nextButton = page.getByRole('button', { name: '下一步' });
    this.createButton = page.getByRole('button', { name: '创建并开始填写' });
    this.createAnywayButton = page.getByRole('button', { name: '仍然创建草稿' });
    this.blankDraftButton = page.getByRole('button', { name: '暂不选择指南，创建空白草稿' });
    this.verdict = page.getByTestId('precheck-verdict');
    this.droppedFields = page.getByTestId('dropped-fields');
    this.directionSearch = page.getByRole('searchbox', { name: '搜索支持方向' });
  }

  async waitLoaded(): Promise<void> {
    await expect(this.page).toHaveURL(/#\/new$/);
    await expect(this.heading).toBeVisible();
  }

  async chooseGuideline(title: string | RegExp): Promise<void> {
    await this.page.getByRole('radio', { name: title }).check();
    await expect(this.nextButton).toBeEnabled();
    await this.nextButton.click();
  }

  program(name: string): Locator {
    return this.page.getByRole('button', { name: `选择专项：${name}` });
  }

  /** Picks a program card; for programs with both document types, then picks the type. */
  async chooseProgram(name: string, documentType?: '项目申报书' | '项目建议书'): Promise<void> {
    await this.program(name).click();
    if (documentType) await this.program(name).getByRole('radio', { name: documentType }).check();
    await expect(this.nextButton).toBeEnabled();
    await this.nextButton.click();
  }

  async chooseDirection(search: string, name: string): Promise<void> {
    await this.directionSearch.fill(search);
    // Tree items read with their printed numbering, e.g. 「（2） 生物医药」.
    await this.page.getByRole('treeitem', { name: new RegExp(`${name}$`) }).click();
    await expect(this.page.getByText(/^已选择：/)).toContainText(name);
    await this.nextButton.click();
  }

  /** Answers a select question of the pre-check by its label and option text. */
  async answer(label: string, option: string): Promise<void> {
    const box = this.page.getByRole('combobox', { name: label, exact: true });
    await box.click();
    // Typing narrows long lists (provinces) so the option is rendered by the virtual list.
    await box.fill(option);
    await this.page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
  }

  /** Answers the 注册地 question (省 / 市 / 区县) by clicking down the cascader to the code's place. */
  async answerRegion(label: string, code: string): Promise<void> {
    await pickRegion(this.page, this.page.getByRole('combobox', { name: label, exact: true }), code);
  }

  /** The antd date picker (年-月-日, zh_CN) takes the typed date on Enter. */
  async answerBirthDate(date: string): Promise<void> {
    const input = this.page.getByLabel('项目负责人出生日期');
    await input.fill(date);
    await input.press('Enter');
  }

  async expectVerdict(label: '可以申报' | '不符合申报条件' | '需注意'): Promise<void> {
    await expect(this.verdict.getByText(`预审结论：${label}`)).toBeVisible();
  }

  async continueAfterPrecheck(): Promise<void> {
    await this.nextButton.click();
  }

  async fillProjectName(name: string): Promise<void> {
    await this.page.getByLabel('项目名称（可稍后填写）').fill(name);
  }

  async copyFrom(draftTitle: string): Promise<void> {
    await this.page.getByRole('combobox', { name: '从已有草稿复制' }).click();
    await this.page.locator('.ant-select-dropdown:visible').getByText(draftTitle, { exact: false }).click();
  }

  /** Creates the draft and waits for the wizard route. */
  async create(anyway = false): Promise<string> {
    await (anyway ? this.createAnywayButton : this.createButton).click();
    await expect(this.page).toHaveURL(/#\/drafts\/[0-9a-f-]{36}$/);
    return this.page.url().split('/').pop() ?? '';
  }
}
