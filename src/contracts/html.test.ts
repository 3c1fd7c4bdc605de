import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { escapeHtml, html } from './html.js';

describe('html', () => {
  it('escapes every interpolated value, not the template', () => {
    const label = '<img src=x onerror=alert(1)>"\'&';
    expect(html`<b>${label}</b>`.toString()).toBe('<b>&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;</b>');
    expect(escapeHtml(null)).toBe('');
    expect(html`${0}|${undefined}|${false}`.toString()).toBe('0||');
  });

  it('keeps nested html and joins arrays, escaping plain strings inside them', () => {
    const rows = ['<a>', 'b'].map((x) => html`<td>${x}</td>`);
    expect(html`<tr>${rows}</tr>`.toString()).toBe('<tr><td>&lt;a&gt;</td><td>b</td></tr>');
    expect(html`${['<i>']}`.toString()).toBe('&lt;i&gt;');
  });
});

/**
 * The class of defect, not only the case: markup may be built only with the `html` tag, and the
 * DOM's raw-HTML sinks are not used at all. A check that fails beats a convention hoped for.
 */
describe('HTML sinks in the source tree', () => {
  const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) files.push(p);
    }
  };
  walk(src);

  it('finds the source files', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it('uses no raw DOM HTML sink', () => {
    const sink = /dangerouslySetInnerHTML|\.innerHTML|\.outerHTML|insertAdjacentHTML|document\.write|createContextualFragment/;
    const hits = files.filter((f) => sink.test(readFileSync(f, 'utf8'))).map((f) => path.relative(src, f));
    expect(hits).toEqual([]);
  });

  it('builds markup in template literals only with the html tag', () => {
    // Every template literal (parsed, so nesting is right) that writes an HTML element must be `html`-tagged.
    const element =
      /<\/?(a|b|br|div|span|p|img|script|style|iframe|table|thead|tbody|tr|td|th|section|h[1-6]|button|html|head|body|meta|title|ul|ol|li|strong|em|i|svg|input|form|link|font|small|hr|pre|code)[\s/>]/i;
    const hits: string[] = [];
    for (const f of files) {
      const source = ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node) => {
        if (ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
          const parts = ts.isTemplateExpression(node) ? [node.head.text, ...node.templateSpans.map((s) => s.literal.text)] : [node.text];
          const tag = ts.isTaggedTemplateExpression(node.parent) ? node.parent.tag.getText() : '';
          if (tag !== 'html' && parts.some((p) => element.test(p)))
            hits.push(`${path.relative(src, f)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(hits).toEqual([]);
  });
});
