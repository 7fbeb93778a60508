import type { Option, Section } from './fields';

/** 单位性质: the values every pack's rules and conditions refer to. */
export const UNIT_TYPES: Option[] = [
  { value: 'enterprise', label: '企业' },
  { value: 'university', label: '高等学校' },
  { value: 'institute', label: '科研院所' },
  { value: 'medical', label: '医疗卫生机构' },
  { value: 'government', label: '党政机关' },
  { value: 'publicInstitution', label: '其他事业单位' },
  { value: 'socialOrg', label: '社会组织' },
];

/** 纳税信用等级 (A/B/M/C/D, 国家税务总局纳税信用评价). */
export const TAX_CREDIT_LEVELS: Option[] = ['A', 'B', 'M', 'C', 'D'].map((v) => ({ value: v, label: `${v} 级` }));

export const EDUCATION_LEVELS: Option[] = [
  { value: 'doctor', label: '博士研究生' },
  { value: 'master', label: '硕士研究生' },
  { value: 'bachelor', label: '大学本科' },
  { value: 'college', label: '大学专科' },
  { value: 'other', label: '其他' },
];

/**
 * Provinces by the first two digits of their GB/T 2260 code (兵团 as 66, abroad as 99), for the partner
 * table's 所在省 column: regions are compared by code, never by free text. The applicant's 注册地 is a
 * full code (`applicant.regionCode`, shared/regions).
 */
export const PROVINCES: Option[] = [
  { value: '11', label: '北京市' },
  { value: '12', label: '天津市' },
  { value: '13', label: '河北省' },
  { value: '14', label: '山西省' },
  { value: '15', label: '内蒙古自治区' },
  { value: '21', label: '辽宁省' },
  { value: '22', label: '吉林省' },
  { value: '23', label: '黑龙江省' },
  { value: '31', label: '上海市' },
  { value: '32', label: '江苏省' },
  { value: '33', label: '浙江省' },
  { value: '34', label: '安徽省' },
  { value: '35', label: '福建省' },
  { value: '36', label: '江西省' },
  { value: '37', label: '山东省' },
  { value: '41', label: '河南省' },
  { value: '42', label: '湖北省' },
  { value: '43', label: '湖南省' },
  { value: '44', label: '广东省' },
  { value: '45', label: '广西壮族自治区' },
  { value: '46', label: '海南省' },
  { value: '50', label: '重庆市' },
  { value: '51', label: '四川省' },
  { value: '52', label: '贵州省' },
  { value: '53', label: '云南省' },
  { value: '54', label: '西藏自治区' },
  { value: '61', label: '陕西省' },
  { value: '62', label: '甘肃省' },
  { value: '63', label: '青海省' },
  { value: '64', label: '宁夏回族自治区' },
  { value: '65', label: '新疆维吾尔自治区' },
  { value: '66', label: '新疆生产建设兵团' },
  { value: '71', label: '台湾省' },
  { value: '81', label: '香港特别行政区' },
  { value: '82', label: '澳门特别行政区' },
  { value: '99', label: '国外' },
];

/** Budget rows after the 2021 reform of central research funds. Keys are stable ids. */
export const BUDGET_ROWS = [
  { key: 'equipment', label: '一、设备费', level: 0 },
  { key: 'business', label: '二、业务费', level: 0 },
  { key: 'materials', label: '1. 材料费', level: 1 },
  { key: 'testing', label: '2. 测试化验加工费', level: 1 },
  { key: 'fuel', label: '3. 燃料动力费', level: 1 },
  { key: 'publication', label: '4. 出版/文献/信息传播/知识产权事务费', level: 1 },
  { key: 'meetings', label: '5. 会议/差旅/国际合作交流费', level: 1 },
  { key: 'otherBusiness', label: '6. 其他支出', level: 1 },
  { key: 'labor', label: '三、劳务费（含专家咨询费）', level: 0 },
  { key: 'indirect', label: '四、间接费用', level: 0 },
];

/**
 * The default 申报书 template (DOMAIN.md). Packs drop, rename, override and add to it, so the
 * common field ids below stay the same in every pack: profiles and carry-over rely on them.
 */
export const DEFAULT_SECTIONS: Section[] = [
  {
    id: 'basic',
    title: '基本信息',
    fields: [
      { id: 'project.name', kind: 'text', label: '项目名称', required: true, maxChars: 60 },
      { id: 'project.techField', kind: 'text', label: '技术领域', maxChars: 50 },
      { id: 'project.period', kind: 'monthRange', label: '起止年月', required: true },
      { id: 'project.recommender', kind: 'text', label: '推荐单位', maxChars: 60 },
      { id: 'project.applicationDate', kind: 'date', label: '申报日期', help: '印在封面上；不填则封面留空「年 月 日」，由申报单位手写' },
      { id: 'project.summary', kind: 'longText', label: '项目摘要', required: true, maxChars: 800 },
      { id: 'project.keywords', kind: 'text', label: '关键词', help: '3～5 个，用分号分隔', maxChars: 60 },
    ],
  },
  {
    id: 'applicant',
    title: '申报单位',
    fields: [
      { id: 'applicant.name', kind: 'text', label: '单位名称', required: true, maxChars: 100 },
      { id: 'applicant.uscc', kind: 'text', label: '统一社会信用代码', required: true, format: 'uscc' },
      { id: 'applicant.unitType', kind: 'select', label: '单位性质', required: true, options: UNIT_TYPES },
      { id: 'applicant.regionCode', kind: 'region', label: '注册地', required: true, help: '按行政区划选择省、市、区（县），选到最末一级' },
      // Drafts written before 注册地 had codes kept it as text: shown (and kept) only where it is filled.
      { id: 'applicant.region', kind: 'text', label: '注册地（旧版草稿所填文字）', help: '旧版草稿的文字注册地，仅供参考；请在上方「注册地」中选择省、市、区（县）', maxChars: 100, visibleWhen: { field: 'applicant.region', filled: true } },
      { id: 'applicant.legalRep', kind: 'text', label: '法定代表人', required: true, maxChars: 30 },
      { id: 'applicant.address', kind: 'text', label: '通讯地址', required: true, maxChars: 100 },
      { id: 'applicant.postcode', kind: 'text', label: '邮政编码', required: true, format: 'postcode' },
      { id: 'applicant.taxCredit', kind: 'select', label: '纳税信用等级', options: TAX_CREDIT_LEVELS },
      { id: 'applicant.contact', kind: 'text', label: '单位联系人', required: true, maxChars: 30 },
      { id: 'applicant.contactPhone', kind: 'text', label: '联系人电话', required: true, format: 'phone' },
    ],
  },
  {
    id: 'pi',
    title: '项目负责人',
    fields: [
      { id: 'pi.name', kind: 'text', label: '姓名', required: true, maxChars: 30 },
      { id: 'pi.idNumber', kind: 'text', label: '居民身份证号码', required: true, format: 'idNumber' },
      { id: 'pi.sex', kind: 'select', label: '性别', derived: true, options: [{ value: 'male', label: '男' }, { value: 'female', label: '女' }] },
      { id: 'pi.birthDate', kind: 'date', label: '出生日期', derived: true },
      { id: 'pi.education', kind: 'select', label: '学历', options: EDUCATION_LEVELS },
      { id: 'pi.title', kind: 'text', label: '职称', required: true, maxChars: 30 },
      { id: 'pi.position', kind: 'text', label: '职务', maxChars: 30 },
      { id: 'pi.phone', kind: 'text', label: '手机', required: true, format: 'mobile' },
      { id: 'pi.email', kind: 'text', label: '电子邮箱', format: 'email' },
    ],
  },
  {
    id: 'partners',
    title: '合作单位',
    fields: [
      {
        id: 'partners',
        kind: 'table',
        label: '合作单位',
        columns: [
          { id: 'name', label: '单位名称', kind: 'text', required: true },
          { id: 'uscc', label: '统一社会信用代码', kind: 'uscc' },
          { id: 'unitType', label: '单位性质', kind: 'select', options: UNIT_TYPES },
          { id: 'region', label: '所在省（区、市）', kind: 'select', options: PROVINCES, required: true },
          { id: 'role', label: '分工', kind: 'text' },
        ],
        maxRows: 20,
      },
    ],
  },
  {
    id: 'members',
    title: '项目组主要成员',
    fields: [
      {
        id: 'members',
        kind: 'table',
        label: '项目组主要成员',
        required: true,
        columns: [
          { id: 'name', label: '姓名', kind: 'text', required: true },
          { id: 'idNumber', label: '身份证号码', kind: 'idNumber' },
          { id: 'unit', label: '工作单位', kind: 'text' },
          { id: 'title', label: '职称', kind: 'text' },
          { id: 'specialty', label: '专业', kind: 'text' },
          { id: 'task', label: '项目分工', kind: 'text' },
          { id: 'months', label: '投入月数', kind: 'integer' },
        ],
        maxRows: 200,
      },
    ],
  },
  {
    id: 'narrative',
    title: '项目内容',
    fields: [
      { id: 'narrative.basis', kind: 'longText', rich: true, label: '立项依据', required: true, help: '目的和意义、国内外现状、与指南及地方规划的契合', maxChars: 10000 },
      { id: 'narrative.content', kind: 'longText', rich: true, label: '研究内容与技术路线', required: true, maxChars: 15000 },
      { id: 'narrative.innovation', kind: 'longText', rich: true, label: '创新点', required: true, maxChars: 3000 },
      { id: 'narrative.goals', kind: 'longText', rich: true, label: '预期目标与考核指标', required: true, help: '技术、经济、社会、知识产权指标', maxChars: 5000 },
      { id: 'narrative.foundation', kind: 'longText', rich: true, label: '现有工作基础与条件', required: true, maxChars: 5000 },
      { id: 'narrative.risk', kind: 'longText', rich: true, label: '风险分析', required: true, maxChars: 3000 },
    ],
  },
  {
    id: 'schedule',
    title: '进度安排',
    fields: [
      {
        id: 'milestones',
        kind: 'table',
        label: '进度安排',
        required: true,
        columns: [
          { id: 'start', label: '开始年月', kind: 'month', required: true },
          { id: 'end', label: '结束年月', kind: 'month', required: true },
          { id: 'task', label: '主要工作内容', kind: 'longText', required: true },
          { id: 'deliverable', label: '阶段目标', kind: 'text' },
        ],
        maxRows: 40,
      },
    ],
  },
  {
    id: 'budget',
    title: '经费预算',
    fields: [
      // 经费概算 as the 申报书 states it; the form rules check each against the table's totals.
      { id: 'funding.fiscal', kind: 'money', label: '申请财政资金', required: true, help: '须与下方经费预算表「财政资金」合计一致' },
      { id: 'funding.selfRaised', kind: 'money', label: '自筹资金', required: true, help: '须与下方经费预算表「自筹资金」合计一致；没有自筹资金填 0' },
      { id: 'funding.total', kind: 'money', label: '项目总经费', required: true, help: '须等于经费预算表合计（财政资金＋自筹资金）' },
      {
        id: 'budget',
        kind: 'table',
        label: '经费预算表（万元）',
        required: true,
        columns: [
          { id: 'category', label: '科目', kind: 'text' },
          { id: 'fiscal', label: '财政资金', kind: 'money' },
          { id: 'selfRaised', label: '自筹资金', kind: 'money' },
          { id: 'note', label: '预算说明', kind: 'text' },
        ],
        fixedRows: BUDGET_ROWS,
        totals: ['fiscal', 'selfRaised'],
      },
    ],
  },
  { id: 'declarations', title: '承诺书', fields: [] },
  { id: 'attachments', title: '附件清单', fields: [] },
];
