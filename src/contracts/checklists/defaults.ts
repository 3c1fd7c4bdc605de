import type { Checklist, ViolationType } from '../campaigns.js';

/**
 * Bundled default checklists (检查表) and violation types (违法违规类型), used when a campaign's
 * definition has none for the inspected unit's kind. Items are drawn from the seed plans' violation
 * lists (seed 000 二（一）, seed 003 二（二）, seed 004 三（二）) and the common GSP points; an item cites
 * `articles` (keys of `contracts/legal-articles.ts`) only where the statute names the duty or the
 * penalty, otherwise it names the rule in words (`basis`, never an article number).
 * Shared by server and web: plain data, validated against the campaign `checklist` schema by the tests.
 */

type Section = Checklist['sections'][number];

const GSP = '药品经营质量管理规范';
const DEVICE_GSP = '医疗器械经营质量管理规范';

const retailPharmacy: Checklist = {
  key: 'retail-pharmacy',
  label: '零售药店监督检查表',
  kinds: ['pharmacy_chain', 'pharmacy_single'],
  sections: [
    {
      title: '许可与人员',
      items: [
        {
          key: 'licence',
          text: '是否持有有效的《药品经营许可证》，经营方式、经营范围、注册地址与许可一致，有无超范围经营',
          articles: ['drug-law-51', 'drug-law-115'],
        },
        {
          key: 'pharmacist',
          text: '执业药师（依法经过资格认定的药师）是否在岗，负责处方审核和调配、合理用药指导；有无挂证',
          articles: ['drug-law-58'],
          basis: GSP,
        },
        { key: 'licence-misuse', text: '有无伪造、变造、出租、出借许可证，或以“挂靠”方式经营', articles: ['drug-law-122'] },
        { key: 'chain', text: '连锁门店是否由总部统一采购配送、统一质量管理，有无“不连锁、假连锁”', basis: '药品零售连锁有关规定' },
      ],
    },
    {
      title: '购进与验收',
      items: [
        {
          key: 'source',
          text: '是否从药品上市许可持有人或具有药品生产、经营资格的企业购进药品，有无“走票”、从非法渠道购进或回收药品',
          articles: ['drug-law-55', 'drug-law-129'],
        },
        { key: 'acceptance', text: '是否执行进货检查验收制度，查验药品合格证明和其他标识', articles: ['drug-law-56'] },
        {
          key: 'records',
          text: '购进、销售记录是否真实、完整（通用名称、剂型、规格、批号、有效期、上市许可持有人、生产企业、购销单位、数量、价格、日期）',
          articles: ['drug-law-57', 'drug-law-130'],
        },
        { key: 'invoices', text: '票、账、货、款是否一致', basis: GSP },
      ],
    },
    {
      title: '销售与处方',
      items: [
        {
          key: 'prescription',
          text: '处方药是否凭处方销售，处方是否经审核、调配核对并按规定保存；有无不按规定量销售处方药',
          articles: ['drug-law-58', 'drug-law-130'],
          basis: '处方药与非处方药分类管理',
        },
        { key: 'rx-display', text: '处方药与非处方药是否分区陈列，处方药有无开架自选', basis: GSP },
        { key: 'usage', text: '零售药品是否准确无误，并正确说明用法、用量和注意事项', articles: ['drug-law-58', 'drug-law-130'] },
        {
          key: 'compound',
          text: '含麻黄碱类、可待因、曲马多等含特殊药品复方制剂是否按规定限量销售、查验并登记购买者身份',
          basis: '含特殊药品复方制剂管理规定',
        },
        {
          key: 'controlled',
          text: '有无销售麻醉药品、第一类精神药品、药品类易制毒化学品；销售第二类精神药品是否经批准并凭处方限量销售',
          basis: '麻醉药品和精神药品管理规定',
        },
        {
          key: 'splitting',
          text: '拆零销售是否在专门区域、使用洁净工具，拆零包装标明品名、规格、用法、用量、批号、有效期和药店名称，并有拆零记录',
          basis: GSP,
        },
        {
          key: 'herbal',
          text: '中药饮片是否购自合法渠道、装斗复核，有无霉变、虫蛀、掺杂使假；销售中药材是否标明产地',
          articles: ['drug-law-58'],
          basis: GSP,
        },
        { key: 'non-drug', text: '药品与非药品是否分区陈列，有无以非药品冒充药品销售', articles: ['drug-law-98'] },
      ],
    },
    {
      title: '储存与质量',
      items: [
        {
          key: 'temperature',
          text: '是否配备温湿度监测设备并按规定监测、记录，陈列和储存温湿度符合药品说明书要求',
          articles: ['drug-law-59'],
          basis: GSP,
        },
        { key: 'cold-chain', text: '冷藏药品是否在冷藏设备中储存，冷链不脱节，温度记录完整', articles: ['drug-law-59'] },
        { key: 'expired', text: '有无过期、变质等劣药，近效期药品是否按规定管理', articles: ['drug-law-98', 'drug-law-117'] },
      ],
    },
    {
      title: '网络销售、追溯与不良反应',
      items: [
        {
          key: 'online',
          text: '通过网络销售药品的，是否遵守药品经营的有关规定，有无网络销售疫苗、麻醉药品、精神药品等禁止网售的药品',
          articles: ['drug-law-61'],
        },
        { key: 'traceability', text: '是否落实药品追溯制度，集采中选药品等是否扫码出入库', basis: '药品追溯制度' },
        { key: 'adr', text: '是否建立药品不良反应报告制度，发现疑似不良反应是否及时报告', articles: ['drug-law-81'] },
      ],
    },
  ],
};

const medicalUse: Checklist = {
  key: 'medical-use',
  label: '医疗机构药品使用监督检查表',
  kinds: ['medical_institution', 'clinic', 'cdc', 'vaccination_site', 'medical_aesthetics'],
  sections: [
    {
      title: '人员与购进',
      items: [
        {
          key: 'pharmacist',
          text: '是否配备依法经过资格认定的药师或其他药学技术人员，负责药品管理、处方审核和调配、合理用药指导',
          articles: ['drug-law-69'],
        },
        { key: 'source', text: '是否从合法渠道购进药品，有无使用回收药品、从非法渠道购进药品', articles: ['drug-law-55', 'drug-law-129'] },
        { key: 'acceptance', text: '是否建立并执行进货检查验收制度，验证药品合格证明和其他标识', articles: ['drug-law-70'] },
        { key: 'records', text: '药品购进、验收记录是否真实、完整、可追溯', basis: '药品经营和使用质量监督管理办法' },
      ],
    },
    {
      title: '储存与质量',
      items: [
        {
          key: 'storage',
          text: '是否有与所使用药品相适应的场所、设备和仓储设施，执行药品保管制度，采取冷藏、防冻、防潮、防虫、防鼠等措施',
          articles: ['drug-law-71'],
        },
        { key: 'temperature', text: '药房、药库温湿度是否按规定监测、记录并符合药品说明书要求', articles: ['drug-law-71'] },
        { key: 'cold-chain', text: '冷藏药品是否在冷藏设备中储存，冷链不脱节，温度记录完整', articles: ['drug-law-71'] },
        { key: 'expired', text: '有无使用过期、变质等劣药', articles: ['drug-law-98', 'drug-law-117'] },
      ],
    },
    {
      title: '特殊药品、制剂与进口药品',
      items: [
        {
          key: 'controlled',
          text: '麻醉药品、精神药品等特殊管理药品是否专库（柜）、专人、专账管理，有无异常采购、使用',
          basis: '麻醉药品和精神药品管理规定',
        },
        { key: 'preparations', text: '有无违规购进、使用医疗机构制剂、精神类药品', basis: '药品使用环节违法违规行为（专项行动方案所列）' },
        { key: 'imported', text: '有无使用非正规渠道进口的药品', basis: '药品使用环节违法违规行为（专项行动方案所列）' },
        { key: 'adr', text: '是否建立药品不良反应报告制度，发现疑似不良反应是否及时报告', articles: ['drug-law-81'] },
      ],
    },
    {
      title: '疫苗（疾控机构、接种单位适用）',
      items: [
        { key: 'vaccine-cold-chain', text: '疫苗是否按规定冷链储存、运输，温度监测记录完整', basis: '疫苗储存和运输管理规范' },
        { key: 'vaccine-records', text: '疫苗接收、购进、储存、配送、供应、接种记录是否真实、完整，可追溯', basis: '疫苗管理法' },
      ],
    },
    {
      title: '医疗器械与医疗美容产品',
      items: [
        { key: 'devices', text: '有无使用未依法注册、无合格证明文件、过期、失效、淘汰的医疗器械', articles: ['device-reg-86'] },
        {
          key: 'aesthetics',
          text: '医疗美容所用注射用A型肉毒毒素、透明质酸钠、射频类仪器、注输穿刺器具、整形植入物是否已注册或备案、有中文标识、购自合法渠道',
          articles: ['device-reg-86'],
          basis: '医疗美容领域高风险产品（专项行动方案所列）',
        },
      ],
    },
  ],
};

const deviceBase: Section[] = [
  {
    title: '资质与条件',
    items: [
      {
        key: 'licence',
        text: '经营第三类医疗器械是否取得《医疗器械经营许可证》，经营第二类医疗器械是否备案；经营范围、经营场所、库房地址与许可或备案一致',
        articles: ['device-reg-41', 'device-reg-42', 'device-reg-81', 'device-reg-84'],
      },
      { key: 'false-filing', text: '备案时是否提供虚假材料', basis: '医疗器械经营监督管理办法' },
      { key: 'licence-misuse', text: '有无伪造资质证明文件、出租出借证照等非法购进销售医疗器械', basis: '医疗器械经营监督管理办法' },
      {
        key: 'conditions',
        text: '是否有与经营规模和经营范围相适应的经营场所和贮存条件，以及质量管理制度和质量管理机构或人员',
        articles: ['device-reg-40'],
      },
    ],
  },
  {
    title: '购进与记录',
    items: [
      {
        key: 'source',
        text: '是否从具备合法资质的注册人、备案人、生产经营企业购进，查验供货者资质和合格证明文件，建立进货查验记录',
        articles: ['device-reg-45'],
      },
      {
        key: 'sales-records',
        text: '从事第二类、第三类医疗器械批发或第三类医疗器械零售的，是否建立并执行销售记录制度',
        articles: ['device-reg-45'],
      },
    ],
  },
  {
    title: '产品与储存',
    items: [
      { key: 'unregistered', text: '有无经营未经注册或者备案的医疗器械', articles: ['device-reg-81', 'device-reg-84', 'device-reg-86'] },
      { key: 'expired', text: '有无经营无合格证明文件、过期、失效、淘汰的医疗器械（含过期诊断试剂）', articles: ['device-reg-86'] },
      { key: 'storage', text: '贮存、运输是否符合说明书和标签标示的要求', basis: DEVICE_GSP },
      { key: 'online', text: '通过网络销售医疗器械的，是否依规备案并遵守网络销售规定', basis: '医疗器械网络销售监督管理办法' },
    ],
  },
];

const deviceDealer: Checklist = {
  key: 'device-dealer',
  label: '医疗器械经营企业监督检查表',
  kinds: ['device_dealer'],
  sections: deviceBase,
};

/** 三级监管 (the highest supervision level): the base points plus the focus of that level. */
const deviceDealerLevel3: Checklist = {
  key: 'device-dealer-3',
  label: '医疗器械经营企业监督检查表（三级监管）',
  kinds: ['device_dealer'],
  deviceLevels: ['3'],
  sections: [
    ...deviceBase,
    {
      title: '三级监管重点',
      items: [
        { key: 'quality-manager', text: '质量负责人是否在职在岗、履行质量管理职责', basis: DEVICE_GSP },
        { key: 'cold-chain', text: '冷藏、冷冻医疗器械是否按要求储存、运输，有温度监测记录', basis: '医疗器械冷链（运输、贮存）管理指南' },
        { key: 'implants', text: '无菌和植入性医疗器械的购进、销售记录是否可追溯到产品批号或序列号', basis: DEVICE_GSP },
        { key: 'it-system', text: '是否建立符合经营质量管理要求的计算机信息管理系统', basis: DEVICE_GSP },
      ],
    },
  ],
};

const cosmetics: Checklist = {
  key: 'cosmetics',
  label: '化妆品经营者监督检查表',
  kinds: ['cosmetics_maternal', 'cosmetics_store', 'cosmetics_counter', 'beauty_salon', 'hair_salon', 'hotel', 'bathhouse'],
  sections: [
    {
      title: '进货查验',
      items: [
        {
          key: 'records',
          text: '是否建立并执行进货查验记录制度，查验供货者的市场主体登记证明、化妆品注册或备案情况、产品出厂检验合格证明，如实记录并保存凭证',
          articles: ['cosmetics-reg-31'],
        },
        {
          key: 'service-use',
          text: '美容美发、宾馆、洗浴等场所使用或向消费者提供的化妆品是否同样查验、记录',
          basis: '化妆品监督管理条例（经营中使用化妆品者的义务）',
        },
      ],
    },
    {
      title: '产品',
      items: [
        {
          key: 'unregistered',
          text: '有无经营、使用未经注册的特殊化妆品或未备案的普通化妆品',
          articles: ['cosmetics-reg-59', 'cosmetics-reg-61'],
        },
        {
          key: 'special-children',
          text: '儿童化妆品和特殊化妆品（染发、烫发、祛斑美白、防晒、防脱发等）注册、备案信息是否与产品一致',
          articles: ['cosmetics-reg-59', 'cosmetics-reg-61'],
        },
        { key: 'self-made', text: '有无自行配制化妆品', articles: ['cosmetics-reg-31', 'cosmetics-reg-60'] },
        { key: 'expired', text: '有无经营变质、超过使用期限的化妆品', articles: ['cosmetics-reg-60'] },
        { key: 'label', text: '有无无中文标签、标签虚假夸大功效、明示或暗示医疗作用的化妆品', basis: '化妆品标签管理办法' },
      ],
    },
    {
      title: '储存与网络经营',
      items: [
        {
          key: 'storage',
          text: '是否按标签标示的要求贮存化妆品，定期检查并及时处理变质或超过使用期限的化妆品',
          basis: '化妆品监督管理条例（贮存、运输要求）',
        },
        { key: 'online', text: '通过网络经营化妆品的，是否遵守网络经营规定，展示的信息与产品一致', basis: '化妆品网络经营监督管理办法' },
      ],
    },
  ],
};

/** For any kind without a checklist of its own (批发、生产、网络销售、使用单位 …). */
export const GENERIC_CHECKLIST: Checklist = {
  key: 'generic',
  label: '通用监督检查表',
  sections: [
    {
      title: '资质',
      items: [
        {
          key: 'licence',
          text: '是否持有有效的许可证或备案凭证，经营（使用）范围、地址与许可或备案一致',
          basis: '药品、医疗器械、化妆品许可和备案规定',
        },
      ],
    },
    {
      title: '购进与记录',
      items: [
        { key: 'source', text: '产品是否购自合法渠道，票据齐全', basis: '购进渠道管理规定' },
        { key: 'records', text: '是否执行进货查验记录制度，记录真实、完整、可追溯', basis: '进货查验记录制度' },
      ],
    },
    {
      title: '产品与储存',
      items: [
        { key: 'quality', text: '有无未经注册或备案、无合格证明、过期、失效、变质的产品', basis: '产品质量管理规定' },
        { key: 'storage', text: '储存、运输条件是否符合说明书和标签标示的要求', basis: '储存、运输管理规定' },
      ],
    },
  ],
};

/** Default checklists by kind; a device-level variant comes before the kind's general one only by specificity (see `checklistFor`). */
export const DEFAULT_CHECKLISTS: readonly Checklist[] = [retailPharmacy, medicalUse, deviceDealer, deviceDealerLevel3, cosmetics];

/** Default catalogue of violation types (违法违规类型), for campaigns that give none. */
export const DEFAULT_VIOLATION_TYPES: readonly ViolationType[] = [
  { key: 'unlicensed', label: '无证经营（未取得许可或未备案）', articles: ['drug-law-115', 'device-reg-81', 'device-reg-84'] },
  { key: 'licence-misuse', label: '伪造、出租出借证照，“挂靠”“走票”', articles: ['drug-law-122'] },
  { key: 'illegal-source', label: '从非法渠道购进或使用回收产品', articles: ['drug-law-129'] },
  { key: 'fake-drug', label: '销售、使用假药（含以非药品冒充药品）', articles: ['drug-law-98', 'drug-law-116'] },
  { key: 'substandard-drug', label: '销售、使用劣药（含过期药品）', articles: ['drug-law-98', 'drug-law-117'] },
  { key: 'gsp', label: '未遵守药品经营质量管理规范', articles: ['drug-law-53', 'drug-law-126'] },
  { key: 'records', label: '购销记录不全、未正确说明用法用量或未按规定调配处方', articles: ['drug-law-57', 'drug-law-130'] },
  { key: 'prescription', label: '处方药未凭处方销售' },
  { key: 'controlled', label: '违规经营使用特殊药品、含特殊药品复方制剂' },
  { key: 'cold-chain', label: '冷藏冷冻产品脱离冷链储运' },
  { key: 'online', label: '网络违法违规销售', articles: ['drug-law-61'] },
  { key: 'unregistered-device', label: '经营使用未经注册或备案的医疗器械', articles: ['device-reg-81', 'device-reg-84', 'device-reg-86'] },
  { key: 'unqualified-device', label: '经营使用无合格证明文件、过期、失效、淘汰的医疗器械', articles: ['device-reg-86'] },
  { key: 'device-records', label: '未执行医疗器械进货查验或销售记录制度', articles: ['device-reg-45'] },
  { key: 'unregistered-cosmetics', label: '经营使用未经注册或备案的化妆品', articles: ['cosmetics-reg-59', 'cosmetics-reg-61'] },
  { key: 'cosmetics-quality', label: '擅自配制化妆品，经营变质、超过使用期限的化妆品', articles: ['cosmetics-reg-60'] },
  { key: 'cosmetics-records', label: '未执行化妆品进货查验记录制度', articles: ['cosmetics-reg-31'] },
  { key: 'label', label: '无中文标签、标签虚假夸大或明示暗示医疗作用' },
  { key: 'advertising', label: '违法广告' },
  { key: 'other', label: '其他' },
];
