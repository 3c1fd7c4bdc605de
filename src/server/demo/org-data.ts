/**
 * Demo organisation, modelled on seed 000 (兴隆台区, 11 stations) plus an invented banner
 * county with 苏木/嘎查 naming under the same city. All people, townships and villages are invented.
 */
export const DEMO_PROVINCE = '辽宁省';
export const DEMO_CITY = '盘锦市';
export const DEMO_DISTRICT = '兴隆台区';
export const DEMO_BANNER = '查干旗';

/** The 11 stations of seed 000; the first seven carry the larger cosmetics quota. */
export const DISTRICT_STATIONS = ['创新', '兴隆', '振兴', '兴盛', '兴海', '惠宾', '渤海', '曙光', '欢喜岭', '新工', '高采'];

const TOWNSHIP_STEMS = [
  '和平',
  '友谊',
  '团结',
  '光明',
  '建设',
  '幸福',
  '胜利',
  '东风',
  '新华',
  '红旗',
  '向阳',
  '民主',
  '文化',
  '长青',
  '丰收',
  '永安',
  '太平',
  '富民',
  '兴业',
  '锦绣',
  '金秋',
  '育才',
];
const VILLAGE_STEMS = [
  '春晖',
  '瑞雪',
  '安居',
  '康乐',
  '福苑',
  '翠林',
  '滨河',
  '景苑',
  '桃源',
  '石桥',
  '柳岸',
  '松风',
  '泉水',
  '清溪',
  '双榆',
  '三合',
  '四方',
  '五福',
  '六合',
  '七星',
  '八里',
  '九龙',
  '十里',
  '北湖',
  '南园',
  '西岭',
  '东堤',
  '中和',
  '广厦',
  '聚贤',
];

export function townshipName(i: number, kind: '街道' | '镇' | '苏木') {
  return `${TOWNSHIP_STEMS[i % TOWNSHIP_STEMS.length]}${i >= TOWNSHIP_STEMS.length ? Math.floor(i / TOWNSHIP_STEMS.length) + 1 : ''}${kind}`;
}
export function villageName(i: number, kind: '社区' | '村' | '嘎查') {
  return `${VILLAGE_STEMS[i % VILLAGE_STEMS.length]}${i >= VILLAGE_STEMS.length ? Math.floor(i / VILLAGE_STEMS.length) + 1 : ''}${kind}`;
}

export const BANNER_STATIONS = ['查干', '巴彦', '乌兰'];

export const DEPARTMENTS = [
  '药品和医疗器械股',
  '化妆品股',
  '法制股',
  '投诉举报指挥中心',
  '知识产权股',
  '信用与网络监督管理股',
  '不良反应监测股',
];

const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段漕钱汤尹黎易常武乔贺赖龚文';
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国志宏晓东海波宁健斌俊峰凯雪琳晨欣怡浩然子轩雨桐思远佳慧嘉诚博文';

/** Deterministic invented Chinese names. */
export function personName(i: number) {
  const s = SURNAMES[(i * 7) % SURNAMES.length];
  const a = GIVEN[(i * 13 + 3) % GIVEN.length];
  const b = GIVEN[(i * 31 + 11) % GIVEN.length];
  return i % 3 === 0 ? s + a : s + a + b;
}

/** Demo accounts, one per role; documented in README. */
export const DEMO_PASSWORD = 'demo1234';
export const ADMIN_PASSWORD = 'admin123';
