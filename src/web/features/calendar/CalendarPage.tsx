import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Input, Select, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import {
  addDays,
  CALENDAR_DAY_KINDS,
  CALENDAR_SOURCES,
  calendarYearIssues,
  shanghaiToday,
  weekdayOf,
  type CalendarYear,
  type CalendarYearSummary,
} from '../../../contracts/calendar.js';
import { WEEKDAY_LABELS } from '../../../contracts/deadline-rules.js';
import { api } from '../../lib/api.js';
import { useAuth } from '../../lib/auth.js';
import { sameValue, staleCurrent, useConflict, type ConflictField } from '../../lib/conflict.js';
import { useMobile } from '../../lib/screens.js';

type Kind = 'holidays' | 'workdays';
interface Row {
  date: string;
  name: string;
}
type Lists = Record<Kind, Row[]>;

const FIELDS: ConflictField[] = [
  { name: 'holidays', label: CALENDAR_DAY_KINDS.holiday },
  { name: 'workdays', label: CALENDAR_DAY_KINDS.workday },
];
const toLists = (y: CalendarYear): Lists => ({
  holidays: y.holidays.map((d) => ({ date: d.date, name: d.name ?? '' })),
  workdays: y.workdays.map((d) => ({ date: d.date, name: d.name ?? '' })),
});
/** Lists as text for the "已被他人修改" comparison: one "date name" per day. */
const asText = (l: Lists) => ({
  holidays: l.holidays.map((d) => `${d.date} ${d.name}`.trim()),
  workdays: l.workdays.map((d) => `${d.date} ${d.name}`.trim()),
});
const weekend = (date: string) => weekdayOf(date) >= 6;

/** 节假日日历: an administrator enters the State Council's holiday arrangement of a year (放假、调休上班). */
export default function CalendarPage() {
  const { can } = useAuth();
  const mobile = useMobile();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const conflict = useConflict();
  const thisYear = Number(shanghaiToday().slice(0, 4));
  const [year, setYear] = useState(thisYear + 1);
  const years = useQuery({ queryKey: ['calendar-years'], queryFn: () => api<CalendarYearSummary[]>('/api/calendar/years') });
  const entry = useQuery({ queryKey: ['calendar', year], queryFn: () => api<CalendarYear>(`/api/calendar/${year}`) });
  /** The year as this form loaded it (its version); moves on when a conflict is resolved. */
  const [loaded, setLoaded] = useState<CalendarYear | null>(null);
  const [lists, setLists] = useState<Lists>({ holidays: [], workdays: [] });
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [rangeName, setRangeName] = useState('');

  useEffect(() => {
    if (!entry.data) return;
    setLoaded(entry.data);
    setLists(toLists(entry.data));
    setError(null);
  }, [entry.data]);

  const known = new Map((years.data ?? []).map((y) => [y.year, y]));
  const yearOptions = [...new Set([...known.keys(), ...[-1, 0, 1, 2, 3].map((n) => thisYear + n)])]
    .sort((a, b) => b - a)
    .map((y) => ({ value: y, label: `${y}年${known.has(y) ? `（${CALENDAR_SOURCES[known.get(y)!.source]}）` : '（未录入）'}` }));

  const editable = can('calendar.manage');
  const issues = calendarYearIssues(year, {
    holidays: lists.holidays.filter((d) => d.date),
    workdays: lists.workdays.filter((d) => d.date),
  });
  const blank = [...lists.holidays, ...lists.workdays].some((d) => !d.date);
  const dirty = !!loaded && JSON.stringify(asText(lists)) !== JSON.stringify(asText(toLists(loaded)));

  const set = (kind: Kind, rows: Row[]) => setLists((l) => ({ ...l, [kind]: rows }));
  const sorted = (rows: Row[]) => [...rows].sort((a, b) => (a.date || '9').localeCompare(b.date || '9'));

  function addRange() {
    if (!range?.[0] || !range[1]) return;
    const from = range[0].format('YYYY-MM-DD');
    const to = range[1].format('YYYY-MM-DD');
    const have = new Set(lists.holidays.map((d) => d.date));
    const add: Row[] = [];
    for (let d = from; d <= to; d = addDays(d, 1)) if (!have.has(d)) add.push({ date: d, name: rangeName.trim() });
    set('holidays', sorted([...lists.holidays.filter((d) => d.date), ...add]));
    setRange(null);
  }

  async function save(body: Lists, base: CalendarYear) {
    setSaving(true);
    setError(null);
    try {
      const payload = {
        holidays: body.holidays.map((d) => ({ date: d.date, name: d.name.trim() || null })),
        workdays: body.workdays.map((d) => ({ date: d.date, name: d.name.trim() || null })),
        version: base.version,
      };
      const saved = await api<CalendarYear>(`/api/calendar/${year}`, { method: 'PUT', body: payload });
      setLoaded(saved);
      setLists(toLists(saved));
      queryClient.setQueryData(['calendar', year], saved);
      void queryClient.invalidateQueries({ queryKey: ['calendar-years'] });
      message.success(`已保存${year}年节假日日历`);
    } catch (e) {
      const current = staleCurrent<CalendarYear>(e);
      if (!current) {
        setError(e instanceof Error ? e.message : String(e));
        return;
      }
      setSaving(false);
      const choice = await conflict.resolve({
        fields: FIELDS,
        base: asText(toLists(base)),
        mine: asText(body),
        theirs: asText(toLists(current)),
      });
      setLoaded(current);
      if (!choice) return;
      if (choice.action === 'theirs') {
        setLists(toLists(current));
        message.info('已采用对方的修改');
        return;
      }
      const theirs = toLists(current);
      const pick = (k: Kind) => (sameValue(choice.values[k], asText(theirs)[k]) ? theirs[k] : body[k]);
      await save({ holidays: pick('holidays'), workdays: pick('workdays') }, current);
    } finally {
      setSaving(false);
    }
  }

  const outsideYear = (d: Dayjs) => d.year() !== year;
  const list = (kind: Kind) => (
    <div data-testid={`calendar-${kind}`}>
      {lists[kind].length === 0 && <Typography.Paragraph type="secondary">（无）</Typography.Paragraph>}
      {lists[kind].map((row, i) => (
        <div key={`${kind}-${i}`} style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center', marginBottom: 8 }}>
          <DatePicker
            value={row.date ? dayjs(row.date) : null}
            onChange={(d) =>
              set(
                kind,
                lists[kind].map((r, j) => (j === i ? { ...r, date: d ? d.format('YYYY-MM-DD') : '' } : r)),
              )
            }
            disabledDate={outsideYear}
            defaultPickerValue={dayjs(`${year}-01-01`)}
            allowClear={false}
            disabled={!editable}
            style={{ width: 140 }}
            aria-label={`${CALENDAR_DAY_KINDS[kind === 'holidays' ? 'holiday' : 'workday']}日期`}
          />
          <span style={{ width: 32, color: row.date && weekend(row.date) ? '#cf1322' : undefined }}>
            {row.date ? WEEKDAY_LABELS[weekdayOf(row.date)] : ''}
          </span>
          <Input
            value={row.name}
            onChange={(e) =>
              set(
                kind,
                lists[kind].map((r, j) => (j === i ? { ...r, name: e.target.value } : r)),
              )
            }
            placeholder={kind === 'holidays' ? '节日名称，如 春节' : '因何调休，如 春节'}
            maxLength={30}
            disabled={!editable}
            style={{ flex: '1 1 120px', minWidth: 0 }}
            aria-label="名称"
          />
          {editable && (
            <Button
              icon={<DeleteOutlined />}
              aria-label="删除"
              onClick={() =>
                set(
                  kind,
                  lists[kind].filter((_, j) => j !== i),
                )
              }
            />
          )}
        </div>
      ))}
      {editable && (
        <Button icon={<PlusOutlined />} onClick={() => set(kind, [...lists[kind], { date: '', name: '' }])}>
          添加一天
        </Button>
      )}
    </div>
  );

  const summary = known.get(year);
  return (
    <Card title="节假日日历" size={mobile ? 'small' : 'medium'} styles={{ body: { maxWidth: 760 } }}>
      {conflict.dialog}
      <Space wrap style={{ marginBottom: 12 }}>
        <Select value={year} onChange={setYear} options={yearOptions} style={{ width: 200 }} aria-label="年份" />
        {loaded?.source && <Tag color={loaded.source === 'admin' ? 'blue' : 'default'}>{CALENDAR_SOURCES[loaded.source]}</Tag>}
        {summary && (
          <Typography.Text type="secondary">
            {summary.holidays}天节假日、{summary.workdays}天调休上班
            {summary.updatedBy ? `；${summary.updatedBy}修改于 ${dayjs(summary.updatedAt).format('YYYY-MM-DD HH:mm')}` : ''}
          </Typography.Text>
        )}
      </Space>
      <Typography.Paragraph type="secondary">
        按国务院办公厅每年发布的节假日安排通知录入：法定节假日为放假的日期（含其中的周末），调休上班日为需要上班的周六、周日。工作日计算（如“每个工作日报送”）只使用已录入的年份。
      </Typography.Paragraph>
      {loaded && !loaded.source && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`${year}年节假日安排尚未录入：涉及该年的工作日计算会提示先录入。`}
        />
      )}
      {loaded?.source === 'package' && editable && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="本年数据随系统提供；保存后改为“管理员录入”，以后系统更新不再覆盖。"
        />
      )}
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} />}
      {entry.isError && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={(entry.error as Error).message} />}

      <Typography.Title level={5}>{CALENDAR_DAY_KINDS.holiday}</Typography.Title>
      {editable && (
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 12 }}>
          <DatePicker.RangePicker
            value={range as any}
            onChange={(v) => setRange(v as any)}
            disabledDate={outsideYear}
            defaultPickerValue={[dayjs(`${year}-01-01`), dayjs(`${year}-01-01`)]}
            placeholder={['放假开始', '放假结束']}
            style={{ width: mobile ? '100%' : 260 }}
            aria-label="放假日期段"
          />
          <Input
            value={rangeName}
            onChange={(e) => setRangeName(e.target.value)}
            placeholder="节日名称"
            maxLength={30}
            style={{ flex: '1 1 120px', minWidth: 0 }}
            aria-label="日期段名称"
          />
          <Button onClick={addRange} disabled={!range?.[0] || !range?.[1]}>
            按日期段添加
          </Button>
        </div>
      )}
      {list('holidays')}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {CALENDAR_DAY_KINDS.workday}
      </Typography.Title>
      {list('workdays')}

      {issues.length > 0 && <Alert type="error" showIcon style={{ marginTop: 12 }} title={issues.map((i) => i.message).join('；')} />}
      {editable && (
        <Space wrap style={{ marginTop: 16 }}>
          <Button
            type="primary"
            loading={saving}
            disabled={!loaded || !dirty || issues.length > 0 || blank || lists.holidays.length === 0}
            onClick={() => loaded && save({ holidays: sorted(lists.holidays), workdays: sorted(lists.workdays) }, loaded)}
          >
            保存
          </Button>
          <Button disabled={!dirty} onClick={() => loaded && setLists(toLists(loaded))}>
            撤销修改
          </Button>
          {blank && <Typography.Text type="secondary">请为每一行选择日期</Typography.Text>}
        </Space>
      )}
    </Card>
  );
}
