import { Card } from 'antd';
import { type ReactNode } from 'react';

/** A card of the field form. */
export function Section({ title, extra, children }: { title: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <Card size="small" title={title} extra={extra} style={{ marginBottom: 12 }} styles={{ body: { padding: 12 } }}>
      {children}
    </Card>
  );
}

/** A labelled input of the field form (a real <label>: tapping the words focuses the input). */
export function Field({ label, children, required }: { label: string; children: ReactNode; required?: boolean }) {
  return (
    <label style={{ display: 'block', marginBottom: 10 }}>
      <div style={{ fontSize: 13, color: '#555', marginBottom: 4 }}>
        {required && <span style={{ color: '#ff4d4f' }}>* </span>}
        {label}
      </div>
      {children}
    </label>
  );
}
