import { ArrowDownOutlined, ArrowUpOutlined, MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, InputNumber, Space } from 'antd';
import type { ReactNode } from 'react';
import { isCalendarDate } from '../../../../contracts/calendar.js';

/** The calendar's own check (contracts/calendar.ts): the format and a real date (no 2月30日). */
export const DATE = {
  validator: (_: unknown, v?: string) =>
    !v || isCalendarDate(v) ? Promise.resolve() : Promise.reject(new Error('格式 YYYY-MM-DD，且须为存在的日期')),
};
export const dateInput = <Input placeholder="YYYY-MM-DD" inputMode="numeric" style={{ width: 130 }} />;

export type Path = (string | number)[];

/** Up / down / remove buttons of a list entry. */
export function MoveButtons({
  index,
  count,
  move,
  remove,
  what,
}: {
  index: number;
  count: number;
  move: (from: number, to: number) => void;
  remove: () => void;
  what: string;
}) {
  return (
    <Space size={0}>
      <Button
        size="small"
        type="text"
        icon={<ArrowUpOutlined />}
        aria-label={`上移${what}`}
        disabled={index === 0}
        onClick={() => move(index, index - 1)}
      />
      <Button
        size="small"
        type="text"
        icon={<ArrowDownOutlined />}
        aria-label={`下移${what}`}
        disabled={index === count - 1}
        onClick={() => move(index, index + 1)}
      />
      <Button size="small" type="text" danger icon={<MinusCircleOutlined />} aria-label={`删除${what}`} onClick={remove} />
    </Space>
  );
}

/** A list of cards, one per entry, with reorder / remove and an add button. */
export function ListCard({
  name,
  title,
  add,
  children,
  cardTitle,
  compact,
}: {
  name: Path | string;
  title: string;
  add: () => unknown;
  children: (field: { key: number; name: number }, remove: () => void) => ReactNode;
  cardTitle?: (index: number) => ReactNode;
  /** A small add button (a rarely used list inside a card) instead of a full-width one. */
  compact?: boolean;
}) {
  return (
    <Form.List name={name}>
      {(fields, ops) => (
        <>
          {fields.map((f) => (
            <Card
              key={f.key}
              size="small"
              style={{ marginBottom: 8 }}
              title={cardTitle ? cardTitle(f.name) : `${title} ${f.name + 1}`}
              extra={<MoveButtons index={f.name} count={fields.length} move={ops.move} remove={() => ops.remove(f.name)} what={title} />}
            >
              {children(f, () => ops.remove(f.name))}
            </Card>
          ))}
          <Button
            type="dashed"
            block={!compact}
            size={compact ? 'small' : undefined}
            icon={<PlusOutlined />}
            onClick={() => ops.add(add())}
          >
            添加{title}
          </Button>
        </>
      )}
    </Form.List>
  );
}

/** A share kept as a fraction (0.5) and shown as a percentage (50%). */
export function PercentInput({
  value,
  onChange,
  id,
  ...rest
}: {
  value?: number;
  onChange?: (v: number | undefined) => void;
  id?: string;
  'aria-label'?: string;
  style?: React.CSSProperties;
}) {
  return (
    <InputNumber
      id={id}
      min={0}
      step={5}
      suffix="%"
      value={value == null ? undefined : Math.round(value * 1e6) / 1e4}
      onChange={(v) => onChange?.(v == null ? undefined : Math.round(Number(v) * 1e4) / 1e6)}
      style={{ width: 110 }}
      {...rest}
    />
  );
}
