import type { Severity } from '../pack/rules';
import type { ProposalKind } from './types';

/** The Chinese name of each proposal kind, as the 指南工作台 and the CLI show it. */
export const KIND_NAMES: Record<ProposalKind, string> = {
  attachment: '附件清单项',
  declaration: '承诺',
  required: '必填',
  directionChosen: '选择支持方向',
  format: '格式',
  textLength: '字数',
  ageAtDate: '年龄限制',
  bornOnOrAfter: '出生日期限制',
  yearsSince: '成立年限',
  periodMonths: '实施期限',
  dateOrder: '日期先后',
  dateOnOrAfter: '日期不早于',
  dateOnOrBefore: '日期不晚于',
  moneyRange: '金额范围',
  numberRange: '数值范围',
  ratioAtLeast: '自筹比例',
  shareOfTotalAtLeast: '资金占比',
  sumEquals: '金额合计',
  tableRowCount: '表格行数',
  columnConstraint: '表格列要求',
  valueIn: '限定取值',
  valueNotIn: '排除取值',
  declarationTrue: '承诺勾选',
  attachmentPresent: '附件已上传',
  partnerOutsideRegion: '合作单位所在地',
  regionWithin: '注册地',
  rowsWithinPeriod: '进度在起止年月内',
  attachmentFiles: '附件文件',
  derivedFromId: '与身份证号一致',
  valueShape: '填写内容有效',
  narrativeAmount: '正文金额一致',
  narrativePeriod: '正文期限一致',
  applicationWindow: '申报时间',
  dateInWindow: '申报日期在申报时间内',
  programAccepting: '本批次受理',
  priorityClaimed: '优先支持条件',
  crossDraftLimit: '限报数量',
};

export const SEVERITY_NAMES: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

const KEY_NAMES: Record<string, string> = {
  field: '字段',
  min: '下限',
  max: '上限',
  date: '日期',
  ratio: '比例（倍）',
  ratioLabel: '比例写法',
  percent: '百分比',
  values: '取值',
  text: '承诺内容',
  name: '名称',
  required: '必需',
  option: '选项',
  key: '按字段计数',
  scope: '范围',
  groupBy: '分组',
  leaf: '须选到最末级',
  regions: '地区代码',
  window: '申报时间',
  opens: '开始',
  closes: '截止',
  person: '人员',
  idNumberField: '身份证号字段',
  birthDateField: '出生日期字段',
  at: '参照日期',
  windowClose: '申报截止日',
  amount: '金额',
  numerator: '分子',
  denominator: '分母',
  part: '部分',
  others: '其余',
  table: '表格',
  column: '列',
  ifFilled: '填写后才检查',
  directions: '支持方向',
};

/** Units of the numeric parameters that have one, by kind. */
const UNITS: Partial<Record<ProposalKind, string>> = { ageAtDate: '周岁', periodMonths: '个月', moneyRange: '元', crossDraftLimit: '项', shareOfTotalAtLeast: '%' };

/** 「上限（周岁）」: the Chinese label of a parameter path (`at.date` → 参照日期 › 日期). */
export function paramLabel(kind: ProposalKind, path: readonly (string | number)[]): string {
  const words = path.filter((p): p is string => typeof p === 'string').map((p) => KEY_NAMES[p] ?? p);
  const last = path[path.length - 1];
  const unit = (last === 'min' || last === 'max' || last === 'percent') && path.length === 1 ? UNITS[kind] : undefined;
  return `${words.join(' › ')}${unit ? `（${unit}）` : ''}`;
}
