import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useEffect, useState } from 'react';
import type { EntityPage } from '../../../contracts/entities.js';
import { api, qs } from '../../lib/api.js';

/**
 * Choose a unit of the registry by name or credit code (searched on the server as you type), within
 * the caller's scope and optionally one station or area. Used wherever a form names a unit.
 */
export function EntityPicker(props: {
  value?: number | null;
  onChange?: (id: number | null) => void;
  jurisdictionId?: number;
  placeholder?: string;
  style?: React.CSSProperties;
  id?: string;
}) {
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const t = setTimeout(() => setQ(typed.trim()), 250);
    return () => clearTimeout(t);
  }, [typed]);
  const res = useQuery({
    queryKey: ['entity-picker', props.jurisdictionId, q],
    queryFn: () =>
      api<EntityPage>(
        `/api/entities${qs({ q: q || undefined, jurisdictionId: props.jurisdictionId, statuses: 'operating', page: 1, pageSize: 20 })}`,
      ),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
  return (
    <Select
      id={props.id}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      allowClear
      value={props.value ?? undefined}
      onChange={(v) => props.onChange?.(v ?? null)}
      placeholder={props.placeholder ?? '输入名称或统一社会信用代码搜索'}
      style={props.style}
      loading={res.isFetching}
      notFoundContent={res.isFetching ? '搜索中…' : '没有符合的对象'}
      options={(res.data?.items ?? []).map((e) => ({
        value: e.id,
        label: `${e.name}（${e.kindLabel} · ${e.stationName}）`,
      }))}
      popupMatchSelectWidth={false}
    />
  );
}
