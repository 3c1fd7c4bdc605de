import type { FormInstance } from 'antd';
import { ApiError } from './api.js';

/**
 * Put server validation errors ({code, message, details:[{path, message}]}) next to their fields.
 * Paths look like "body/email" or "email"; the last segment names the field. Returns the message
 * to show above the form when no field took it.
 */
export function applyServerErrors(form: FormInstance, e: unknown): string | null {
  if (!(e instanceof ApiError)) return '操作失败，请稍后重试';
  const known = new Set(Object.keys(form.getFieldsValue()));
  const details = Array.isArray(e.details) ? (e.details as { path?: string; message?: string }[]) : [];
  const byField = new Map<string, string[]>();
  for (const d of details) {
    const field = String(d.path ?? '')
      .split('/')
      .filter(Boolean)
      .pop();
    if (!field || !known.has(field)) continue;
    byField.set(field, [...(byField.get(field) ?? []), d.message ?? e.message]);
  }
  if (byField.size) {
    form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
    return null;
  }
  return e.message;
}
