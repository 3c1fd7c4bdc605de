import { Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { ENTITY_KINDS, ENTITY_TAGS } from '../../../contracts/entity-kinds.js';

/** Edit a nested part of the definition as JSON; keeps the parsed value in the form. */
export function JsonArea({
  value,
  onChange,
  rows = 6,
  id,
}: {
  value?: unknown;
  onChange?: (v: unknown) => void;
  rows?: number;
  id?: string;
}) {
  const [text, setText] = useState(() => JSON.stringify(value ?? null, null, 2));
  const [err, setErr] = useState<string | null>(null);
  useEffect(() => {
    try {
      if (JSON.stringify(JSON.parse(text)) !== JSON.stringify(value ?? null)) setText(JSON.stringify(value ?? null, null, 2));
    } catch {
      /* keep the user's unfinished text */
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  return (
    <>
      <Input.TextArea
        id={id}
        rows={rows}
        value={text}
        style={{ fontFamily: 'monospace', fontSize: 12 }}
        onChange={(e) => {
          setText(e.target.value);
          try {
            onChange?.(JSON.parse(e.target.value));
            setErr(null);
          } catch {
            setErr('JSON 格式有误');
          }
        }}
      />
      {err && <div style={{ color: '#ff4d4f', fontSize: 12 }}>{err}</div>}
    </>
  );
}

export const kindOptions = ENTITY_KINDS.map((k) => ({ value: k.code, label: k.label }));
export const tagOptions = Object.entries(ENTITY_TAGS).map(([value, label]) => ({ value, label }));

export function KindSelect(props: { value?: string[]; onChange?: (v: string[]) => void; id?: string }) {
  return <Select mode="multiple" allowClear options={kindOptions} placeholder="选择监管对象类型" optionFilterProp="label" {...props} />;
}

/** Free list of words (products, areas …) as tags. */
export function TagsInput(props: {
  value?: string[];
  onChange?: (v: string[]) => void;
  placeholder?: string;
  options?: { value: string; label: string }[];
  id?: string;
}) {
  return <Select mode="tags" allowClear tokenSeparators={['，', ',', '、']} open={props.options ? undefined : false} {...props} />;
}
