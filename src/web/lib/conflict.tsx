import { App, Button, Modal, Radio, Space, Tag, Typography, type FormInstance } from 'antd';
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { STALE_VERSION, type StaleVersionDetails } from '../../contracts/versions.js';
import { ApiError } from './api.js';

/**
 * "已被他人修改": an edit form saves with the version it loaded; when someone else saved first the
 * server answers 409 STALE_VERSION with the record as it is now. The form then shows the other
 * person's values next to the user's, field by field, and saves the chosen mix against the new
 * version (contracts/versions.ts).
 */

/** The current record of a STALE_VERSION error, or null for any other error. */
export function staleCurrent<T>(e: unknown): T | null {
  if (e instanceof ApiError && e.code === STALE_VERSION && e.details && typeof e.details === 'object') {
    return ((e.details as StaleVersionDetails<T>).current ?? null) as T | null;
  }
  return null;
}

export interface ConflictField {
  name: string;
  label: string;
  /** How a value reads (option labels instead of codes). */
  format?(value: unknown): ReactNode;
}

type Values = Record<string, unknown>;
export type ConflictChoice = { action: 'theirs' } | { action: 'save'; values: Values };

interface Open {
  fields: ConflictField[];
  base: Values;
  mine: Values;
  theirs: Values;
  done(choice: ConflictChoice | null): void;
}

const blank = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
const norm = (v: unknown): string =>
  blank(v) ? '' : Array.isArray(v) ? JSON.stringify([...v].map(String).sort()) : typeof v === 'object' ? JSON.stringify(v) : String(v);
export const sameValue = (a: unknown, b: unknown) => norm(a) === norm(b);

function show(field: ConflictField, v: unknown): ReactNode {
  if (blank(v)) return <Typography.Text type="secondary">（空）</Typography.Text>;
  if (field.format) return field.format(v);
  if (Array.isArray(v)) return v.join('、');
  if (typeof v === 'boolean') return v ? '是' : '否';
  return String(v);
}

/**
 * `const conflict = useConflict()`; render `{conflict.dialog}`; on a STALE_VERSION error call
 * `await conflict.resolve({fields, base, mine, theirs})`: null when the user closed the dialog,
 * `theirs` to take the other person's record, or `save` with the merged values to save again.
 */
export function useConflict() {
  const [open, setOpen] = useState<Open | null>(null);
  const [pick, setPick] = useState<Record<string, 'mine' | 'theirs'>>({});
  const openRef = useRef(open);
  openRef.current = open;

  const resolve = useCallback(
    (args: { fields: ConflictField[]; base: Values; mine: Values; theirs: Values }) =>
      new Promise<ConflictChoice | null>((done) => {
        const initial: Record<string, 'mine' | 'theirs'> = {};
        // Default: what I changed stays mine, everything else takes theirs.
        for (const f of args.fields) initial[f.name] = sameValue(args.mine[f.name], args.base[f.name]) ? 'theirs' : 'mine';
        setPick(initial);
        setOpen({ ...args, done });
      }),
    [],
  );

  const finish = (choice: ConflictChoice | null) => {
    const o = openRef.current;
    setOpen(null);
    o?.done(choice);
  };

  let dialog: ReactNode = null;
  if (open) {
    const differing = open.fields.filter((f) => !sameValue(open.mine[f.name], open.theirs[f.name]));
    const merged = () => {
      const values: Values = { ...open.mine };
      for (const f of open.fields) if (pick[f.name] === 'theirs') values[f.name] = open.theirs[f.name];
      return values;
    };
    dialog = (
      <Modal
        open
        title="已被他人修改"
        onCancel={() => finish(null)}
        width={640}
        footer={
          <Space wrap style={{ justifyContent: 'flex-end', width: '100%' }}>
            <Button onClick={() => finish({ action: 'theirs' })}>全部用对方的</Button>
            <Button onClick={() => finish({ action: 'save', values: { ...open.mine } })}>全部用我的</Button>
            <Button type="primary" onClick={() => finish({ action: 'save', values: merged() })}>
              按所选保存
            </Button>
          </Space>
        }
      >
        <Typography.Paragraph>您编辑期间，其他人已保存了这条记录。请逐项选择保留对方的还是您的内容，再保存。</Typography.Paragraph>
        {differing.length === 0 && (
          <Typography.Paragraph type="secondary">对方修改的内容与您填写的一致，或不在本表单中，可直接保存。</Typography.Paragraph>
        )}
        <div data-testid="conflict-fields">
          {differing.map((f) => {
            const both = !sameValue(open.mine[f.name], open.base[f.name]) && !sameValue(open.theirs[f.name], open.base[f.name]);
            return (
              <div key={f.name} data-field={f.name} style={{ borderTop: '1px solid #f0f0f0', padding: '8px 0' }}>
                <Typography.Text strong>{f.label}</Typography.Text> {both && <Tag color="orange">双方都改了</Tag>}
                <Radio.Group
                  value={pick[f.name]}
                  onChange={(e) => setPick((p) => ({ ...p, [f.name]: e.target.value }))}
                  style={{ display: 'block', marginTop: 4 }}
                >
                  <Space orientation="vertical" style={{ width: '100%' }}>
                    <Radio value="theirs" style={{ wordBreak: 'break-all' }}>
                      对方的：{show(f, open.theirs[f.name])}
                    </Radio>
                    <Radio value="mine" style={{ wordBreak: 'break-all' }}>
                      我的：{show(f, open.mine[f.name])}
                    </Radio>
                  </Space>
                </Radio.Group>
              </div>
            );
          })}
        </div>
      </Modal>
    );
  }
  const { message } = App.useApp();
  /**
   * The whole round in an edit form's catch: when `e` is STALE_VERSION, show the dialog, move the
   * form's loaded record on to the current one, then either take theirs into the form or save the
   * merge against the current version (`retry`). Returns false for any other error.
   */
  async function handle<T extends { version: number }>(
    e: unknown,
    o: {
      form: FormInstance;
      fields: ConflictField[];
      base: T | null | undefined;
      mine: Values;
      values(record: T): Values;
      setLoaded(record: T): void;
      retry(values: Values, current: T): Promise<unknown>;
    },
  ): Promise<boolean> {
    const current = staleCurrent<T>(e);
    if (!current || !o.base) return false;
    const choice = await resolve({ fields: o.fields, base: o.values(o.base), mine: o.mine, theirs: o.values(current) });
    if (!choice) return true;
    o.setLoaded(current);
    if (choice.action === 'theirs') {
      o.form.setFieldsValue(o.values(current));
      message.info('已采用对方的修改');
      return true;
    }
    o.form.setFieldsValue(choice.values);
    await o.retry({ ...o.mine, ...choice.values }, current);
    return true;
  }
  return { resolve, handle, dialog };
}

/** A form's values for the conflict comparison: the listed fields of a record (missing → null). */
export function pickFields(fields: ConflictField[], record: object): Record<string, unknown> {
  return Object.fromEntries(fields.map((f) => [f.name, (record as Record<string, unknown>)[f.name] ?? null]));
}
