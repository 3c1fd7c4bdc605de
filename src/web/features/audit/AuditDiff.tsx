import { Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { AUDIT_FIELD_LABELS, auditFieldLabel, auditValueLabel } from '../../../contracts/audit.js';
/** Bookkeeping fields that change on every write and say nothing to a reader. */
const NOISE = new Set(['updatedAt', 'lastLoginAt', 'failedLogins']);
const FIELD_ORDER = Object.keys(AUDIT_FIELD_LABELS)
  .filter((f) => f !== 'id')
  .concat('id');

/** A value as a reader says it: states, kinds and roles by their Chinese names (contracts/audit.ts). */
function show(type: string, field: string, v: unknown): string {
  if (v === undefined) return '';
  if (v === null || v === '') return '（空）';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (Array.isArray(v) && v.every((x) => typeof x === 'string'))
    return v.length ? v.map((x) => auditValueLabel(type, field, x) ?? x).join('、') : '（空）';
  if (typeof v === 'string') {
    const label = auditValueLabel(type, field, v);
    if (label) return label;
    if (/^\d{4}-\d{2}-\d{2}T/.test(v)) return new Date(v).toLocaleString('zh-CN');
    return v;
  }
  if (Array.isArray(v)) return v.length ? v.map((x) => show(type, field, x)).join('；') : '（空）';
  // A nested record (a licence, a piece of evidence): its fields by name, not as JSON.
  if (typeof v === 'object') {
    return Object.entries(v as Record<string, unknown>)
      .filter(([, x]) => x !== null && x !== undefined && x !== '')
      .map(([k, x]) => `${auditFieldLabel(type, k)}：${show(type, k, x)}`)
      .join('，');
  }
  return String(v);
}

interface Row {
  field: string;
  before: unknown;
  after: unknown;
  changed: boolean;
}

/** Before/after of one audit row as a field-by-field table, changed fields first and highlighted. */
export function AuditDiff({ entityType, before, after, ip }: { entityType: string; before: unknown; after: unknown; ip: string | null }) {
  const [all, setAll] = useState(false);
  const b = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>;
  const isCreate = before == null;
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const rows: Row[] = fields.map((f) => ({
    field: f,
    before: b[f],
    after: a[f],
    changed: JSON.stringify(b[f] ?? null) !== JSON.stringify(a[f] ?? null),
  }));
  const significant = rows.filter((r) => !NOISE.has(r.field));
  const changed = significant.filter((r) => r.changed);
  const order = (f: string) => {
    const i = FIELD_ORDER.indexOf(f);
    return i < 0 ? FIELD_ORDER.length : i;
  };
  const visible = (all ? rows : isCreate ? significant : changed).sort(
    (x, y) => Number(y.changed && !isCreate) - Number(x.changed && !isCreate) || order(x.field) - order(y.field),
  );
  return (
    <div data-testid="audit-diff" style={{ maxWidth: 900 }}>
      <div style={{ display: 'flex', gap: 12, alignItems: 'center', marginBottom: 6, flexWrap: 'wrap' }}>
        <Typography.Text type="secondary">
          {isCreate ? `新建，共 ${significant.length} 个字段` : `修改了 ${changed.length} 个字段`}
          {ip ? ` · 来源 IP ${ip}` : ''}
        </Typography.Text>
        {!isCreate && rows.length > changed.length && (
          <span>
            <Switch size="small" checked={all} onChange={setAll} /> <Typography.Text type="secondary">显示全部字段</Typography.Text>
          </span>
        )}
      </div>
      <Table<Row>
        size="small"
        rowKey="field"
        pagination={false}
        dataSource={visible}
        rowClassName={(r) => (r.changed && !isCreate ? 'audit-changed' : '')}
        onRow={(r) => ({ style: r.changed && !isCreate ? { background: '#fffbe6' } : undefined })}
        columns={[
          {
            title: '字段',
            dataIndex: 'field',
            width: 140,
            render: (f: string, r) => (
              <span>
                {auditFieldLabel(entityType, f)}
                {r.changed && !isCreate && (
                  <Tag color="gold" style={{ marginLeft: 6 }}>
                    已改
                  </Tag>
                )}
              </span>
            ),
          },
          ...(isCreate
            ? []
            : [
                {
                  title: '修改前',
                  render: (_: unknown, r: Row) =>
                    r.changed ? (
                      <Typography.Text delete type="danger">
                        {show(entityType, r.field, r.before)}
                      </Typography.Text>
                    ) : (
                      show(entityType, r.field, r.before)
                    ),
                },
              ]),
          {
            title: isCreate ? '值' : '修改后',
            render: (_: unknown, r: Row) =>
              r.changed && !isCreate ? (
                <Typography.Text strong style={{ color: '#389e0d' }}>
                  {show(entityType, r.field, r.after)}
                </Typography.Text>
              ) : (
                show(entityType, r.field, r.after)
              ),
          },
        ]}
      />
    </div>
  );
}
