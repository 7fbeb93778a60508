import { test, expect } from './fixtures';
import { withStoredAttachments } from './pages/ExportPages';
import { draftFile, fixtureDraft } from './pages/fixtureDrafts';
import { IssuesPanel } from './pages/IssuesPanel';
import { ReviewPage } from './pages/ReviewPage';
import { saveScreenshot } from './pages/screenshots';
import { expectSettled } from './pages/settled';

const clean = fixtureDraft('chengguan-2020', 'valid-tech-enterprise.json');
const VALID_ID = clean.values['pi.idNumber'] as string;
const broken = fixtureDraft('chengguan-2020', 'valid-tech-enterprise.json', { 'pi.idNumber': '620102196001011234' });
const TITLE = broken.values['project.name'] as string;

test.afterEach(({ pageProblems }) => {
  expect(pageProblems, '页面不应有控制台错误或 CSP 违规').toEqual([]);
});

test.describe.configure({ timeout: 120_000 });

test('定稿 is blocked while an error exists, allowed once clean, locks the draft, and 解锁 reopens it', async ({ list, page }) => {
  const review = new ReviewPage(page);
  const issues = new IssuesPanel(page);
  const idInput = page.locator('[data-field="pi.idNumber"] input');
  const nameInput = page.locator('[data-field="project.name"] input');

  await test.step('import a draft with one error and open its review page', async () => {
    await list.open();
    // The fixture's attachment hashes are placeholders: store real files first, or every attachment is (rightly) missing.
    const file = draftFile(await withStoredAttachments(page, broken));
    await list.importFile(file.name, file.content);
    await list.openDraft(TITLE);
    await issues.expectErrorBadge(1);
    await review.openFromWizard();
  });

  await test.step('the summary shows eligibility, budget, schedule, checklist and declarations', async () => {
    // The PI's ID number is invalid, so the age condition cannot be judged yet: never called eligible.
    await expect(review.eligibility).toContainText('尚不能判断申报资格：1 项资格条件缺少所需内容');
    // The fixture's budget: 财政 30 万元, 自筹 170 万元; 业务费 is the sum of its six sub-rows.
    await expect(review.budget).toContainText('合计 200万元：财政资金 30万元（15.0%），自筹资金 170万元（85.0%）');
    await expect(review.budget.locator('[data-category="business"]')).toContainText('14万元 / 90万元');
    await expect(review.schedule).toContainText('项目实施期 2020-04 至 2023-03，共 36 个月；4 个阶段');
    await expect(review.schedule.locator('[data-valid="true"]')).toHaveCount(4);
    await expect(review.checklist.locator('[aria-label="已提供"]').first()).toBeVisible();
    await expect(review.declarations.locator('[data-ticked="true"]').first()).toBeVisible();
    await expect(review.declarations.locator('[data-ticked="false"]')).toHaveCount(0);
  });

  await test.step('定稿 is disabled, with the reason', async () => {
    await expect(review.finalizeButton).toBeDisabled();
    // The invalid ID number is the error; the age rule cannot be checked until the number is valid.
    await expect(review.finalizeReason).toHaveText('还有 1 项无法检查（缺少所需内容）、1 个错误，不能定稿；请在问题清单中逐项处理');
    await saveScreenshot(page, 'review-page');
  });

  await test.step('定位 from the review page goes back to the field', async () => {
    await issues.open();
    await issues.locate('cg.pi-id-format');
    await expect(page).toHaveURL(/#\/drafts\/[0-9a-f-]{36}$/);
    await expect(idInput).toBeFocused();
    await idInput.fill(VALID_ID);
    await issues.expectErrorBadge(0);
  });

  await test.step('clean: 定稿 asks first, listing the open warnings; 取消 changes nothing', async () => {
    await review.openFromWizard();
    await expect(review.finalizeReason).toContainText('没有待填写项和错误，可以定稿');
    const warningCount = Number(/(\d+) 个警告不影响定稿/.exec((await review.root.textContent()) ?? '')?.[1] ?? '0');
    await review.finalizeButton.click();
    const confirm = page.getByTestId('finalize-confirm');
    await expect(confirm).toContainText('定稿后内容将锁定');
    if (warningCount > 0) await expect(confirm.locator('li')).toHaveCount(warningCount);
    else await expect(confirm).toContainText('没有未处理的警告');
    await expectSettled(page.getByRole('dialog'));
    await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
    await expect(review.finalizeButton).toBeEnabled();
    await expect(review.unlockButton).toHaveCount(0);
  });

  await test.step('clean: 定稿 locks the draft', async () => {
    await review.finalize();
    await expect(review.unlockButton).toBeVisible();
  });

  await test.step('the wizard is read-only, also after a reload', async () => {
    await review.backToWizard();
    await page.getByRole('menuitem', { name: /基本信息/ }).first().click();
    await expect(nameInput).toHaveAttribute('readonly', '');
    await page.reload();
    await expect(nameInput).toHaveAttribute('readonly', '');
    await expect(page.getByText('这份申报书已定稿，内容只能查看，不能修改。')).toBeVisible();
  });

  await test.step('解锁 after a confirmation makes it editable again', async () => {
    await review.openFromWizard();
    await review.unlock();
    await review.backToWizard();
    await page.getByRole('menuitem', { name: /基本信息/ }).first().click();
    await expect(nameInput).not.toHaveAttribute('readonly', '');
  });
});
