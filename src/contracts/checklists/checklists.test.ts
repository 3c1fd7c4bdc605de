import { describe, expect, it } from 'vitest';
import {
  checkDefinition,
  checklist as checklistSchema,
  missingProvenance,
  violationType,
  type CampaignDefinition,
  type Checklist,
} from '../campaigns.js';
import { ENTITY_KIND_CODES } from '../entity-kinds.js';
import { LEGAL_ARTICLES } from '../legal-articles.js';
import {
  checklistFor,
  checklistItems,
  resolveChecklist,
  DEFAULT_CHECKLISTS,
  DEFAULT_VIOLATION_TYPES,
  GENERIC_CHECKLIST,
  validateAnswers,
  violationTypesFor,
} from './index.js';

const ARTICLE_NUMBER = /第[一二三四五六七八九十百零]+条/;

describe('bundled checklists and violation types', () => {
  const all = [...DEFAULT_CHECKLISTS, GENERIC_CHECKLIST];

  it('are valid checklists whose article keys exist and whose basis never carries an article number', () => {
    for (const c of all) {
      expect(checklistSchema.safeParse(c).success, c.key).toBe(true);
      const keys = checklistItems(c).map((i) => i.key);
      expect(new Set(keys).size, `${c.key} item keys unique`).toBe(keys.length);
      for (const i of checklistItems(c)) {
        for (const a of i.articles ?? []) expect(LEGAL_ARTICLES, `${c.key}.${i.key}`).toHaveProperty([a]);
        expect(i.basis ?? '', `${c.key}.${i.key}`).not.toMatch(ARTICLE_NUMBER);
        expect(i.articles?.length || i.basis, `${c.key}.${i.key} has a legal basis`).toBeTruthy();
      }
    }
    for (const v of DEFAULT_VIOLATION_TYPES) {
      expect(violationType.safeParse(v).success, v.key).toBe(true);
      for (const a of v.articles ?? []) expect(LEGAL_ARTICLES, v.key).toHaveProperty([a]);
    }
    expect(new Set(all.map((c) => c.key)).size).toBe(all.length);
    expect(new Set(DEFAULT_VIOLATION_TYPES.map((v) => v.key)).size).toBe(DEFAULT_VIOLATION_TYPES.length);
  });

  it('cover 零售药店, 医疗机构, 医疗器械经营 and 化妆品经营, each saying its kinds', () => {
    expect(checklistFor(null, 'pharmacy_single').key).toBe('retail-pharmacy');
    expect(checklistFor(null, 'pharmacy_chain').key).toBe('retail-pharmacy');
    for (const k of ['medical_institution', 'clinic', 'cdc', 'vaccination_site'] as const)
      expect(checklistFor(null, k).key).toBe('medical-use');
    for (const k of [
      'cosmetics_maternal',
      'cosmetics_store',
      'cosmetics_counter',
      'beauty_salon',
      'hair_salon',
      'hotel',
      'bathhouse',
    ] as const)
      expect(resolveChecklist(null, k)).toMatchObject({ checklist: { key: 'cosmetics' }, source: 'default' });
    for (const c of DEFAULT_CHECKLISTS) expect(c.kinds?.length, c.key).toBeGreaterThan(0);
    // The GSP points of a retail pharmacy are there.
    const retail = checklistItems(checklistFor(null, 'pharmacy_single')).map((i) => i.key);
    expect(retail).toEqual(
      expect.arrayContaining([
        'licence',
        'pharmacist',
        'acceptance',
        'records',
        'prescription',
        'compound',
        'cold-chain',
        'temperature',
        'splitting',
        'herbal',
      ]),
    );
  });

  it('every kind gets a checklist: kinds without a default get the generic one', () => {
    for (const k of ENTITY_KIND_CODES) expect(checklistItems(checklistFor(null, k)).length, k).toBeGreaterThan(0);
    expect(resolveChecklist(null, 'drug_wholesaler')).toEqual({ checklist: GENERIC_CHECKLIST, source: 'generic' });
    expect(checklistFor(null, 'no_such_kind')).toBe(GENERIC_CHECKLIST);
  });
});

describe('checklistFor', () => {
  const item = (key: string) => ({ key, text: `检查项${key}` });
  const cl = (key: string, extra: Partial<Checklist> = {}): Checklist => ({
    key,
    label: key,
    sections: [{ title: '一', items: [item('a')] }],
    ...extra,
  });
  const def = (...checklists: Checklist[]) => ({ checklists });

  it('device dealers by supervision level: 三级 gets the level-3 variant, others and unknown levels the base', () => {
    const l3 = checklistFor(null, 'device_dealer', '3');
    expect(l3.key).toBe('device-dealer-3');
    expect(l3.sections.map((s) => s.title)).toContain('三级监管重点');
    for (const level of ['1', '2', undefined, null] as const) {
      const c = checklistFor(null, 'device_dealer', level);
      expect(c.key, String(level)).toBe('device-dealer');
      expect(c.sections.map((s) => s.title)).not.toContain('三级监管重点');
    }
    // The level-3 variant holds every base point too.
    const base = checklistItems(checklistFor(null, 'device_dealer')).map((i) => i.key);
    expect(checklistItems(l3).map((i) => i.key)).toEqual(expect.arrayContaining(base));
  });

  it('picks the campaign checklist naming the kind, before one for any kind and before the default', () => {
    const d = def(cl('any'), cl('shops', { kinds: ['pharmacy_single', 'pharmacy_chain'] }), cl('shops-2', { kinds: ['pharmacy_single'] }));
    expect(resolveChecklist(d, 'pharmacy_single')).toMatchObject({ checklist: { key: 'shops' }, source: 'campaign' });
    // No checklist names the kind: the campaign's checklist for any kind (the seeds' checklists have no kinds).
    expect(resolveChecklist(d, 'hotel')).toMatchObject({ checklist: { key: 'any' }, source: 'campaign' });
  });

  it('falls back to the bundled default for the kind when no campaign checklist applies', () => {
    const d = def(cl('shops', { kinds: ['pharmacy_single'] }));
    expect(resolveChecklist(d, 'hotel')).toMatchObject({ checklist: { key: 'cosmetics' }, source: 'default' });
    expect(resolveChecklist({ checklists: [] }, 'pharmacy_single')).toMatchObject({
      checklist: { key: 'retail-pharmacy' },
      source: 'default',
    });
  });

  it('a campaign checklist for device levels applies only to units of those levels', () => {
    const d = def(cl('dealers', { kinds: ['device_dealer'] }), cl('dealers-3', { kinds: ['device_dealer'], deviceLevels: ['3'] }));
    expect(resolveChecklist(d, 'device_dealer', '3').checklist.key).toBe('dealers-3');
    expect(resolveChecklist(d, 'device_dealer', '1').checklist.key).toBe('dealers');
    expect(resolveChecklist(d, 'device_dealer').checklist.key).toBe('dealers');
    expect(resolveChecklist(def(cl('dealers-3', { kinds: ['device_dealer'], deviceLevels: ['3'] })), 'device_dealer', '2')).toMatchObject({
      checklist: { key: 'device-dealer' },
      source: 'default',
    });
  });

  it('violation types: the campaign’s, else the default catalogue', () => {
    const own = [{ key: 'x', label: '某类违法' }];
    expect(violationTypesFor({ violationTypes: own })).toBe(own);
    expect(violationTypesFor({ violationTypes: [] })).toBe(DEFAULT_VIOLATION_TYPES);
    expect(violationTypesFor(null)).toBe(DEFAULT_VIOLATION_TYPES);
  });
});

describe('validateAnswers', () => {
  const c: Checklist = {
    key: 't',
    label: '测试表',
    sections: [
      {
        title: '一',
        items: [
          { key: 'a', text: '甲项' },
          { key: 'b', text: '乙项' },
        ],
      },
      { title: '二', items: [{ key: 'c', text: '丙项' }] },
    ],
  };
  const all = [
    { itemKey: 'a', result: 'pass' as const },
    { itemKey: 'b', result: 'fail' as const, note: '无记录' },
    { itemKey: 'c', result: 'na' as const },
  ];

  it('accepts every item answered once', () => expect(validateAnswers(c, all)).toEqual([]));

  it('refuses an answer to an item the checklist lacks', () => {
    expect(validateAnswers(c, [...all, { itemKey: 'z', result: 'pass' }])).toEqual([
      { path: '3.itemKey', message: '检查表“测试表”中没有检查项“z”' },
    ]);
  });

  it('refuses a duplicate answer', () => {
    expect(validateAnswers(c, [...all, { itemKey: 'b', result: 'pass' }])).toEqual([
      { path: '3.itemKey', message: '检查项“乙项”重复作答' },
    ]);
  });

  it('refuses missing answers, naming each item', () => {
    expect(validateAnswers(c, [all[1]])).toEqual([
      { path: '', message: '检查项“甲项”未作答' },
      { path: '', message: '检查项“丙项”未作答' },
    ]);
    expect(validateAnswers(c, [])).toHaveLength(3);
  });

  it('works on a bundled checklist end to end', () => {
    const checklist = checklistFor(null, 'cosmetics_store');
    const answers = checklistItems(checklist).map((i) => ({ itemKey: i.key, result: 'pass' as const }));
    expect(validateAnswers(checklist, answers)).toEqual([]);
    expect(validateAnswers(checklist, answers.slice(1))).toHaveLength(1);
  });
});

describe('checklist fields in a campaign definition', () => {
  const base = (extra: Record<string, unknown> = {}) => ({
    schemaVersion: 1,
    name: '测试行动',
    issuer: '测试局',
    period: { from: '2023-07-01', to: '2023-12-31' },
    phases: [{ key: 'all', name: '全程', from: '2023-07-01', to: '2023-12-31' }],
    organisation: { leadingGroup: { name: '领导小组', leader: { title: '局长' } }, office: { unit: '药械股' } },
    ...extra,
  });
  const issues = (d: unknown) => {
    const r = checkDefinition(d);
    return r.ok ? [] : r.issues;
  };
  const items = [{ key: 'a', text: '甲' }];

  it('kinds and deviceLevels are optional; a definition without them and without violationTypes is valid', () => {
    const r = checkDefinition(base({ checklists: [{ key: 'x', label: 'X', sections: [{ title: '一', items }] }] }));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.definition.violationTypes).toEqual([]);
  });

  it('refuses unknown kinds, device levels on a checklist not for device dealers, duplicate item keys, unknown articles', () => {
    expect(issues(base({ checklists: [{ key: 'x', label: 'X', kinds: ['shop'], sections: [{ title: '一', items }] }] }))).toContainEqual({
      path: 'checklists.0.kinds.0',
      message: '未知的监管对象类型',
    });
    expect(
      issues(base({ checklists: [{ key: 'x', label: 'X', kinds: ['hotel'], deviceLevels: ['3'], sections: [{ title: '一', items }] }] })),
    ).toContainEqual({ path: 'checklists.0.deviceLevels', message: expect.stringContaining('医疗器械经营企业') });
    expect(
      issues(
        base({
          checklists: [
            {
              key: 'x',
              label: 'X',
              sections: [
                { title: '一', items },
                { title: '二', items },
              ],
            },
          ],
        }),
      ),
    ).toContainEqual({ path: 'checklists.0.sections.1.items.0.key', message: expect.stringContaining('重复') });
    expect(issues(base({ violationTypes: [{ key: 'v', label: 'V', articles: ['drug-law-1'] }] }))).toContainEqual({
      path: 'violationTypes.0.articles.0',
      message: expect.stringContaining('法条'),
    });
    expect(
      issues(
        base({
          violationTypes: [
            { key: 'v', label: 'V' },
            { key: 'v', label: 'W' },
          ],
        }),
      ),
    ).toContainEqual({ path: 'violationTypes.1.key', message: expect.stringContaining('重复') });
  });

  it('each violation type needs a provenance of its own', () => {
    const r = checkDefinition(base({ violationTypes: [{ key: 'v', label: 'V' }], provenance: { name: '标题' } }));
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(missingProvenance(r.definition as CampaignDefinition)).toContain('violationTypes.v');
    expect(
      missingProvenance({
        ...r.definition,
        provenance: { ...r.definition.provenance, 'violationTypes.v': { kind: 'quoted', source: '二（一）' } },
      }),
    ).not.toContain('violationTypes.v');
  });
});
