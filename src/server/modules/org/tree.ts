import { sql } from 'drizzle-orm';
import type { JurisdictionLevel } from '../../../contracts/org.js';
import type { DbOrTx } from '../../../db/client.js';
import { jurisdictions } from '../../../db/schema/index.js';

export interface TreeNode {
  name: string;
  level: JurisdictionLevel;
  label?: string;
  code?: string;
  children?: TreeNode[];
  /** Filled in after insertion. */
  id?: number;
}

const DEFAULT_LABEL: Record<JurisdictionLevel, string> = {
  province: '省',
  city: '市',
  county: '区',
  station: '市场监管所',
  township: '街道',
  village: '社区',
};

/**
 * Insert a jurisdiction tree level by level in bulk (province scale is ~20,000 villages),
 * then derive every path with one UPDATE per level. Fills `id` on each node.
 */
export async function insertTree(db: DbOrTx, roots: TreeNode[], parent?: { id: number; path: string; depth: number }) {
  let level: { node: TreeNode; parentId: number | null }[] = roots.map((node) => ({ node, parentId: parent?.id ?? null }));
  let depth = parent ? parent.depth + 1 : 0;
  while (level.length) {
    for (let i = 0; i < level.length; i += 2000) {
      const chunk = level.slice(i, i + 2000);
      const rows = await db
        .insert(jurisdictions)
        .values(
          chunk.map(({ node, parentId }, k) => ({
            parentId,
            level: node.level,
            levelLabel: node.label ?? DEFAULT_LABEL[node.level],
            name: node.name,
            code: node.code ?? null,
            path: 'pending',
            depth,
            sortOrder: k + i,
          })),
        )
        .returning({ id: jurisdictions.id });
      rows.forEach((r, k) => (chunk[k].node.id = r.id));
    }
    if (depth === 0 && !parent) {
      await db.execute(sql`update jurisdictions set path = '/' || id || '/' where depth = 0 and path = 'pending'`);
    } else {
      await db.execute(sql`update jurisdictions c set path = p.path || c.id || '/'
        from jurisdictions p where c.parent_id = p.id and c.depth = ${depth} and c.path = 'pending'`);
    }
    level = level.flatMap(({ node }) => (node.children ?? []).map((child) => ({ node: child, parentId: node.id! })));
    depth++;
  }
}
