import { test } from '../fixtures';
import { shuimogouJourney } from './data/shuimogou';
import { runFullJourney } from './runJourney';

// A stuck step fails on its own line, not at the end of the whole journey's time.
test.use({ actionTimeout: 30_000 });

test('水磨沟区农业技术人才培养：新建与预审、逐节填写、按问题清单改错、附件、审阅定稿，重新加载后内容完整', async ({ page, appUrl, pageProblems }, info) => {
  await runFullJourney(page, appUrl, shuimogouJourney(), info, pageProblems);
});
