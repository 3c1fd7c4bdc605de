import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCreditCode } from '../contracts/credit-code.js';
import { IMPORT_COLUMNS } from '../contracts/entities.js';
import { tableFingerprints } from '../test/fingerprint.js';
import { createTestApp, type Client, type TestApp } from '../test/app.js';
import { multipartFile } from '../test/multipart.js';
import { addDays } from '../contracts/calendar.js';
import { reportingPlan } from './modules/reports/submissions/fixture.js';
import { seedDemoCampaigns } from './demo/seed-campaigns.js';
import { seedDemoDocuments } from './demo/seed-documents.js';
import { seedDemoEntities } from './demo/seed-entities.js';
import { adrCsv, adrRow } from './modules/adr/test-helpers.js';

/** An ADR report form body of 兴隆台区 (modules/adr). */
const adrForm = (reportCode: string, over: Record<string, unknown> = {}) => ({
  kind: 'drug',
  reportCode,
  reporterName: '兴隆台区人民医院',
  reporterKind: 'medical',
  patientSex: 'male',
  drugs: [{ genericName: '审计测试药' }],
  reactions: ['皮疹'],
  seriousness: 'general',
  isNew: false,
  onsetOn: '2026-05-01',
  reportedOn: '2026-05-02',
  outcome: 'improved',
  death: false,
  ...over,
});

/**
 * "One transaction with the change and its audit row", for every write the API offers.
 *
 * The write routes are read from the app itself (its OpenAPI document), so a new route fails this
 * file until it has an example here (or is listed as writing no audit row, with the reason). For
 * each audited write: the database refuses every audit insert (a trigger raising an error, a real
 * failure of the real insert), the request must fail and leave every table exactly as it was; then,
 * with the trigger gone, the same request must succeed and add its audit row — so the example does
 * write, and the first half proves the write is undone with its audit. A use case that wrote its
 * audit after committing the change, or outside the transaction, fails here.
 */
let t: TestApp;
const c: Record<string, Client> = {};
const rows = async (q: ReturnType<typeof sql>) => ((await t.database.db.execute(q)) as any).rows as any[];

type Req = { method?: string; url: string; payload?: unknown; headers?: Record<string, string> };
interface Example {
  /** Who sends it (a demo account), or null for a request without a session. */
  who: string | null;
  /** Builds the request, creating what it needs first (without the failure). */
  prepare: () => Promise<Req>;
  /**
   * Tables the failed request may still change outside the write, with the reason (checked: only
   * these). Such an example is retried with a fresh request, as the failure is on record.
   */
  recordsFailure?: Record<string, string>;
}

/** Write routes that write no audit row, and why. */
const NOT_AUDITED: Record<string, string> = {
  'POST /api/campaigns/validate': 'checks a definition and stores nothing',
  'POST /api/campaigns/draft': 'reads pasted text into a proposed definition and stores nothing',
  'POST /api/entity-imports': 'stages the uploaded file as an import job; confirming it is the audited write',
  'PUT /api/entity-imports/:id/mapping': 'changes the staged job only; confirming it is the audited write',
  'POST /api/campaigns/:id/tasks/:no/units/:orgUnitId/evidence': 'stores a file; reporting progress with it is the audited write',
  'POST /api/adr-imports': 'stages the uploaded file as an import job; confirming it is the audited write',
};

let seq = 0;
const uniq = () => `${Date.now().toString(36)}${++seq}`;
const nextCode = () => makeCreditCode('92', '211103', `7${String(++seq).padStart(7, '0')}`);

const winterPlan = () => ({
  schemaVersion: 1,
  name: `审计原子性测试${uniq()}`,
  issuer: '兴隆台区市场监督管理局',
  period: { from: '2026-12-01', to: '2027-02-28' },
  phases: [{ key: 'all', name: '全程', from: '2026-12-01', to: '2027-02-28' }],
  quotas: [
    {
      id: 'retail',
      label: '零售药店抽查不低于30%',
      population: { kinds: ['pharmacy_chain', 'pharmacy_single'] },
      target: { type: 'share', min: 0.3 },
    },
  ],
  organisation: {
    leadingGroup: { name: '专班', leader: { name: '测试组长', title: '副局长', unit: '本局' } },
    office: { unit: '药品和医疗器械股' },
  },
  tasks: [{ no: 1, task: '摸底', target: '建立台账', content: '各所摸清辖区经营户', units: ['各市场监管所'] }],
  liaisons: { units: ['各市场监管所'] },
});

let campaignId: number;
const api = (who: string) => c[who];
async function ok(res: { statusCode: number; body: string; json(): any }) {
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const newTip = async () =>
  (
    await ok(
      await api('coordinator').post('/api/tips', { kind: 'clue', title: `线索${uniq()}`, place: '友谊街道', occurredOn: '2026-11-01' }),
    )
  ).id as number;
const userId = async (u: string) => (await rows(sql`select id from users where username = ${u}`))[0].id as number;
const riskBody = async () => {
  const [e] = await rows(sql`select id from entities where jurisdiction_id = ${t.org.stations['创新'].jurisdictionId} order by id limit 1`);
  return {
    channel: 'complaint',
    category: 'drug',
    title: `风险${uniq()}`,
    description: '投诉反映不凭处方销售处方药',
    level: 'general',
    ownerId: await userId('inspector_cx'),
    deadline: '2099-01-01',
    entityIds: [e.id],
  };
};
const newRisk = async () => (await ok(await api('inspector_cx').post('/api/risks', await riskBody()))) as { id: number; version: number };
const newDraftPlan = async () => (await ok(await api('office').post('/api/plans', { campaignId, seed: ++seq }))) as { id: number };
/** An open (planned) inspection of 创新所 from a published plan (a plan is published first if none is). */
async function publishedTask() {
  const open = () =>
    rows(sql`select i.id as "inspectionId", i.plan_task_id as id, i.inspector_ids from inspections i
    where i.status = 'planned' and i.plan_task_id is not null and i.jurisdiction_id = ${t.org.stations['创新'].jurisdictionId} order by i.id limit 1`);
  let [task] = await open();
  if (!task) {
    const p = await newDraftPlan();
    await ok(await api('office').post(`/api/plans/${p.id}/publish`, { overlap: 'keep' }));
    [task] = await open();
  }
  return { ...task, inspectors: (task.inspector_ids as number[]).map((id) => ({ id })) };
}
async function recordedInspection() {
  const task = await publishedTask();
  const rec = await ok(
    await api('inspector_cx').post('/api/inspections', {
      planTaskId: task.id,
      date: '2022-07-01',
      inspectorIds: task.inspectors.map((i: any) => i.id),
    }),
  );
  return { ...rec, inspectorIds: task.inspectors.map((i: any) => i.id) as number[] };
}
/** An on-site inspection of a 创新所 unit by inspector_cx and head_cx: signed by both (complete) or by inspector_cx only (待签名). */
async function onSiteInspection(complete: boolean, measures: unknown[] = []) {
  const png = `data:image/png;base64,${(
    await sharp({ create: { width: 20, height: 10, channels: 4, background: '#000' } })
      .png()
      .toBuffer()
  ).toString('base64')}`;
  const people = await rows(sql`select id, username from users where username in ('inspector_cx','head_cx')`);
  const id = (u: string) => people.find((p) => p.username === u).id as number;
  const [e] = await rows(
    sql`select id from entities where jurisdiction_id = ${t.org.stations['创新'].jurisdictionId} order by id desc limit 1 offset ${seq++}`,
  );
  const signatures = [
    { signer: 'inspector', userId: id('inspector_cx'), image: png },
    { signer: 'unit', name: '店长', image: png },
    ...(complete ? [{ signer: 'inspector', userId: id('head_cx'), password: 'demo1234', image: png }] : []),
  ];
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const deadline = new Date(Date.now() + 8 * 3600_000 + 10 * 86_400_000).toISOString().slice(0, 10);
  const res = await ok(
    await api('inspector_cx').post('/api/inspections', {
      entityId: e.id,
      kind: 'special',
      date: today,
      inspectorIds: [id('inspector_cx'), id('head_cx')],
      findings: measures.length ? [{ severity: 'general', description: '进货查验记录不全' }] : [],
      measures: (measures as { kind: string }[]).map((m) => (m.kind === 'rectify' ? { ...m, deadline } : m)),
      signatures,
    }),
  );
  return { ...res, png, headId: id('head_cx') };
}

const clueInput = () => ({ source: 'online', summary: `网络监测线索${uniq()}`, receivedOn: '2026-11-20' });
const newClue = async () => (await ok(await api('inspector_cx').post('/api/clues', clueInput()))) as { id: number };
async function verifyingClue() {
  const x = await newClue();
  await ok(await api('inspector_cx').post(`/api/clues/${x.id}/transition`, { action: 'verify', version: 1 }));
  return x;
}
async function newTransfer(): Promise<number> {
  const x = await verifyingClue();
  const res = await ok(
    await api('office').post(`/api/clues/${x.id}/transition`, {
      action: 'transfer',
      transfer: { target: 'police', receivingBody: '兴隆台公安分局', transferredOn: '2026-11-25' },
      version: 2,
    }),
  );
  return res.transfers[0].id;
}
const jpeg = () =>
  sharp({ create: { width: 16, height: 16, channels: 3, background: '#888' } })
    .jpeg()
    .toBuffer();
const assistInput = () => ({
  direction: 'incoming',
  counterpart: '邻县市场监督管理局',
  subject: `协查药品流向${uniq()}`,
  content: '请协查辖区药店是否购进该批次药品。',
  date: '2026-11-10',
  dueOn: '2026-11-24',
});
const newAssist = async () => (await ok(await api('inspector_cx').post('/api/assist-requests', assistInput()))).id as number;
const complaintInput = () => ({
  kind: 'report',
  channel: 'hotline',
  receivedOn: '2026-11-20',
  realName: false,
  jurisdictionId: t.org.stations['创新'].jurisdictionId,
  summary: `举报无证经营${uniq()}`,
  content: '有人在家中销售药品。',
});
const newComplaint = async () => (await ok(await api('dept').post('/api/complaints', complaintInput()))) as { id: number };
async function acceptedComplaint() {
  const x = await newComplaint();
  await ok(await api('dept').post(`/api/complaints/${x.id}/transition`, { action: 'accept', version: 1 }));
  return x;
}

let planYear = 2040;
/** A sampling record of a 创新所 unit, taken to `stage` (sampled, testing, unqualified, delivered). */
async function samplingBody() {
  const people = await rows(sql`select id, username from users where username in ('inspector_cx','head_cx') order by username`);
  const [e] = await rows(sql`select id from entities where jurisdiction_id = ${t.org.stations['创新'].jurisdictionId} order by id limit 1`);
  return {
    entityId: e.id,
    category: 'drug',
    productName: '黄连上清片',
    batchNo: `B${uniq()}`,
    manufacturer: '某某制药有限公司',
    quantity: 6,
    quantityUnit: '盒',
    samplerIds: people.map((p) => p.id as number),
    sampledOn: '2026-11-02',
  };
}
async function samplingRecord(stage: 'sampled' | 'testing' | 'unqualified' | 'delivered') {
  let r = await ok(await api('inspector_cx').post('/api/sampling-records', await samplingBody()));
  if (stage === 'sampled') return r;
  r = await ok(
    await api('inspector_cx').post(`/api/sampling-records/${r.id}/send`, { labName: '市药检所', sentOn: '2026-11-03', version: r.version }),
  );
  if (stage === 'testing') return r;
  r = await ok(
    await api('inspector_cx').post(`/api/sampling-records/${r.id}/result`, {
      verdict: 'unqualified',
      failedItems: [{ item: '含量测定', standard: '《中国药典》2020年版一部' }],
      reportNo: `JY${uniq()}`,
      labName: '市药检所',
      reportDate: '2026-11-20',
      receivedOn: '2026-11-23',
      version: r.version,
    }),
  );
  if (stage === 'unqualified') return r;
  return ok(
    await api('inspector_cx').post(`/api/sampling-records/${r.id}/follow-up`, {
      measures: ['seal'],
      deliveredOn: '2026-11-24',
      version: r.version,
    }),
  );
}

async function peopleSheet(username: string) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('人员');
  ws.addRow(['姓名', '用户名', '所属机构', '角色', '数据范围', '负责辖区', '职务', '手机', '邮箱']);
  ws.addRow(['导入人员', username, '创新市场监督管理所', '监管所检查员', '', '', '', '', '']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const EXAMPLES: Record<string, Example> = {
  'PUT /api/calendar/:year': {
    who: 'admin',
    prepare: async () => {
      const [row] = await rows(sql`select version from calendar_years where year = 2030`);
      return {
        url: '/api/calendar/2030',
        payload: { holidays: [{ date: '2030-01-01', name: '元旦' }], workdays: [], version: row?.version ?? 0 },
      };
    },
  },
  'POST /api/auth/login': {
    who: null,
    recordsFailure: {
      login_failures: 'every sign-in attempt is counted before its password is checked, so parallel guesses cannot pass the limit',
    },
    prepare: async () => ({ url: '/api/auth/login', payload: { username: 'viewer', password: 'demo1234' } }),
  },
  'POST /api/auth/logout': {
    who: null,
    prepare: async () => {
      const token = (
        await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'viewer', password: 'demo1234', bearer: true } })
      ).json().token;
      return { url: '/api/auth/logout', headers: { authorization: `Bearer ${token}` } };
    },
  },
  'POST /api/auth/change-password': {
    who: 'dept',
    // Back and forth: the second (successful) run changes it once.
    prepare: async () => ({ url: '/api/auth/change-password', payload: { oldPassword: 'demo1234', newPassword: 'newpass2026' } }),
  },
  'POST /api/jurisdictions': {
    who: 'admin',
    prepare: async () => ({ url: '/api/jurisdictions', payload: { parentId: t.org.districtId, name: `测试街道${uniq()}` } }),
  },
  'PATCH /api/jurisdictions/:id': {
    who: 'admin',
    prepare: async () => ({
      url: `/api/jurisdictions/${t.org.stations['兴隆'].townshipIds[0]}`,
      payload: { name: `改名街道${uniq()}`, version: await t.version('jurisdictions', t.org.stations['兴隆'].townshipIds[0]) },
    }),
  },
  'POST /api/org-units': {
    who: 'admin',
    prepare: async () => ({
      url: '/api/org-units',
      payload: { jurisdictionId: t.org.districtId, kind: 'department', name: `测试股${uniq()}` },
    }),
  },
  'PATCH /api/org-units/:id': {
    who: 'admin',
    prepare: async () => ({
      url: `/api/org-units/${t.org.stations['兴隆'].orgUnitId}`,
      payload: { phone: `0427-${String(1000000 + seq++)}`, version: await t.version('org_units', t.org.stations['兴隆'].orgUnitId) },
    }),
  },
  'POST /api/people': {
    who: 'admin',
    prepare: async () => ({
      url: '/api/people',
      payload: { username: `p${uniq()}`, displayName: '测试人员', role: 'inspector', orgUnitId: t.org.stations['兴隆'].orgUnitId },
    }),
  },
  'PATCH /api/people/:id': {
    who: 'admin',
    prepare: async () => {
      const [p] = await rows(sql`select id from users where username = 'inspector_xl'`);
      return { url: `/api/people/${p.id}`, payload: { title: `职务${uniq()}`, version: await t.version('users', p.id) } };
    },
  },
  'POST /api/people/:id/reset-password': {
    who: 'admin',
    prepare: async () => {
      const [p] = await rows(sql`select id from users where username = 'enforcer'`);
      return { url: `/api/people/${p.id}/reset-password` };
    },
  },
  'POST /api/people/import': {
    who: 'admin',
    prepare: async () => {
      const m = multipartFile(
        'file',
        '人员.xlsx',
        await peopleSheet(`imp${uniq()}`),
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      return { url: '/api/people/import?dryRun=false', payload: m.payload, headers: m.headers };
    },
  },
  'POST /api/entities': {
    who: 'office',
    prepare: async () => ({
      url: '/api/entities',
      payload: {
        name: `审计测试诊所${uniq()}`,
        creditCode: nextCode(),
        kind: 'clinic',
        jurisdictionId: t.org.stations['创新'].jurisdictionId,
      },
    }),
  },
  'PATCH /api/entities/:id': {
    who: 'office',
    prepare: async () => {
      const [e] = await rows(sql`select id from entities order by id limit 1`);
      return {
        url: `/api/entities/${e.id}`,
        payload: { phone: `139${String(10000000 + ++seq)}`, version: await t.version('entities', e.id) },
      };
    },
  },
  'POST /api/entity-imports/:id/confirm': {
    who: 'office',
    recordsFailure: {
      entity_imports: 'the import records that it failed and imported nothing',
      jobs: 'the import runs as a background job, which records its failure',
    },
    prepare: async () => {
      const header = IMPORT_COLUMNS.map((x) => x.header);
      const row: Record<string, string> = {
        单位名称: `导入药房${uniq()}`,
        统一社会信用代码: nextCode(),
        主体类型: '零售药店（连锁门店）',
        所属监管所: '创新所',
      };
      const text = [header.join(','), header.map((h) => row[h] ?? '').join(',')].join('\r\n') + '\r\n';
      const m = multipartFile('file', '单位.csv', Buffer.from(text));
      const job = await ok(
        await api('office').request({ method: 'POST', url: '/api/entity-imports', payload: m.payload, headers: m.headers }),
      );
      expect(job.status, JSON.stringify(job.errors)).toBe('validated');
      return { url: `/api/entity-imports/${job.id}/confirm?wait=true` };
    },
  },
  'POST /api/campaigns': { who: 'office', prepare: async () => ({ url: '/api/campaigns', payload: { definition: winterPlan() } }) },
  'PUT /api/campaigns/:id/definition': {
    who: 'office',
    prepare: async () => {
      const { id } = await ok(await api('office').post('/api/campaigns', { definition: winterPlan() }));
      const definition = (await ok(await api('office').get(`/api/campaigns/${id}/home`))).definition;
      return {
        method: 'PUT',
        url: `/api/campaigns/${id}/definition`,
        payload: {
          definition: { ...definition, issuer: '兴隆台区市场监督管理局（修订）' },
          note: '修订',
          version: await t.version('campaigns', id),
        },
      };
    },
  },
  'POST /api/campaigns/:id/confirm': {
    who: 'office',
    prepare: async () => {
      const { id } = await ok(await api('office').post('/api/campaigns', { template: 'seed-000' }));
      const home = await ok(await api('office').get(`/api/campaigns/${id}/home`));
      const inferred = home.pending.inferred.find((x: { kind: string }) => x.kind === 'inferred');
      expect(inferred, 'seed 000 has inferred values to confirm').toBeTruthy();
      return { url: `/api/campaigns/${id}/confirm`, payload: { path: inferred.path, note: '经局务会确认' } };
    },
  },
  'POST /api/campaigns/:id/readings/:key': {
    who: 'office',
    prepare: async () => {
      const { id } = await ok(await api('office').post('/api/campaigns', { template: 'seed-000' }));
      const home = await ok(await api('office').get(`/api/campaigns/${id}/home`));
      const r = home.pending.readings[0];
      const other = r.options.find((o: { key: string }) => o.key !== r.chosen);
      return { url: `/api/campaigns/${id}/readings/${r.key}`, payload: { option: other.key } };
    },
  },
  'POST /api/campaigns/:id/status': {
    who: 'office',
    prepare: async () => {
      const { id } = await ok(await api('office').post('/api/campaigns', { definition: winterPlan(), status: 'draft' }));
      return { url: `/api/campaigns/${id}/status`, payload: { status: 'active' } };
    },
  },
  'PUT /api/campaigns/:id/liaisons/:orgUnitId': {
    who: 'inspector_cx',
    prepare: async () => {
      const { id } = await ok(await api('office').post('/api/campaigns', { definition: winterPlan(), status: 'active' }));
      return {
        method: 'PUT',
        url: `/api/campaigns/${id}/liaisons/${t.org.stations['创新'].orgUnitId}`,
        payload: { name: '周联络', mobile: '13900001111', version: 0 },
      };
    },
  },
  'PUT /api/campaigns/:id/tasks/:no/units/:orgUnitId': {
    who: 'inspector_cx',
    prepare: async () => {
      const { id } = await ok(await api('office').post('/api/campaigns', { definition: winterPlan(), status: 'active' }));
      return {
        method: 'PUT',
        url: `/api/campaigns/${id}/tasks/1/units/${t.org.stations['创新'].orgUnitId}`,
        payload: { status: 'done', note: '已建台账', evidence: [], version: 0 },
      };
    },
  },
  'POST /api/plans': { who: 'office', prepare: async () => ({ url: '/api/plans', payload: { campaignId, seed: ++seq } }) },
  'POST /api/plans/:id/publish': { who: 'office', prepare: async () => ({ url: `/api/plans/${(await newDraftPlan()).id}/publish` }) },
  'POST /api/plans/:id/tasks': {
    who: 'office',
    prepare: async () => {
      const p = await newDraftPlan();
      const [e] = await rows(
        sql`select id from entities where jurisdiction_id = ${t.org.stations['兴隆'].jurisdictionId} and status = 'operating' order by id desc limit 1 offset ${seq++}`,
      );
      return { url: `/api/plans/${p.id}/tasks`, payload: { action: 'add', entityId: e.id, reason: '群众举报' } };
    },
  },
  'POST /api/inspections': {
    who: 'inspector_cx',
    prepare: async () => {
      const task = await publishedTask();
      return {
        url: '/api/inspections',
        payload: { planTaskId: task.id, date: '2022-07-01', inspectorIds: task.inspectors.map((i: any) => i.id) },
      };
    },
  },
  'PUT /api/inspections/:id': {
    who: 'inspector_cx',
    prepare: async () => {
      const rec = await recordedInspection();
      return {
        method: 'PUT',
        url: `/api/inspections/${rec.id}`,
        payload: { date: rec.date, inspectorIds: rec.inspectorIds, note: '补充记录', reason: '补录检查情况', version: rec.version },
      };
    },
  },
  'POST /api/inspections/:id/withdraw': {
    who: 'inspector_cx',
    prepare: async () => {
      const rec = await recordedInspection();
      return { url: `/api/inspections/${rec.id}/withdraw`, payload: { reason: '录错对象', version: rec.version } };
    },
  },
  'POST /api/inspections/:id/sign': {
    who: 'inspector_cx',
    prepare: async () => {
      const rec = await onSiteInspection(false);
      return { url: `/api/inspections/${rec.id}/sign`, payload: { userId: rec.headId, password: 'demo1234', image: rec.png } };
    },
  },
  'POST /api/inspections/:id/files': {
    who: 'inspector_cx',
    prepare: async () => {
      const rec = await onSiteInspection(true);
      const m = multipartFile(
        'file',
        '现场.jpg',
        await sharp({ create: { width: 16, height: 16, channels: 3, background: '#888' } })
          .jpeg()
          .toBuffer(),
        'image/jpeg',
      );
      return { url: `/api/inspections/${rec.id}/files`, payload: m.payload, headers: m.headers };
    },
  },
  'POST /api/rectifications/:id/evidence': {
    who: 'inspector_cx',
    prepare: async () => {
      const rec = await onSiteInspection(true, [{ kind: 'rectify' }]);
      const m = multipartFile(
        'file',
        '整改.jpg',
        await sharp({ create: { width: 16, height: 16, channels: 3, background: '#888' } })
          .jpeg()
          .toBuffer(),
        'image/jpeg',
        { note: '已整改' },
      );
      return { url: `/api/rectifications/${rec.rectifications[0].id}/evidence`, payload: m.payload, headers: m.headers };
    },
  },
  'POST /api/rectifications/:id/extend': {
    who: 'inspector_cx',
    prepare: async () => {
      const rec = await onSiteInspection(true, [{ kind: 'rectify' }]);
      const r = rec.rectifications[0];
      const later = new Date(Date.parse(r.deadline) + 30 * 86_400_000).toISOString().slice(0, 10);
      return { url: `/api/rectifications/${r.id}/extend`, payload: { deadline: later, reason: '疫情停业', version: r.version } };
    },
  },
  'POST /api/inspections/:id/cancel': {
    who: 'inspector_cx',
    prepare: async () => ({ url: `/api/inspections/${(await publishedTask()).inspectionId}/cancel`, payload: { reason: '停业' } }),
  },
  'POST /api/inspector-conflicts': {
    who: 'office',
    prepare: async () => {
      const [p] = await rows(sql`select id from users where username = 'inspector_cx'`);
      const [e] = await rows(
        sql`select id from entities where jurisdiction_id = ${t.org.stations['创新'].jurisdictionId} order by id desc limit 1 offset ${seq++}`,
      );
      return { url: '/api/inspector-conflicts', payload: { userId: p.id, entityId: e.id, reason: '亲属关系' } };
    },
  },
  'DELETE /api/inspector-conflicts/:id': {
    who: 'office',
    prepare: async () => {
      const [p] = await rows(sql`select id from users where username = 'inspector_cx'`);
      const [e] = await rows(
        sql`select id from entities where jurisdiction_id = ${t.org.stations['创新'].jurisdictionId} order by id limit 1 offset ${seq++}`,
      );
      const conflict = await ok(await api('office').post('/api/inspector-conflicts', { userId: p.id, entityId: e.id, reason: '亲属关系' }));
      return { method: 'DELETE', url: `/api/inspector-conflicts/${conflict.id}` };
    },
  },
  'POST /api/tips': {
    who: 'coordinator',
    prepare: async () => ({
      url: '/api/tips',
      payload: { kind: 'clue', title: `线索${uniq()}`, place: '友谊街道', occurredOn: '2026-11-01' },
    }),
  },
  'PATCH /api/tips/:id': {
    who: 'coordinator',
    prepare: async () => {
      const id = await newTip();
      return { url: `/api/tips/${id}`, payload: { title: '改标题', version: await t.version('tips', id) } };
    },
  },
  'POST /api/tips/:id/photos': {
    who: 'coordinator',
    prepare: async () => {
      const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 1)]);
      const m = multipartFile('file', '现场.png', png, 'image/png');
      return { url: `/api/tips/${await newTip()}/photos`, payload: m.payload, headers: m.headers };
    },
  },
  'POST /api/tips/:id/transition': {
    who: 'inspector_cx',
    prepare: async () => ({ url: `/api/tips/${await newTip()}/transition`, payload: { action: 'accept', note: '安排核查' } }),
  },
  'POST /api/clues': { who: 'inspector_cx', prepare: async () => ({ url: '/api/clues', payload: clueInput() }) },
  'POST /api/clues/from-tip': {
    who: 'inspector_cx',
    prepare: async () => {
      const tipId = await newTip();
      await ok(await api('inspector_cx').post(`/api/tips/${tipId}/transition`, { action: 'accept' }));
      return { url: '/api/clues/from-tip', payload: { tipId } };
    },
  },
  'POST /api/clues/from-inspection': {
    who: 'inspector_cx',
    prepare: async () => ({
      url: '/api/clues/from-inspection',
      payload: { inspectionId: (await onSiteInspection(true, [{ kind: 'refer_clue' }])).id },
    }),
  },
  'PUT /api/clues/:id/verification': {
    who: 'inspector_cx',
    prepare: async () => ({
      url: `/api/clues/${(await verifyingClue()).id}/verification`,
      payload: { findings: '经核查属实', version: 2 },
    }),
  },
  'POST /api/clues/:id/transition': {
    who: 'inspector_cx',
    prepare: async () => ({ url: `/api/clues/${(await newClue()).id}/transition`, payload: { action: 'verify', version: 1 } }),
  },
  'POST /api/clues/:id/files': {
    who: 'inspector_cx',
    prepare: async () => {
      const m = multipartFile('file', '截图.jpg', await jpeg(), 'image/jpeg');
      return { url: `/api/clues/${(await newClue()).id}/files`, payload: m.payload, headers: m.headers };
    },
  },
  'POST /api/clue-transfers/:id/receipt': {
    who: 'inspector_cx',
    prepare: async () => ({ url: `/api/clue-transfers/${await newTransfer()}/receipt`, payload: { receiptOn: '2026-11-27', version: 1 } }),
  },
  'POST /api/clue-transfers/:id/files': {
    who: 'inspector_cx',
    prepare: async () => {
      const m = multipartFile('file', '回执.jpg', await jpeg(), 'image/jpeg');
      return { url: `/api/clue-transfers/${await newTransfer()}/files`, payload: m.payload, headers: m.headers };
    },
  },
  'POST /api/assist-requests': { who: 'inspector_cx', prepare: async () => ({ url: '/api/assist-requests', payload: assistInput() }) },
  'POST /api/assist-requests/:id/reply': {
    who: 'inspector_cx',
    prepare: async () => ({
      url: `/api/assist-requests/${await newAssist()}/reply`,
      payload: { repliedOn: '2026-11-20', content: '已核实', version: 1 },
    }),
  },
  'POST /api/assist-requests/:id/to-clue': {
    who: 'inspector_cx',
    prepare: async () => ({ url: `/api/assist-requests/${await newAssist()}/to-clue`, payload: { version: 1 } }),
  },
  'POST /api/complaints': { who: 'dept', prepare: async () => ({ url: '/api/complaints', payload: complaintInput() }) },
  'POST /api/complaints/:id/transition': {
    who: 'dept',
    prepare: async () => ({ url: `/api/complaints/${(await newComplaint()).id}/transition`, payload: { action: 'accept', version: 1 } }),
  },
  'POST /api/complaints/:id/to-clue': {
    who: 'inspector_cx',
    prepare: async () => ({ url: `/api/complaints/${(await acceptedComplaint()).id}/to-clue`, payload: { version: 2 } }),
  },
  'POST /api/complaints/:id/reward': {
    who: 'dept',
    prepare: async () => ({
      url: `/api/complaints/${(await acceptedComplaint()).id}/reward`,
      payload: { amount: 200, reason: '举报属实', version: 2 },
    }),
  },
  'POST /api/complaints/:id/reward/decide': {
    who: 'leader',
    prepare: async () => {
      const x = await acceptedComplaint();
      await ok(await api('dept').post(`/api/complaints/${x.id}/reward`, { amount: 200, reason: '举报属实', version: 2 }));
      return { url: `/api/complaints/${x.id}/reward/decide`, payload: { approve: true, version: 3 } };
    },
  },
  'POST /api/risks': { who: 'inspector_cx', prepare: async () => ({ url: '/api/risks', payload: await riskBody() }) },
  'POST /api/risks/from-finding': {
    who: 'inspector_cx',
    prepare: async () => {
      const rec = await onSiteInspection(true, [{ kind: 'rectify' }]);
      return {
        url: '/api/risks/from-finding',
        payload: { findingId: rec.findings[0].id, ownerId: await userId('inspector_cx'), deadline: '2099-01-01' },
      };
    },
  },
  'PUT /api/risks/:id': {
    who: 'inspector_cx',
    prepare: async () => {
      const r = await newRisk();
      return { method: 'PUT', url: `/api/risks/${r.id}`, payload: { title: '改名称', level: 'major', version: r.version } };
    },
  },
  'POST /api/risks/:id/transition': {
    who: 'inspector_cx',
    prepare: async () => {
      const r = await newRisk();
      return { url: `/api/risks/${r.id}/transition`, payload: { action: 'control', note: '已约谈', version: r.version } };
    },
  },
  'POST /api/risks/:id/files': {
    who: 'inspector_cx',
    prepare: async () => {
      const jpg = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#888' } })
        .jpeg()
        .toBuffer();
      const m = multipartFile('file', '管控照片.jpg', jpg, 'image/jpeg', { note: '已整改' });
      return { url: `/api/risks/${(await newRisk()).id}/files`, payload: m.payload, headers: m.headers };
    },
  },
  'POST /api/common-risks': {
    who: 'inspector_cx',
    prepare: async () => ({
      url: '/api/common-risks',
      payload: { title: `共性风险${uniq()}`, category: 'drug', controlMeasure: '责令改正', riskIds: [(await newRisk()).id] },
    }),
  },
  'PUT /api/common-risks/:id': {
    who: 'inspector_cx',
    prepare: async () => {
      const c = await ok(
        await api('inspector_cx').post('/api/common-risks', { title: `共性风险${uniq()}`, category: 'drug', controlMeasure: '责令改正' }),
      );
      return {
        method: 'PUT',
        url: `/api/common-risks/${c.id}`,
        payload: { title: c.title, category: 'drug', controlMeasure: '行政处罚', removed: true, version: c.version },
      };
    },
  },
  'POST /api/consultations': {
    who: 'office',
    prepare: async () => ({
      url: '/api/consultations',
      payload: {
        kind: 'risk',
        heldOn: '2026-11-01',
        host: '副局长',
        items: [{ topic: '研判', links: [{ type: 'risk', id: (await newRisk()).id }] }],
      },
    }),
  },
  'PUT /api/consultations/:id': {
    who: 'office',
    prepare: async () => {
      const m = await ok(
        await api('office').post('/api/consultations', { kind: 'risk', heldOn: '2026-11-01', host: '副局长', items: [{ topic: '研判' }] }),
      );
      return {
        method: 'PUT',
        url: `/api/consultations/${m.id}`,
        payload: {
          heldOn: '2026-11-02',
          host: '局长',
          items: [{ topic: '研判' }, { topic: '部署' }],
          reason: '补记部署事项',
          version: m.version,
        },
      };
    },
  },
  'POST /api/sampling-plans': {
    who: 'dept',
    prepare: async () => ({
      url: '/api/sampling-plans',
      payload: {
        level: 'county',
        year: ++planYear,
        name: '区级抽检计划',
        lines: [{ category: 'drug', subCategory: 'tcm_pieces', planned: 5 }],
      },
    }),
  },
  'PUT /api/sampling-plans/:id': {
    who: 'dept',
    prepare: async () => {
      const p = await ok(
        await api('dept').post('/api/sampling-plans', {
          level: 'provincial',
          year: ++planYear,
          name: '市级抽检任务',
          lines: [{ category: 'drug', planned: 2 }],
        }),
      );
      return {
        url: `/api/sampling-plans/${p.id}`,
        payload: {
          name: '市级抽检任务（调整）',
          lines: [
            { id: p.lines[0].id, category: 'drug', planned: 3 },
            { category: 'cosmetic', planned: 1 },
          ],
          version: p.version,
        },
      };
    },
  },
  'POST /api/sampling-records': {
    who: 'inspector_cx',
    prepare: async () => ({ url: '/api/sampling-records', payload: await samplingBody() }),
  },
  'PUT /api/sampling-records/:id': {
    who: 'inspector_cx',
    prepare: async () => {
      const r = await samplingRecord('sampled');
      return {
        url: `/api/sampling-records/${r.id}`,
        payload: { ...(await samplingBody()), entityId: undefined, batchNo: '230402', reason: '批号抄错', version: r.version },
      };
    },
  },
  'POST /api/sampling-records/:id/withdraw': {
    who: 'inspector_cx',
    prepare: async () => {
      const r = await samplingRecord('sampled');
      return { url: `/api/sampling-records/${r.id}/withdraw`, payload: { reason: '抽错单位', version: r.version } };
    },
  },
  'POST /api/sampling-records/:id/send': {
    who: 'inspector_cx',
    prepare: async () => {
      const r = await samplingRecord('sampled');
      return { url: `/api/sampling-records/${r.id}/send`, payload: { labName: '市药检所', sentOn: '2026-11-03', version: r.version } };
    },
  },
  'POST /api/sampling-records/:id/result': {
    who: 'inspector_cx',
    prepare: async () => {
      const r = await samplingRecord('testing');
      return {
        url: `/api/sampling-records/${r.id}/result`,
        payload: {
          verdict: 'unqualified',
          failedItems: [{ item: '性状', standard: '《中国药典》2020年版一部' }],
          reportNo: `JY${uniq()}`,
          labName: '市药检所',
          reportDate: '2026-11-20',
          receivedOn: '2026-11-23',
          version: r.version,
        },
      };
    },
  },
  'POST /api/sampling-records/:id/follow-up': {
    who: 'inspector_cx',
    prepare: async () => {
      const r = await samplingRecord('unqualified');
      return {
        url: `/api/sampling-records/${r.id}/follow-up`,
        payload: { measures: ['seal', 'recall'], deliveredOn: '2026-11-24', version: r.version },
      };
    },
  },
  'POST /api/sampling-records/:id/handle': {
    who: 'dept',
    prepare: async () => {
      const r = await samplingRecord('delivered');
      return { url: `/api/sampling-records/${r.id}/handle`, payload: { note: '已召回并立案', version: r.version } };
    },
  },
  'POST /api/sampling-records/:id/files': {
    who: 'inspector_cx',
    prepare: async () => {
      const r = await samplingRecord('sampled');
      const png = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#888' } })
        .png()
        .toBuffer();
      const m = multipartFile('file', '封样.png', png, 'image/png');
      return { url: `/api/sampling-records/${r.id}/files?purpose=seal`, payload: m.payload, headers: m.headers };
    },
  },
  'PUT /api/credit-rule': {
    who: 'office',
    prepare: async () => {
      const rule = (await ok(await api('office').get('/api/credit-rule'))) as { version: number; definition: object };
      return {
        method: 'PUT',
        url: '/api/credit-rule',
        payload: { definition: rule.definition, reason: '按本地标准修订', version: rule.version },
      };
    },
  },
  'POST /api/credit-units/:id/recompute': {
    who: 'office',
    prepare: async () => ({ url: `/api/credit-units/${await creditPharmacy()}/recompute` }),
  },
  'POST /api/credit-overrides': {
    who: 'office',
    prepare: async () => ({
      url: '/api/credit-overrides',
      payload: { entityId: await creditPharmacy(), grade: 'C', reason: '多次被投诉' },
    }),
  },
  'POST /api/credit-overrides/:id/decision': {
    who: 'admin',
    prepare: async () => {
      const o = await ok(
        await api('office').post('/api/credit-overrides', { entityId: await creditPharmacy(), grade: 'D', reason: '拒不整改' }),
      );
      return { url: `/api/credit-overrides/${o.id}/decision`, payload: { action: 'approve', note: '同意', version: o.version } };
    },
  },
  // Cases are handled by head_cx (a station head is a case officer): the people examples reset enforcer's password.
  'POST /api/cases': { who: 'head_cx', prepare: async () => ({ url: '/api/cases', payload: await caseFiling() }) },
  'POST /api/cases/:id/approve': {
    who: 'leader',
    prepare: async () => {
      const k = await ok(await api('head_cx').post('/api/cases', await caseFiling()));
      return { url: `/api/cases/${k.id}/approve`, payload: { action: 'approve_filing', version: k.version } };
    },
  },
  'POST /api/cases/:id/transition': {
    who: 'head_cx',
    prepare: async () => {
      const k = await filedCase();
      return { url: `/api/cases/${k.id}/transition`, payload: { action: 'submit_review', version: k.version } };
    },
  },
  'POST /api/cases/:id/review': {
    who: 'dept',
    prepare: async () => {
      const f = await filedCase();
      const k = await ok(await api('head_cx').post(`/api/cases/${f.id}/transition`, { action: 'submit_review', version: f.version }));
      return { url: `/api/cases/${k.id}/review`, payload: { action: 'pass_review', version: k.version } };
    },
  },
  'PUT /api/cases/:id/facts': {
    who: 'head_cx',
    prepare: async () => {
      const k = await filedCase();
      return {
        method: 'PUT',
        url: `/api/cases/${k.id}/facts`,
        payload: {
          violationType: k.violationType,
          facts: `${k.facts}（补充）`,
          goodsValue: 1200,
          illegalIncome: 300,
          violationDate: k.violationDate,
          healthHarm: false,
          persons: k.persons,
          reason: '核实货值金额',
          version: k.version,
        },
      };
    },
  },
  'PUT /api/cases/:id/penalty': {
    who: 'head_cx',
    prepare: async () => {
      const k = await filedCase();
      return { url: `/api/cases/${k.id}/penalty`, payload: { article: 'drug-law-130', tier: 'base', warning: true, version: k.version } };
    },
  },
  'PUT /api/cases/:id/marks': {
    who: 'dept',
    prepare: async () => {
      const k = await filedCase();
      return { url: `/api/cases/${k.id}/marks`, payload: { version: k.version, escalatedTo: 'city' } };
    },
  },
  'PUT /api/cases/:id/typical': {
    who: 'head_cx',
    prepare: async () => {
      let k = await ok(await api('head_cx').post('/api/cases', await caseFiling({ procedure: 'simple', violationType: 'records' })));
      k = await ok(
        await api('head_cx').put(`/api/cases/${k.id}/penalty`, {
          article: 'drug-law-130',
          tier: 'base',
          warning: true,
          version: k.version,
        }),
      );
      k = await ok(await api('head_cx').post(`/api/cases/${k.id}/transition`, { action: 'decide', version: k.version }));
      return {
        url: `/api/cases/${k.id}/typical`,
        payload: { version: k.version, title: '某药店案', violation: '违法情形', investigation: '调查过程', result: '警告' },
      };
    },
  },
  'POST /api/cases/:id/files': {
    who: 'head_cx',
    prepare: async () => {
      const k = await filedCase();
      const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } })
        .png()
        .toBuffer();
      const m = multipartFile('file', '证据.png', png, 'image/png');
      return { url: `/api/cases/${k.id}/files`, payload: m.payload, headers: m.headers };
    },
  },
  'POST /api/cases/:id/referral': {
    who: 'head_cx',
    prepare: async () => {
      const k = await filedCase();
      return { url: `/api/cases/${k.id}/referral`, payload: { version: k.version, reason: '涉嫌销售假药罪' } };
    },
  },
  'POST /api/referrals/:id/approve': {
    who: 'leader',
    prepare: async () => {
      const r = await proposedReferral();
      return { url: `/api/referrals/${r.id}/approve`, payload: { action: 'approve', version: r.version } };
    },
  },
  'POST /api/referrals/:id/transition': {
    who: 'head_cx',
    prepare: async () => {
      const p = await proposedReferral();
      const r = await ok(await api('leader').post(`/api/referrals/${p.id}/approve`, { action: 'approve', version: p.version }));
      return { url: `/api/referrals/${r.id}/transition`, payload: { action: 'send', version: r.version, policeUnit: '兴隆台公安分局' } };
    },
  },
  'PUT /api/assessment-rule': {
    who: 'office',
    prepare: async () => {
      const rule = (await ok(await api('office').get('/api/assessment-rule'))) as { version: number; definition: object };
      return {
        method: 'PUT',
        url: '/api/assessment-rule',
        payload: { definition: rule.definition, reason: '按本局考核细则修订', version: rule.version },
      };
    },
  },
  'POST /api/reports/submissions': {
    who: 'inspector_cx',
    prepare: async () => ({
      url: '/api/reports/submissions',
      payload: { campaignId: await reportCampaign(), obligationKey: 'weekly', dueDate: nextReportWeek() },
    }),
  },
  'PUT /api/reports/submissions/:id': {
    who: 'inspector_cx',
    prepare: async () => {
      const s = await reportAt('draft');
      return { url: `/api/reports/submissions/${s.id}`, payload: { cells: { all: { trained: 2 } }, version: s.version } };
    },
  },
  'POST /api/reports/submissions/:id/transition': {
    who: 'inspector_cx',
    prepare: async () => {
      const s = await reportAt('draft');
      return { url: `/api/reports/submissions/${s.id}/transition`, payload: { action: 'submit', version: s.version } };
    },
  },
  'POST /api/reports/submissions/:id/review': {
    who: 'head_cx',
    prepare: async () => {
      const s = await reportAt('unit_review');
      return { url: `/api/reports/submissions/${s.id}/review`, payload: { action: 'approve', version: s.version } };
    },
  },
  'POST /api/reports/submissions/:id/receive': {
    who: 'office',
    prepare: async () => {
      const s = await reportAt('reported');
      return { url: `/api/reports/submissions/${s.id}/receive`, payload: { action: 'return', reason: '数据有误', version: s.version } };
    },
  },
  'POST /api/reports/submissions/:id/scan': {
    who: 'inspector_cx',
    prepare: async () => {
      const s = await ok(
        await api('inspector_cx').post('/api/reports/submissions', {
          campaignId: await reportCampaign(),
          obligationKey: 'self',
          dueDate: '2026-11-15',
        }),
      );
      const jpg = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#888' } })
        .jpeg()
        .toBuffer();
      const m = multipartFile('file', '盖章扫描件.jpg', jpg, 'image/jpeg');
      return { url: `/api/reports/submissions/${s.id}/scan`, payload: m.payload, headers: m.headers };
    },
  },
  // Last: its job runs in the background after the request, so no example follows to see its writes.
  'POST /api/adr-reports': { who: 'office', prepare: async () => ({ url: '/api/adr-reports', payload: adrForm(`AA-${uniq()}`) }) },
  'PUT /api/adr-reports/:id': {
    who: 'office',
    prepare: async () => {
      const r = (await ok(await api('office').post('/api/adr-reports', adrForm(`AA-${uniq()}`)))).report;
      return { url: `/api/adr-reports/${r.id}`, payload: { ...adrForm(r.reportCode), outcome: 'cured', version: r.version } };
    },
  },
  'POST /api/adr-imports/:id/confirm': {
    who: 'office',
    recordsFailure: {
      adr_imports: 'the import records that it failed and imported nothing',
      jobs: 'the import runs as a background job, which records its failure',
    },
    prepare: async () => {
      const m = multipartFile('file', '报告.csv', adrCsv([adrRow(`AI-${uniq()}`)]));
      const job = await ok(
        await api('office').request({ method: 'POST', url: '/api/adr-imports', payload: m.payload, headers: m.headers }),
      );
      expect(job.status, JSON.stringify(job.errors)).toBe('validated');
      return { url: `/api/adr-imports/${job.id}/confirm?wait=true` };
    },
  },
  'POST /api/adr-alerts/:id/transition': {
    who: 'office',
    prepare: async () => {
      const name = `聚集药${uniq()}`;
      let opened: number[] = [];
      for (const day of ['2026-07-01', '2026-07-02', '2026-07-03'])
        opened = (
          await ok(
            await api('office').post(
              '/api/adr-reports',
              adrForm(`AL-${uniq()}`, { drugs: [{ genericName: name }], onsetOn: day, reportedOn: day }),
            ),
          )
        ).alertsOpened;
      expect(opened).toHaveLength(1);
      return { url: `/api/adr-alerts/${opened[0]}/transition`, payload: { action: 'to_risk', version: 1 } };
    },
  },
  'PUT /api/adr-population': {
    who: 'office',
    prepare: async () => ({
      url: '/api/adr-population',
      payload: { jurisdictionId: t.org.districtId, year: 2000 + (seq++ % 90), population: 380000, version: 0 },
    }),
  },
  'PUT /api/adr-settings': {
    who: 'office',
    prepare: async () => {
      const cur = await ok(await api('office').get('/api/adr-settings'));
      return { url: '/api/adr-settings', payload: { ...cur, targetPerMillion: 601 + (seq++ % 100) } };
    },
  },
  'POST /api/credit-runs': { who: 'office', prepare: async () => ({ url: '/api/credit-runs' }) },
};

let reportCampaignId: number | undefined;
let reportWeek = 0;
/** The submissions' test campaign (weekly table reviewed by unit head and leader; self-inspection with a scan). */
async function reportCampaign() {
  reportCampaignId ??= (await ok(await api('office').post('/api/campaigns', { definition: reportingPlan(), status: 'active' })))
    .id as number;
  return reportCampaignId;
}
const nextReportWeek = () => addDays('2026-10-01', 7 * reportWeek++);
/** A 创新所 weekly report brought to `stage`. */
async function reportAt(stage: 'draft' | 'unit_review' | 'reported') {
  let s = await ok(
    await api('inspector_cx').post('/api/reports/submissions', {
      campaignId: await reportCampaign(),
      obligationKey: 'weekly',
      dueDate: nextReportWeek(),
    }),
  );
  if (stage === 'draft') return s;
  s = await ok(await api('inspector_cx').post(`/api/reports/submissions/${s.id}/transition`, { action: 'submit', version: s.version }));
  if (stage === 'unit_review') return s;
  s = await ok(await api('head_cx').post(`/api/reports/submissions/${s.id}/review`, { action: 'approve', version: s.version }));
  return ok(await api('leader').post(`/api/reports/submissions/${s.id}/review`, { action: 'approve', version: s.version }));
}

/** A 创新所 pharmacy (graded by the default credit rule) not used by an earlier example. */
async function creditPharmacy(): Promise<number> {
  const [e] = await rows(sql`select id from entities where jurisdiction_id = ${t.org.stations['创新'].jurisdictionId}
    and kind in ('pharmacy_chain', 'pharmacy_single') order by id limit 1 offset ${seq++}`);
  return e.id;
}

/** A case filing for a 创新所 pharmacy (普通程序 unless overridden). */
async function caseFiling(over: Record<string, unknown> = {}) {
  const [e] = await rows(sql`select id from entities where jurisdiction_id = ${t.org.stations['创新'].jurisdictionId} order by id limit 1`);
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  return { entityId: e.id, procedure: 'ordinary', violationType: 'gsp', facts: '未按规定储存药品', violationDate: today, ...over };
}
/** A filed (approved) 普通程序 case. */
async function filedCase() {
  const k = await ok(await api('head_cx').post('/api/cases', await caseFiling()));
  return ok(await api('leader').post(`/api/cases/${k.id}/approve`, { action: 'approve_filing', version: k.version }));
}
async function proposedReferral() {
  const k = await filedCase();
  return (await ok(await api('head_cx').post(`/api/cases/${k.id}/referral`, { version: k.version, reason: '涉嫌犯罪' }))).referral;
}

/** Every table's rows, as one digest per table (the audit log included). */
const snapshot = () => tableFingerprints(t.database.db);

const FAIL_AUDIT = [
  sql.raw(
    `create or replace function yj_test_refuse_audit() returns trigger language plpgsql as $$ begin raise exception 'audit insert refused by the test'; end $$`,
  ),
  sql.raw(`create trigger yj_test_refuse_audit before insert on audit_log for each row execute function yj_test_refuse_audit()`),
];
const HEAL_AUDIT = sql.raw(`drop trigger if exists yj_test_refuse_audit on audit_log`);

async function send(who: string | null, req: Req) {
  const method = req.method as any;
  if (who === null) return t.app.inject({ method, url: req.url, payload: req.payload as any, headers: req.headers });
  return api(who).request({ method, url: req.url, payload: req.payload as any, headers: req.headers });
}

const writeRoutes: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoEntities(t.database.db, t.org);
  await seedDemoCampaigns(t.database.db, t.org);
  [{ id: campaignId }] = await rows(sql`select id from campaigns where template_code = 'seed-000'`);
  await seedDemoDocuments(t.database.db, t.org);
  for (const u of ['admin', 'office', 'dept', 'inspector_cx', 'coordinator', 'head_cx', 'leader']) c[u] = await t.as(u);
  const doc = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const m of Object.keys(methods)) {
      if (['post', 'put', 'patch', 'delete'].includes(m)) writeRoutes.push(`${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`);
    }
  }
});
afterAll(() => t.close());

describe('every write route is covered', () => {
  it('has an example here or is listed as writing no audit row', () => {
    expect(writeRoutes.length).toBeGreaterThan(20);
    const missing = writeRoutes.filter((r) => !(r in EXAMPLES) && !(r in NOT_AUDITED));
    expect(missing, 'write routes without an example in audit-atomic.test.ts').toEqual([]);
    const stale = [...Object.keys(EXAMPLES), ...Object.keys(NOT_AUDITED)].filter((r) => !writeRoutes.includes(r));
    expect(stale, 'examples for routes that no longer exist').toEqual([]);
  });
});

describe('a failing audit insert undoes the whole write', () => {
  for (const [route, ex] of Object.entries(EXAMPLES)) {
    it(route, async () => {
      const req = await ex.prepare();
      req.method ??= route.split(' ')[0];
      // A job an earlier write asked for must not write between the two snapshots.
      await t.jobsIdle();
      const before = await snapshot();
      for (const q of FAIL_AUDIT) await t.database.db.execute(q);
      let refused;
      try {
        refused = await send(ex.who, req);
      } finally {
        await t.database.db.execute(HEAL_AUDIT);
      }
      expect(refused.statusCode, refused.body).toBeGreaterThanOrEqual(500);
      const after = await snapshot();
      for (const table of Object.keys(ex.recordsFailure ?? {})) {
        expect(after[table]).not.toBe(before[table]);
        before[table] = after[table];
      }
      expect(after).toEqual(before);
      // The same request, with audits accepted again: it writes, and logs.
      const [{ n }] = await rows(sql`select count(*)::int as n from audit_log`);
      const res = await send(ex.who, ex.recordsFailure ? { method: req.method, ...(await ex.prepare()) } : req);
      expect(res.statusCode, res.body).toBe(200);
      const [{ n: logged }] = await rows(sql`select count(*)::int as n from audit_log`);
      expect(logged).toBeGreaterThan(n);
    });
  }
});
