/**
 * Administrative division codes of GB/T 2260 (中华人民共和国行政区划代码), as far as the app needs
 * them: every province-level unit; every prefecture-level unit of 新疆 and 甘肃; and the districts
 * and counties of the cities the guideline notices name (乌鲁木齐、克拉玛依、兰州、武威) plus the
 * county-level cities directly under the 新疆 government (where the 兵团's cities are). Other places
 * are chosen down to the deepest level listed here; a rule that needs a finer level says so.
 *
 * Codes are the six-digit codes of the 2020–2022 editions; only codes checked against the published
 * list are here. 新疆生产建设兵团 has no code of its own: its cities are listed under 659000, up to
 * 胡杨河市 (659010, 2019); a city set up later is chosen as 659000 itself until it is added here.
 */
export interface RegionNode {
  code: string;
  name: string;
  children?: RegionNode[];
}

const leaves = (list: [string, string][]): RegionNode[] => list.map(([code, name]) => ({ code, name }));

const XINJIANG: RegionNode = {
  code: '650000',
  name: '新疆维吾尔自治区',
  children: [
    {
      code: '650100',
      name: '乌鲁木齐市',
      children: leaves([
        ['650102', '天山区'],
        ['650103', '沙依巴克区'],
        ['650104', '新市区'],
        ['650105', '水磨沟区'],
        ['650106', '头屯河区'],
        ['650107', '达坂城区'],
        ['650109', '米东区'],
        ['650121', '乌鲁木齐县'],
      ]),
    },
    {
      code: '650200',
      name: '克拉玛依市',
      children: leaves([
        ['650202', '独山子区'],
        ['650203', '克拉玛依区'],
        ['650204', '白碱滩区'],
        ['650205', '乌尔禾区'],
      ]),
    },
    { code: '650400', name: '吐鲁番市' },
    { code: '650500', name: '哈密市' },
    { code: '652300', name: '昌吉回族自治州' },
    { code: '652700', name: '博尔塔拉蒙古自治州' },
    { code: '652800', name: '巴音郭楞蒙古自治州' },
    { code: '652900', name: '阿克苏地区' },
    { code: '653000', name: '克孜勒苏柯尔克孜自治州' },
    { code: '653100', name: '喀什地区' },
    { code: '653200', name: '和田地区' },
    { code: '654000', name: '伊犁哈萨克自治州' },
    { code: '654200', name: '塔城地区' },
    { code: '654300', name: '阿勒泰地区' },
    {
      code: '659000',
      name: '自治区直辖县级行政区划',
      children: leaves([
        ['659001', '石河子市'],
        ['659002', '阿拉尔市'],
        ['659003', '图木舒克市'],
        ['659004', '五家渠市'],
        ['659005', '北屯市'],
        ['659006', '铁门关市'],
        ['659007', '双河市'],
        ['659008', '可克达拉市'],
        ['659009', '昆玉市'],
        ['659010', '胡杨河市'],
      ]),
    },
  ],
};

const GANSU: RegionNode = {
  code: '620000',
  name: '甘肃省',
  children: [
    {
      code: '620100',
      name: '兰州市',
      children: leaves([
        ['620102', '城关区'],
        ['620103', '七里河区'],
        ['620104', '西固区'],
        ['620105', '安宁区'],
        ['620111', '红古区'],
        ['620121', '永登县'],
        ['620122', '皋兰县'],
        ['620123', '榆中县'],
      ]),
    },
    { code: '620200', name: '嘉峪关市' },
    { code: '620300', name: '金昌市' },
    { code: '620400', name: '白银市' },
    { code: '620500', name: '天水市' },
    {
      code: '620600',
      name: '武威市',
      children: leaves([
        ['620602', '凉州区'],
        ['620621', '民勤县'],
        ['620622', '古浪县'],
        ['620623', '天祝藏族自治县'],
      ]),
    },
    { code: '620700', name: '张掖市' },
    { code: '620800', name: '平凉市' },
    { code: '620900', name: '酒泉市' },
    { code: '621000', name: '庆阳市' },
    { code: '621100', name: '定西市' },
    { code: '621200', name: '陇南市' },
    { code: '622900', name: '临夏回族自治州' },
    { code: '623000', name: '甘南藏族自治州' },
  ],
};

/** The divisions as a tree, provinces in code order. */
export const REGION_TREE: readonly RegionNode[] = [
  { code: '110000', name: '北京市' },
  { code: '120000', name: '天津市' },
  { code: '130000', name: '河北省' },
  { code: '140000', name: '山西省' },
  { code: '150000', name: '内蒙古自治区' },
  { code: '210000', name: '辽宁省' },
  { code: '220000', name: '吉林省' },
  { code: '230000', name: '黑龙江省' },
  { code: '310000', name: '上海市' },
  { code: '320000', name: '江苏省' },
  { code: '330000', name: '浙江省' },
  { code: '340000', name: '安徽省' },
  { code: '350000', name: '福建省' },
  { code: '360000', name: '江西省' },
  { code: '370000', name: '山东省' },
  { code: '410000', name: '河南省' },
  { code: '420000', name: '湖北省' },
  { code: '430000', name: '湖南省' },
  { code: '440000', name: '广东省' },
  { code: '450000', name: '广西壮族自治区' },
  { code: '460000', name: '海南省' },
  { code: '500000', name: '重庆市' },
  { code: '510000', name: '四川省' },
  { code: '520000', name: '贵州省' },
  { code: '530000', name: '云南省' },
  { code: '540000', name: '西藏自治区' },
  { code: '610000', name: '陕西省' },
  GANSU,
  { code: '630000', name: '青海省' },
  { code: '640000', name: '宁夏回族自治区' },
  XINJIANG,
  { code: '710000', name: '台湾省' },
  { code: '810000', name: '香港特别行政区' },
  { code: '820000', name: '澳门特别行政区' },
];
