import type { CampaignDefinition } from './campaigns.js';

/**
 * Where a definition path points, in the bureau's words, for people: the 待确认 list and the version
 * notes of confirmed values (“确认推定值：报送任务“每周汇总…”的报送单位”), never the path itself.
 */
/** What a path points at, in the bureau's words (报送任务“…”的时限, 检查指标“…”). */
export function pathLabel(def: CampaignDefinition, path: string): string {
  const [coll, key, ...rest] = path.split('.');
  const field: Record<string, string> = {
    rule: '时限',
    submitters: '报送单位',
    recipient: '接收单位',
    units: '责任单位',
    times: '检查次数',
    population: '检查对象',
    kinds: '对象类型',
    rows: '行',
    measures: '栏目',
    cumulativeFrom: '累计起点',
    sections: '报告格式',
    byCreditGrade: '各信用等级频次',
    content: '具体内容',
    due: '完成期限',
    by: '期限',
    within: '首次报送',
    event: '触发事件',
    withinHours: '报送时限（小时）',
    every: '报送周期',
    sub: '所属子行动',
    partners: '配合单位',
    measure: '统计指标',
    decimals: '小数位数',
    phase: '阶段',
    memberUnits: '成员单位',
    leader: '组长',
    unit: '所在单位',
    target: '指标',
    weekday: '星期几',
    day: '日期',
    monthOfQuarter: '季度内月份',
  };
  const tail = rest.length ? `的${field[rest[rest.length - 1]] ?? '设定'}` : '';
  const find = <T>(xs: T[] | undefined, f: (x: T) => boolean) => xs?.find(f);
  switch (coll) {
    case 'obligations':
      return `报送任务“${find(def.obligations, (o) => o.key === key)?.label ?? key}”${tail}`;
    case 'quotas': {
      const all = (rs: CampaignDefinition['quotas']): CampaignDefinition['quotas'] => rs.flatMap((r) => [r, ...all(r.children ?? [])]);
      const id = rest[0] === 'children' ? rest[1] : key;
      const t = rest[0] === 'children' ? (rest.length > 2 ? `的${field[rest[rest.length - 1]] ?? ''}` : '') : tail;
      return `检查指标“${find(all(def.quotas), (q) => q.id === id)?.label ?? id}”${t}`;
    }
    case 'tasks':
      return `任务${key}“${find(def.tasks, (x) => String(x.no) === key)?.target ?? ''}”${tail}`;
    case 'tables': {
      const table = find(def.tables, (x) => x.key === key);
      const name = `统计表“${table?.label ?? key}”`;
      // A column's or a row's own field: name the column / row by its label.
      if ((rest[0] === 'measures' || rest[0] === 'rows') && rest.length > 2) {
        const part = rest[0] === 'measures' ? find(table?.measures, (m) => m.key === rest[1]) : find(table?.rows, (r) => r.key === rest[1]);
        return `${name}的${rest[0] === 'measures' ? '栏目' : '行'}“${part?.label ?? rest[1]}”${tail}`;
      }
      return `${name}${tail}`;
    }
    case 'phases':
      if (!key) return '工作阶段';
      return `阶段“${find(def.phases, (x) => x.key === key)?.name ?? key}”`;
    case 'checklists':
      return `检查要点“${find(def.checklists, (x) => x.key === key)?.label ?? key}”`;
    case 'violationTypes':
      return `违法违规类型“${find(def.violationTypes, (x) => x.key === key)?.label ?? key}”${rest[0] === 'articles' ? '的法条' : ''}`;
    case 'events':
      return `活动“${def.events[Number(key)]?.label ?? key}”的日期`;
    case 'period':
      return '行动起止日期';
    case 'staffing':
      return key ? `基层队伍配备${tail || '期限'}` : '基层队伍配备目标';
    case 'liaisons':
      return key ? `联络员${field[key] ?? key}` : '联络员登记';
    case 'organisation':
      return key === 'leadingGroup'
        ? `领导小组${rest.length ? tail : ''}`
        : key === 'office'
          ? `领导小组办公室${rest.length ? tail : ''}`
          : '工作组';
    case 'focus':
      return `重点（${{ entityKinds: '对象类型', tags: '对象标签', products: '产品', objects: '对象', areas: '区域', channels: '渠道', violations: '违法行为' }[key] ?? key}）`;
    default:
      return path;
  }
}
