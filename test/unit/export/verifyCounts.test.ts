import { describe, expect, it } from 'vitest';
import type { VerifyResult } from '../../../shared/export/manifest';
import { describeRecheck, describeVerifyCounts } from '../../../shared/export/verifyCounts';

const summary = (over: Partial<VerifyResult['summary']>): VerifyResult['summary'] => ({
  files: 10,
  listedFiles: 9,
  checkedFiles: 9,
  matchedFiles: 9,
  extraFiles: 0,
  packId: 'p',
  packVersion: '1.0.0',
  draftId: null,
  revision: 1,
  validation: null,
  ...over,
});

describe('describeVerifyCounts', () => {
  it('a package that passes says every listed file matched, with no shortfall', () => {
    const text = describeVerifyCounts(summary({}));
    expect(text).toBe('清单列出 9 个文件，9 个与清单一致');
    expect(text).not.toMatch(/9 \/ 10|9\/10/);
  });

  it('names missing, changed and extra files separately', () => {
    expect(describeVerifyCounts(summary({ files: 10, checkedFiles: 8, matchedFiles: 7, extraFiles: 1 }))).toBe(
      '清单列出 9 个文件，7 个与清单一致，1 个缺少，1 个已被改动；另有 1 个清单外的文件',
    );
  });

  it('says nothing was compared when the manifest could not be read', () => {
    expect(describeVerifyCounts(summary({ packId: null, listedFiles: 0, checkedFiles: 0, matchedFiles: 0 }))).toBe('包内有 10 个文件；清单无法读取，未能逐一核对');
  });
});

describe('describeRecheck', () => {
  it('names 待填写 and 无法检查 only when there are any', () => {
    expect(describeRecheck({ errors: 0, warnings: 1, infos: 2 })).toBe('错误 0，警告 1，提示 2');
    expect(describeRecheck({ errors: 1, warnings: 0, infos: 0, incomplete: 3, pending: 1 })).toBe('待填写 3，无法检查 1，错误 1，警告 0，提示 0');
    expect(describeRecheck(null)).toBe('未能重新检查');
  });
});
