import type { Outcome, ResultSeverity } from '../../../shared/rules/types';

export const OUTCOME_LABEL: Record<Outcome, { text: string; color: string }> = {
  pass: { text: '通过', color: 'success' },
  fail: { text: '未通过', color: 'error' },
  notApplicable: { text: '不适用', color: 'default' },
  met: { text: '符合', color: 'processing' },
  pending: { text: '无法检查', color: 'default' },
};

export const SEVERITY_LABEL: Record<ResultSeverity, { text: string; color: string }> = {
  incomplete: { text: '待填写', color: 'default' },
  error: { text: '错误', color: 'error' },
  warning: { text: '警告', color: 'warning' },
  info: { text: '提示', color: 'processing' },
};
