/**
 * Role × route × area, generated from the routes Fastify registered: a new route is covered the
 * day it is added (a route with an id parameter of an unknown record kind, or a write route that
 * answers 400 instead of refusing, fails here until it gets a case).
 *
 *  - every route × every role lacking its permission → 403;
 *  - every route with an id parameter, called by every role holding its permission with ids of
 *    records outside that person's area (another county for every role, another station for the
 *    station's people, another reporter's tip for own-scope people) → 403/404, nothing written,
 *    no name of the record in the answer;
 *  - a temporary password opens only who-am-I, change-password and sign-out.
 * The loops send hundreds of requests: their time limits are generous for a busy machine.
 */
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_PERMISSIONS, type Permission, type Role } from '../../contracts/permissions.js';
import type { Client } from '../../test/app.js';
import { multipartFile } from '../../test/multipart.js';
import { systemActor } from '../core/context.js';
import type { ModuleDefinition } from '../core/extensions.js';
import { attachStaged, stageUpload } from '../core/files/index.js';
import { getVisibleTip } from '../modules/tips/queries.js';
import { otherCountyPeople, q, signIn, startDemoApp, type Route } from './harness.js';

// Files (core/files) are served to readers of a record they are attached to; until a module attaches
// files, a test-only module stands in: a tip's file, readable by whoever may read the tip.
const matrixFiles: ModuleDefinition = {
  name: 'matrix-files',
  routes: async () => {},
  contributes: {
    attachmentOwners: [
      {
        key: 'matrix-tip',
        mayRead: async (ctx, id) =>
          ROLE_PERMISSIONS[ctx.actor.role].includes('tips.read') && !!(await getVisibleTip(ctx.db, ctx.actor, id)),
      },
    ],
  },
};

let env: Awaited<ReturnType<typeof startDemoApp>>;
let routes: Route[];

/** A record the foreign-id requests point at: its id, its area, its reporter/owner, a name that must not leak. */
interface Rec {
  id: number;
  path: string;
  owner?: number;
  secret?: string;
}
let rec: Record<string, Rec>;

/** Which record an `:id` stands for, by the route's resource (the part after /api/). */
const ID_KINDS: Record<string, string> = {
  jurisdictions: 'jurisdiction',
  'org-units': 'orgUnit',
  people: 'person',
  entities: 'entity',
  'entity-imports': 'entityImport',
  campaigns: 'campaign',
  tips: 'tip',
  plans: 'plan',
  inspections: 'inspection',
  'inspector-conflicts': 'conflict',
  files: 'file',
  rectifications: 'rectification',
  clues: 'clue',
  'clue-transfers': 'clueTransfer',
  'assist-requests': 'assistRequest',
  complaints: 'complaint',
  risks: 'risk',
  'common-risks': 'commonRisk',
  consultations: 'consultation',
  'sampling-plans': 'samplingPlan',
  'sampling-records': 'samplingRecord',
  'credit-units': 'entity',
  'credit-overrides': 'creditOverride',
  cases: 'case',
  referrals: 'referral',
  reports: 'reportSubmission',
  'adr-reports': 'adrReport',
  'adr-imports': 'adrImport',
  'adr-alerts': 'adrAlert',
};
/** Other parameters: the record they name, or a plain value that is not a record of anyone's area. */
const PARAM_KINDS: Record<string, string | { value: string }> = {
  orgUnitId: 'orgUnit',
  fileId: 'campaignFile',
  photoId: 'tipPhoto',
  no: { value: '1' },
  version: { value: '1' },
  key: { value: 'share-combined' }, // a reading of the campaign's definition, not a record
  year: { value: '2026' }, // a year of the holiday calendar: shared reference data, no one's area
  doc: { value: 'record' }, // which document of an inspection (笔录)
  document: { value: 'decision' }, // which document of a case (决定书)
  campaignId: 'campaign',
  tableKey: { value: 'weekly-clues' }, // a statistical table of the demo campaign's definition (seed 000)
};
/** Routes whose parameter is shared reference data, the same for everyone. */
const UNSCOPED = new Set(['GET /api/campaign-templates/:code']);

const png = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5b1e2c40000000049454e44ae426082',
  'hex',
);
/** A body each write route accepts, so that its answer shows the area check, not the validation. */
function bodyFor(r: Route): { payload?: unknown; headers?: Record<string, string> } {
  const key = `${r.method} ${r.url}`;
  const bodies: Record<string, unknown> = {
    'PATCH /api/jurisdictions/:id': { name: '越权改名', version: 1 },
    'PATCH /api/org-units/:id': { name: '越权改名', version: 1 },
    'PATCH /api/people/:id': { displayName: '越权改名', version: 1 },
    'POST /api/people/:id/reset-password': undefined,
    'PATCH /api/entities/:id': { name: '越权改名', version: 1 },
    'PUT /api/entity-imports/:id/mapping': { mapping: {} },
    'POST /api/entity-imports/:id/confirm': undefined,
    'PUT /api/campaigns/:id/definition': { definition: {}, note: '越权修订', version: 1 },
    'POST /api/campaigns/:id/status': { status: 'closed' },
    'POST /api/campaigns/:id/confirm': { path: 'period.from', note: '越权确认' },
    'POST /api/campaigns/:id/readings/:key': { option: 'each' },
    'PUT /api/campaigns/:id/liaisons/:orgUnitId': { name: '越权联络', version: 1 },
    'PUT /api/campaigns/:id/tasks/:no/units/:orgUnitId': { status: 'done', note: '越权', version: 1 },
    'PATCH /api/tips/:id': { title: '越权修改', version: 1 },
    'POST /api/tips/:id/transition': { action: 'accept', note: '越权' },
    'POST /api/plans/:id/tasks': { action: 'remove', taskId: rec.planTask.id },
    'POST /api/plans/:id/publish': undefined,
    'POST /api/inspections/:id/cancel': { reason: '越权取消' },
    'PUT /api/inspections/:id': { date: '2026-01-05', inspectorIds: [1, 2], reason: '越权修改', version: 1 },
    'POST /api/inspections/:id/withdraw': { reason: '越权撤回', version: 1 },
    'POST /api/inspections/:id/sign': { image: `data:image/png;base64,${png.toString('base64')}` },
    'POST /api/rectifications/:id/extend': { deadline: '2099-01-01', reason: '越权延期', version: 1 },
    'DELETE /api/inspector-conflicts/:id': undefined,
    'PUT /api/calendar/:year': { holidays: [{ date: '2026-01-01', name: '越权修改' }], workdays: [], version: 1 },
    'PUT /api/clues/:id/verification': { findings: '越权核查', version: 1 },
    'POST /api/clues/:id/transition': { action: 'verify', version: 1 },
    'POST /api/clue-transfers/:id/receipt': { receiptOn: '2026-11-02', version: 1 },
    'POST /api/assist-requests/:id/reply': { repliedOn: '2026-11-02', content: '越权回复', version: 1 },
    'POST /api/assist-requests/:id/to-clue': { version: 1 },
    'POST /api/complaints/:id/transition': { action: 'accept', version: 1 },
    'POST /api/complaints/:id/to-clue': { version: 1 },
    'POST /api/complaints/:id/reward': { amount: 100, reason: '越权申请', version: 1 },
    'POST /api/complaints/:id/reward/decide': { approve: true, version: 1 },
    'PUT /api/risks/:id': { title: '越权修改', version: 1 },
    'POST /api/risks/:id/transition': { action: 'control', version: 1 },
    'PUT /api/common-risks/:id': { title: '越权修改', category: 'drug', controlMeasure: '越权', version: 1 },
    'PUT /api/consultations/:id': { heldOn: '2026-01-05', host: '越权', items: [{ topic: '越权' }], reason: '越权', version: 1 },
    'PUT /api/sampling-plans/:id': { name: '越权修改', lines: [{ category: 'drug', planned: 1 }], version: 1 },
    'PUT /api/sampling-records/:id': {
      category: 'drug',
      productName: '越权',
      batchNo: '1',
      manufacturer: '越权',
      quantity: 1,
      quantityUnit: '盒',
      samplerIds: [1, 2],
      sampledOn: '2026-01-05',
      reason: '越权更正',
      version: 1,
    },
    'POST /api/sampling-records/:id/withdraw': { reason: '越权撤销', version: 1 },
    'POST /api/sampling-records/:id/send': { labName: '越权', sentOn: '2026-01-05', version: 1 },
    'POST /api/sampling-records/:id/result': {
      verdict: 'qualified',
      reportNo: '越权',
      labName: '越权',
      reportDate: '2026-01-05',
      receivedOn: '2026-01-05',
      version: 1,
    },
    'POST /api/sampling-records/:id/follow-up': { measures: [], version: 1 },
    'POST /api/sampling-records/:id/handle': { note: '越权', version: 1 },
    'POST /api/credit-units/:id/recompute': undefined,
    'POST /api/credit-overrides/:id/decision': { action: 'approve', note: '越权批准', version: 1 },
    'POST /api/cases/:id/transition': { action: 'execute', version: 1 },
    'POST /api/cases/:id/review': { action: 'pass_review', version: 1 },
    'POST /api/cases/:id/approve': { action: 'approve_filing', version: 1 },
    'PUT /api/cases/:id/facts': {
      violationType: 'other',
      facts: '经查',
      goodsValue: 100,
      violationDate: '2026-01-05',
      reason: '核实',
      version: 1,
    },
    'PUT /api/cases/:id/penalty': { article: 'drug-law-130', tier: 'base', warning: true, version: 1 },
    'PUT /api/cases/:id/marks': { version: 1 },
    'PUT /api/cases/:id/typical': { version: 1, title: '越权', violation: '越权', investigation: '越权', result: '越权' },
    'POST /api/cases/:id/referral': { version: 1, reason: '越权移送' },
    'POST /api/referrals/:id/transition': { action: 'send', version: 1, policeUnit: '越权' },
    'POST /api/referrals/:id/approve': { action: 'approve', version: 1 },
    'PUT /api/reports/submissions/:id': { title: '越权修改', version: 1 },
    'POST /api/reports/submissions/:id/transition': { action: 'submit', version: 1 },
    'POST /api/reports/submissions/:id/review': { action: 'approve', version: 1 },
    'POST /api/reports/submissions/:id/receive': { action: 'accept', version: 1 },
    'PUT /api/adr-reports/:id': {
      kind: 'drug',
      reportCode: 'MX-1',
      reporterName: '越权医院',
      reporterKind: 'medical',
      patientSex: 'male',
      drugs: [{ genericName: '越权药' }],
      reactions: ['皮疹'],
      seriousness: 'general',
      isNew: false,
      onsetOn: '2026-05-01',
      reportedOn: '2026-05-02',
      outcome: 'improved',
      death: false,
      version: 1,
    },
    'POST /api/adr-imports/:id/confirm': undefined,
    'POST /api/adr-alerts/:id/transition': { action: 'assess', note: '越权研判', version: 1 },
  };
  if (key.endsWith('/evidence') || key.endsWith('/files') || key.endsWith('/scan') || key === 'POST /api/tips/:id/photos') {
    const m = multipartFile('file', 'x.png', png, 'image/png');
    return { payload: m.payload, headers: m.headers };
  }
  if (!(key in bodies)) throw new Error(`${key}: no request body in the security matrix — add one to bodyFor()`);
  const payload = bodies[key];
  return payload === undefined ? {} : { payload };
}

/** The record each parameter of a route points at (ids of 兴隆所 and its district), or why not. */
function targets(r: Route): { url: string; recs: Rec[] } {
  const resource = r.url.split('/')[2];
  const recs: Rec[] = [];
  const url = r.url.replace(/:(\w+)/g, (_, name: string) => {
    const kind = name === 'id' ? ID_KINDS[resource] : PARAM_KINDS[name];
    if (!kind) throw new Error(`${r.method} ${r.url}: parameter :${name} names no known record — add it to ID_KINDS/PARAM_KINDS`);
    if (typeof kind === 'object') return kind.value;
    const x = rec[kind];
    if (!x) throw new Error(`${r.method} ${r.url}: no fixture record for ${kind}`);
    recs.push(x);
    return String(x.id);
  });
  return { url, recs };
}

interface Person {
  username: string;
  role: Role;
  id: number;
  path: string;
  own: boolean;
  client: Client;
}
let people: Person[];

/** A record lies outside a person's area when neither area contains the other, or (own scope) someone else reported it. */
function outside(p: Person, x: Rec) {
  const disjoint = !x.path.startsWith(p.path) && !p.path.startsWith(x.path);
  return disjoint || (p.own && x.owner !== undefined && x.owner !== p.id);
}

const auditCount = async () => Number((await q(env.database, sql`select count(*)::int as n from audit_log`))[0].n);

beforeAll(async () => {
  env = await startDemoApp({ modules: [matrixFiles] });
  const db = env.database;
  routes = env.app.routeTable.filter((r) => !r.url.startsWith('/api/docs') && r.access !== 'public');
  const [xl] = await q(
    db,
    sql`select u.id, u.org_unit_id, j.id as station, j.path from users u join jurisdictions j on j.id = u.jurisdiction_id where u.username = 'inspector_xl'`,
  );
  const one = async (query: ReturnType<typeof sql>) => {
    const [r] = await q(db, query);
    if (!r) throw new Error('fixture missing');
    return r;
  };
  const at = (id: number, secret?: string, owner?: number): Rec => ({ id, path: xl.path, secret, owner });
  const entity = await one(sql`select id, name from entities where jurisdiction_id = ${xl.station} order by id limit 1`);
  const task = await one(
    sql`select t.id, t.plan_id, i.id as inspection from plan_tasks t join inspections i on i.plan_task_id = t.id where t.jurisdiction_id = ${xl.station} and i.status = 'planned' order by t.id limit 1`,
  );
  const plan = await one(
    sql`select p.id, j.path, c.id as campaign, cj.path as campaign_path from plans p join jurisdictions j on j.id = p.jurisdiction_id join campaigns c on c.id = p.campaign_id join jurisdictions cj on cj.id = c.jurisdiction_id where p.id = ${task.plan_id}`,
  );
  const tip =
    await one(sql`insert into tips (jurisdiction_id, org_unit_id, reported_by, kind, title, description, place, occurred_on, status)
      select ${xl.station}, ${xl.org_unit_id}, ${xl.id}, kind, '兴隆所的秘密线索', description, place, occurred_on, 'submitted' from tips order by id limit 1 returning id`);
  const photo = await one(
    sql`insert into tip_photos (tip_id, jurisdiction_id, file_name, mime_type, size, data) values (${tip.id}, ${xl.station}, 'x.png', 'image/png', ${png.length}, ${png}) returning id`,
  );
  const file = await one(sql`insert into campaign_files (campaign_id, jurisdiction_id, org_unit_id, name, mime, size, data, uploaded_by)
      values (${plan.campaign}, ${xl.station}, ${xl.org_unit_id}, '兴隆所证明.png', 'image/png', ${png.length}, ${png}, ${xl.id}) returning id`);
  const job = await one(sql`insert into entity_imports (created_by, jurisdiction_id, file_name, status, headers, mapping, rows)
      values (${xl.id}, ${xl.station}, '兴隆所导入.csv', 'ready', '{}', '{}'::jsonb, '[]') returning id`);
  const xlCtx = { db: db.db, actor: { ...systemActor(), id: xl.id }, files: env.app.files, ext: env.app.ext };
  const photo8 = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#888' } })
    .png()
    .toBuffer();
  const staged = await stageUpload(xlCtx, { data: photo8, type: 'png', fileName: '兴隆所现场照片.png' });
  const stored = await db.db.transaction((tx) =>
    attachStaged(tx, xlCtx, staged, { recordType: 'matrix-tip', recordId: tip.id, jurisdictionId: xl.station }),
  );
  const measure = await one(
    sql`insert into inspection_measures (inspection_id, jurisdiction_id, kind, deadline) values (${task.inspection}, ${xl.station}, 'rectify', '2099-01-01') returning id`,
  );
  const rectification = await one(sql`insert into rectifications (inspection_id, measure_id, entity_id, jurisdiction_id, deadline)
      select ${task.inspection}, ${measure.id}, entity_id, ${xl.station}, '2099-01-01' from inspections where id = ${task.inspection} returning id`);
  const conflict = await one(
    sql`insert into inspector_conflicts (user_id, entity_id, jurisdiction_id, reason) values (${xl.id}, ${entity.id}, ${xl.station}, '兴隆所回避') returning id`,
  );
  const clue = await one(sql`insert into clues (jurisdiction_id, source_type, summary, received_on, status)
      values (${xl.station}, 'online', '兴隆所的秘密线索', '2026-11-01', 'verifying') returning id`);
  const clueTransfer = await one(sql`insert into clue_transfers (jurisdiction_id, clue_id, target, receiving_body, transferred_on)
      values (${xl.station}, ${clue.id}, 'health', '兴隆所的秘密接收单位', '2026-11-01') returning id`);
  const assistRequest = await one(sql`insert into assist_requests (jurisdiction_id, direction, counterpart, subject, content, date, due_on)
      values (${xl.station}, 'incoming', '邻县局', '兴隆所的秘密协查', '内容', '2026-11-01', '2026-11-20') returning id`);
  const complaint =
    await one(sql`insert into complaints (jurisdiction_id, kind, channel, received_on, real_name, summary, content, status, accepted_on)
      values (${xl.station}, 'report', 'platform', '2026-11-01', false, '兴隆所的秘密举报', '内容', 'accepted', '2026-11-01') returning id`);
  await q(
    db,
    sql`insert into complaint_rewards (complaint_id, jurisdiction_id, amount, reason, requested_by) values (${complaint.id}, ${xl.station}, 100, '奖励', ${xl.id})`,
  );
  const risk = await one(sql`insert into risks (jurisdiction_id, channel, category, title, description, level, owner_id, deadline, found_on)
      values (${xl.station}, 'inspection', 'drug', '兴隆所的秘密风险', '兴隆所的秘密风险', 'general', ${xl.id}, '2099-01-01', '2026-01-05') returning id`);
  const commonRisk = await one(sql`insert into common_risks (jurisdiction_id, title, category, control_measure)
      values (${xl.station}, '兴隆所的共性风险', 'drug', '管控') returning id`);
  const consultation = await one(sql`insert into consultations (jurisdiction_id, kind, level, held_on, host)
      values (${xl.station}, 'risk', 'station', '2026-01-05', '兴隆所长') returning id`);
  await one(sql`insert into consultation_items (consultation_id, jurisdiction_id, seq, topic)
      values (${consultation.id}, ${xl.station}, 1, '兴隆所的会商事项') returning id`);
  const samplingPlan = await one(
    sql`insert into sampling_plans (jurisdiction_id, level, year, name) values (${xl.station}, 'county', 2026, '兴隆所的秘密抽检计划') returning id`,
  );
  const samplingRecord =
    await one(sql`insert into sampling_records (number, bureau_id, year, seq, entity_id, jurisdiction_id, category, product_name,
      batch_no, manufacturer, quantity, quantity_unit, sampler_ids, sampled_on, status)
      values ('抽样〔2026〕9999号', ${xl.station}, 2026, 9999, ${entity.id}, ${xl.station}, 'drug', '兴隆所的秘密样品', '1', '某厂', 1, '盒', ${sql.raw(`'{${xl.id}}'`)}, '2026-01-05', 'unqualified') returning id`);
  const creditOverride = await one(sql`insert into credit_overrides (entity_id, jurisdiction_id, grade, reason, rule_version, requested_by)
      values (${entity.id}, ${xl.station}, 'D', '兴隆所的调整理由', 0, ${xl.id}) returning id`);
  const kase =
    await one(sql`insert into cases (jurisdiction_id, org_unit_id, entity_id, procedure, status, case_no, violation_type, violation_label, facts,
      violation_date, discovered_on, filed_on, decision_due)
      values (${xl.station}, ${xl.org_unit_id}, ${entity.id}, 'ordinary', 'proposed', '兴市监立〔2026〕999号', 'gsp', '未遵守药品经营质量管理规范',
        '兴隆所的秘密案件', '2026-01-01', '2026-01-02', '2026-01-02', '2026-04-02') returning id`);
  const referral = await one(sql`insert into case_referrals (case_id, jurisdiction_id, reason, decide_due_at)
      values (${kase.id}, ${xl.station}, '兴隆所的秘密移送', now()) returning id`);
  const reportSubmission = await one(sql`insert into report_submissions (campaign_id, obligation_key, org_unit_id, jurisdiction_id, content)
      select ${plan.campaign}, coalesce(v.definition->'obligations'->0->>'key', 'none'), ${xl.org_unit_id}, ${xl.station}, '{"title":"兴隆所的秘密报送"}'::jsonb
      from campaigns c join campaign_versions v on v.campaign_id = c.id and v.version = c.version where c.id = ${plan.campaign} returning id`);
  const adrReport =
    await one(sql`insert into adr_reports (jurisdiction_id, county_id, kind, report_code, reporter_name, reporter_kind, patient_sex,
      seriousness, outcome, onset_on, reported_on, deadline_rule, due_on, late, drug_name)
      select ${xl.station}, j.id, 'drug', 'MX-SECRET', '兴隆所的秘密医院', 'medical', 'male', 'general', 'improved', '2026-05-01', '2026-05-02',
        'other', '2026-05-31', false, '兴隆所的秘密药' from jurisdictions j where j.level = 'county' and ${xl.path} like j.path || '%' returning id, county_id`);
  const [county] = await q(db, sql`select path from jurisdictions where id = ${adrReport.county_id}`);
  const adrAlert =
    await one(sql`insert into adr_alerts (jurisdiction_id, category, key_kind, key_value, key_label, episode_start, window_start, window_end,
      window_reports, report_count, last_onset_on, expected)
      values (${adrReport.county_id}, 'drug', 'drug', 'drug|secret', '兴隆台区的秘密信号', '2026-05-01', '2026-04-25', '2026-05-01', 3, 3, '2026-05-01', 0) returning id`);
  const adrImport = await one(sql`insert into adr_imports (created_by, jurisdiction_id, file_name, status, duplicates, headers, rows)
      values (${xl.id}, ${xl.station}, '兴隆所ADR导入.csv', 'validated', 'update', '{}', '[]') returning id`);
  rec = {
    adrReport: at(adrReport.id, '兴隆所的秘密医院'),
    adrAlert: { id: adrAlert.id, path: county.path, secret: '兴隆台区的秘密信号' },
    adrImport: at(adrImport.id, '兴隆所ADR导入.csv', xl.id),
    reportSubmission: at(reportSubmission.id, '兴隆所的秘密报送'),
    clue: at(clue.id, '兴隆所的秘密线索'),
    clueTransfer: at(clueTransfer.id, '兴隆所的秘密接收单位'),
    assistRequest: at(assistRequest.id, '兴隆所的秘密协查'),
    complaint: at(complaint.id, '兴隆所的秘密举报'),
    case: at(kase.id, '兴隆所的秘密案件'),
    referral: at(referral.id, '兴隆所的秘密移送'),
    jurisdiction: at(xl.station),
    orgUnit: at(xl.org_unit_id),
    person: at(xl.id),
    entity: at(entity.id, entity.name),
    entityImport: at(job.id, '兴隆所导入.csv', xl.id),
    campaign: { id: plan.campaign, path: plan.campaign_path },
    campaignFile: at(file.id, '兴隆所证明.png'),
    tip: at(tip.id, '兴隆所的秘密线索', xl.id),
    tipPhoto: at(photo.id, undefined, xl.id),
    plan: { id: plan.id, path: plan.path },
    planTask: at(task.id),
    inspection: at(task.inspection),
    conflict: at(conflict.id, '兴隆所回避'),
    file: at(stored.id, '兴隆所现场照片', xl.id),
    rectification: at(rectification.id),
    risk: at(risk.id, '兴隆所的秘密风险'),
    commonRisk: at(commonRisk.id, '兴隆所的共性风险'),
    consultation: at(consultation.id, '兴隆所的会商事项'),
    samplingPlan: at(samplingPlan.id, '兴隆所的秘密抽检计划'),
    samplingRecord: at(samplingRecord.id, '兴隆所的秘密样品'),
    creditOverride: at(creditOverride.id, '兴隆所的调整理由'),
  };
  const names = [
    ...Object.values(await otherCountyPeople(db)),
    'head_cx',
    'inspector_cx',
    'coordinator',
    'informant',
    'viewer',
    'leader',
    'office',
    'dept',
    'enforcer',
  ];
  people = [];
  for (const username of names) {
    const [u] = await q(
      db,
      sql`select u.id, u.role, u.data_scope, j.path from users u join jurisdictions j on j.id = u.jurisdiction_id where u.username = ${username}`,
    );
    people.push({ username, role: u.role, id: u.id, path: u.path, own: u.data_scope === 'own', client: await signIn(env.app, username) });
  }
}, 600_000);
afterAll(async () => {
  await env?.app.close();
  await env?.database.close();
});

/** Call a route; `valid` sends a body the route accepts (else `{}`: the guard answers before the body is read). */
async function call(client: Client, r: Route, url: string, valid = true) {
  const body = r.method === 'GET' ? {} : valid ? bodyFor(r) : { payload: {} };
  return client.request({
    method: r.method as any,
    url,
    ...(body.payload !== undefined ? { payload: body.payload as any } : {}),
    headers: body.headers,
  });
}

describe('security matrix (generated from the route list)', () => {
  it('every route with parameters has a case (record kind, and a body for writes)', () => {
    const param = routes.filter((r) => r.url.includes(':') && !UNSCOPED.has(`${r.method} ${r.url}`));
    expect(param.length).toBeGreaterThan(30);
    for (const r of param) {
      targets(r);
      if (r.method !== 'GET') bodyFor(r);
    }
  });

  it('every role without a route’s permission is refused (403), the viewer on every write', async () => {
    const leaks: string[] = [];
    for (const p of people) {
      for (const r of routes) {
        if (r.access === 'authenticated' || ROLE_PERMISSIONS[p.role].includes(r.access as Permission)) continue;
        const url = r.url.includes(':') && !UNSCOPED.has(`${r.method} ${r.url}`) ? targets(r).url : r.url.replace(/:(\w+)/g, 'x');
        const res = await call(p.client, r, url, false);
        if (res.statusCode !== 403) leaks.push(`${p.username} (${p.role}) ${r.method} ${r.url} → ${res.statusCode}`);
      }
    }
    const viewer = people.filter((p) => p.role === 'viewer');
    expect(viewer.length).toBe(2);
    expect(leaks).toEqual([]);
  }, 600_000);

  it('ids of records outside the caller’s area answer 403/404 on every route, change nothing and name nothing', async () => {
    const leaks: string[] = [];
    let cases = 0;
    for (const r of routes) {
      if (!r.url.includes(':') || UNSCOPED.has(`${r.method} ${r.url}`)) continue;
      const { url, recs } = targets(r);
      for (const p of people) {
        if (r.access !== 'authenticated' && !ROLE_PERMISSIONS[p.role].includes(r.access as Permission)) continue;
        if (!recs.some((x) => outside(p, x))) continue;
        cases++;
        const before = await auditCount();
        const res = await call(p.client, r, url);
        const after = await auditCount();
        const named = recs.map((x) => x.secret).filter((s): s is string => !!s && res.body.includes(s));
        if (![403, 404].includes(res.statusCode) || after !== before || named.length) {
          leaks.push(
            `${p.username} (${p.role}) ${r.method} ${url} → ${res.statusCode}${after !== before ? ', wrote audit' : ''}${named.length ? `, named ${named}` : ''}: ${res.body.slice(0, 120)}`,
          );
        }
      }
    }
    expect(cases).toBeGreaterThan(150);
    expect(leaks).toEqual([]);
  }, 600_000);

  it('covers the other station: 创新所 cannot read or cancel 兴隆所’s single inspection', async () => {
    const cx = people.find((p) => p.username === 'inspector_cx')!;
    const read = await cx.client.get(`/api/inspections/${rec.inspection.id}`);
    expect(read.statusCode).toBe(404);
    const cancel = await cx.client.post(`/api/inspections/${rec.inspection.id}/cancel`, { reason: '越权取消' });
    expect(cancel.statusCode).toBe(404);
    const [i] = await q(env.database, sql`select status from inspections where id = ${rec.inspection.id}`);
    expect(i.status).toBe('planned');
    // The same inspection is readable by its own station (the 404 above is the area check, not a missing record).
    const xl = await signIn(env.app, 'inspector_xl');
    expect((await xl.get(`/api/inspections/${rec.inspection.id}`)).statusCode).toBe(200);
  });

  it('serves 兴隆所’s file to 兴隆所 (the 404s above are the owner check, not a missing file)', async () => {
    const xl = await signIn(env.app, 'inspector_xl');
    expect((await xl.get(`/api/files/${rec.file.id}`)).statusCode).toBe(200);
    expect((await xl.get(`/api/files/${rec.file.id}/thumbnail`)).statusCode).toBe(200);
  });
});

describe('temporary password', () => {
  it('until it is changed, only who-am-I, change-password and sign-out answer', async () => {
    const admin = await signIn(env.app, 'admin');
    const [office] = await q(env.database, sql`select id from users where username = 'office'`);
    const temp = (await admin.post(`/api/people/${office.id}/reset-password`)).json().temporaryPassword as string;
    const s = await signIn(env.app, 'office', temp);
    const open: string[] = [];
    for (const r of routes) {
      const url = r.url.includes(':') && !UNSCOPED.has(`${r.method} ${r.url}`) ? targets(r).url : r.url.replace(/:(\w+)/g, 'x');
      if (['/api/auth/logout', '/api/auth/change-password'].includes(r.url)) continue;
      const res = await call(s, r, url, false);
      const allowed = r.url === '/api/auth/me';
      if (allowed ? res.statusCode !== 200 : res.statusCode !== 403 || res.json().code !== 'PASSWORD_CHANGE_REQUIRED')
        open.push(`${r.method} ${r.url} → ${res.statusCode}`);
    }
    expect(open).toEqual([]);
    expect((await s.post('/api/auth/change-password', { oldPassword: temp, newPassword: 'Zhuanxiang-2026' })).statusCode).toBe(200);
    expect((await s.get('/api/entities')).statusCode).toBe(200);
    expect((await s.post('/api/auth/logout')).statusCode).toBe(200);
  }, 600_000);
});
