/**
 * HTML built from strings (ECharts tooltip formatters, the server-rendered print view) goes through
 * the `html` tag: every interpolated value is escaped unless it is itself `html`-built, so text a
 * user typed (a quota label, a unit's name) can never become markup. `html-sinks.test.ts` fails on
 * markup built from untagged template literals and on raw DOM sinks (innerHTML & co.) in the code.
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Markup that is already safe (built by `html`). */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}

/** Markup or script written in the code itself (never data): inserted as is. */
export function rawHtml(constant: string): SafeHtml {
  return new SafeHtml(constant);
}

function part(v: unknown): string {
  if (v instanceof SafeHtml) return v.value;
  if (Array.isArray(v)) return v.map(part).join('');
  if (v === null || v === undefined || v === false) return '';
  return escapeHtml(v);
}

/** Tagged template: `html\`<b>${label}</b>\`` escapes `label`; arrays of `html` values are joined. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += part(values[i]) + strings[i + 1]!;
  return new SafeHtml(out);
}
