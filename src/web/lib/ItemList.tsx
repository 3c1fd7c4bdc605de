import { Empty, Pagination, Spin, theme, type PaginationProps } from 'antd';
import type { CSSProperties, HTMLAttributes, Key, ReactNode } from 'react';

/**
 * A plain vertical list of items (cards on phones, simple rows elsewhere) with optional header,
 * loading state, empty text and pagination. Replaces antd's deprecated `List` with the few
 * features the app uses.
 */
export function ItemList<T>(props: {
  items: readonly T[] | undefined;
  renderItem: (item: T, index: number) => ReactNode;
  rowKey?: (item: T, index: number) => Key;
  loading?: boolean;
  header?: ReactNode;
  empty?: ReactNode;
  bordered?: boolean;
  pagination?: PaginationProps | false;
  style?: CSSProperties;
}) {
  const { token } = theme.useToken();
  const items = props.items ?? [];
  return (
    <div
      style={{
        ...(props.bordered
          ? { border: `1px solid ${token.colorBorderSecondary}`, borderRadius: token.borderRadiusLG, padding: '0 12px' }
          : {}),
        ...props.style,
      }}
    >
      {props.header && <div style={{ padding: '8px 0', borderBottom: `1px solid ${token.colorBorderSecondary}` }}>{props.header}</div>}
      <Spin spinning={!!props.loading}>
        {items.length === 0 && !props.loading ? (
          <div style={{ padding: '16px 0' }}>{props.empty ?? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}</div>
        ) : (
          items.map((item, i) => <div key={props.rowKey?.(item, i) ?? i}>{props.renderItem(item, i)}</div>)
        )}
      </Spin>
      {props.pagination && <Pagination style={{ marginTop: 12, textAlign: 'right' }} {...props.pagination} />}
    </div>
  );
}

/** One row of an ItemList: padding and a divider below. */
function Row({ children, style, ...rest }: HTMLAttributes<HTMLDivElement> & { 'data-testid'?: string }) {
  const { token } = theme.useToken();
  return (
    <div {...rest} style={{ padding: '8px 0', borderBottom: `1px solid ${token.colorBorderSecondary}`, ...style }}>
      {children}
    </div>
  );
}

/** Title and description of a row. */
function Meta({ title, description }: { title: ReactNode; description?: ReactNode }) {
  const { token } = theme.useToken();
  return (
    <div>
      <div style={{ color: token.colorText, fontWeight: 500, marginBottom: description ? 4 : 0 }}>{title}</div>
      {description && <div style={{ color: token.colorTextSecondary }}>{description}</div>}
    </div>
  );
}

ItemList.Row = Row;
ItemList.Meta = Meta;
