import { Select } from 'antd';
import { ENTITY_KINDS, ENTITY_TAGS } from '../../../contracts/entity-kinds.js';

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
