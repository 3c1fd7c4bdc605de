import { Tag } from 'antd';
import { ENTITY_TAGS, LICENCE_STATES, RISK_LEVELS, type EntityTag, type LicenceState } from '../../../contracts/entity-kinds.js';
import { PRODUCTS } from '../../../contracts/products.js';

export const RISK_COLORS: Record<string, string> = { low: 'green', medium: 'orange', high: 'red' };
export const STATUS_COLORS: Record<string, string> = { operating: 'blue', suspended: 'default', closed: 'default' };
export const LICENCE_COLORS: Record<LicenceState, string> = { valid: 'green', expiring: 'orange', expired: 'red' };

export function RiskTag({ level }: { level: string }) {
  return <Tag color={RISK_COLORS[level]}>{RISK_LEVELS[level as keyof typeof RISK_LEVELS] ?? level}风险</Tag>;
}

export function LicenceTag({ state, date }: { state: LicenceState | null; date?: string | null }) {
  if (!state) return <span style={{ color: '#999' }}>—</span>;
  return (
    <Tag color={LICENCE_COLORS[state]}>
      {date ?? ''}
      {state !== 'valid' ? ` ${LICENCE_STATES[state]}` : ''}
    </Tag>
  );
}

export function EntityTags({ tags }: { tags: string[] }) {
  return (
    <>
      {tags.map((t) => (
        <Tag key={t} color={t === 'high_risk' || t === 'repeat_offender' ? 'volcano' : undefined} style={{ marginBottom: 2 }}>
          {ENTITY_TAGS[t as EntityTag] ?? t}
        </Tag>
      ))}
    </>
  );
}

/** 经营品种 (contracts/products.ts) as tags. */
export function ProductTags({ products }: { products: string[] }) {
  return (
    <>
      {products.map((p) => (
        <Tag key={p} color="geekblue" style={{ marginBottom: 2 }}>
          {PRODUCTS[p as keyof typeof PRODUCTS] ?? p}
        </Tag>
      ))}
    </>
  );
}

export const options = (o: Record<string, string>) => Object.entries(o).map(([value, label]) => ({ value, label }));
