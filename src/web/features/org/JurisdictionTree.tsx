import { Empty, Spin, Tag, Tree } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useCallback, useEffect, useState } from 'react';
import type { Jurisdiction } from '../../../contracts/org.js';
import { api, qs } from '../../lib/api.js';

export interface TreeNode extends DataNode {
  key: string;
  data: Jurisdiction;
  children?: TreeNode[];
}

const LEVEL_COLORS: Record<string, string> = {
  province: 'red',
  city: 'volcano',
  county: 'blue',
  station: 'green',
  township: 'cyan',
  village: 'default',
};

function toNode(j: Jurisdiction): TreeNode {
  return {
    key: String(j.id),
    data: j,
    isLeaf: j.childCount === 0,
    title: (
      <span data-testid={`jur-${j.id}`}>
        {j.name}
        <Tag
          color={LEVEL_COLORS[j.level]}
          style={{ marginLeft: 6, marginInlineEnd: 0, fontSize: 11, lineHeight: '16px', padding: '0 4px' }}
        >
          {j.levelLabel}
        </Tag>
      </span>
    ),
  };
}

function replaceChildren(list: TreeNode[], key: string, children: TreeNode[]): TreeNode[] {
  return list.map((n) => {
    if (n.key === key) return { ...n, children, isLeaf: children.length === 0 };
    if (n.children) return { ...n, children: replaceChildren(n.children, key, children) };
    return n;
  });
}

function patchNode(list: TreeNode[], j: Jurisdiction): TreeNode[] {
  return list.map((n) => {
    if (n.key === String(j.id)) return { ...toNode(j), children: n.children, isLeaf: n.isLeaf && j.childCount === 0 };
    if (n.children) return { ...n, children: patchNode(n.children, j) };
    return n;
  });
}

/**
 * Lazily loaded jurisdiction tree: only the actor's roots at first, children on expand
 * (a province has ~20,000 villages). `reloadKey` changes reload one node's children.
 */
export function JurisdictionTree(props: {
  selected?: Jurisdiction;
  onSelect(j: Jurisdiction): void;
  /** Bump with the parent id to reload that node's children (after adding a child). */
  reload?: { parentId: number; n: number };
  /** A renamed node to patch in place. */
  patched?: Jurisdiction;
}) {
  const [tree, setTree] = useState<TreeNode[] | null>(null);
  const [expanded, setExpanded] = useState<string[]>([]);

  const loadChildren = useCallback(async (parentId: number) => {
    const kids = await api<Jurisdiction[]>(`/api/jurisdictions${qs({ parentId })}`);
    setTree((t) => (t ? replaceChildren(t, String(parentId), kids.map(toNode)) : t));
    return kids;
  }, []);

  useEffect(() => {
    api<Jurisdiction[]>('/api/jurisdictions').then((roots) => {
      setTree(roots.map(toNode));
      if (roots[0] && !props.selected) props.onSelect(roots[0]);
      // Open the first root, and keep going down while a level has a single child (省 → 市 → 区).
      void (async () => {
        let node = roots.length === 1 ? roots[0] : undefined;
        for (let i = 0; node && node.childCount > 0 && i < 4; i++) {
          const kids = await loadChildren(node.id);
          const key = String(node.id);
          setExpanded((e) => (e.includes(key) ? e : [...e, key]));
          node = kids.length === 1 ? kids[0] : undefined;
        }
      })();
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (!props.reload) return;
    void loadChildren(props.reload.parentId).then(() =>
      setExpanded((e) => (e.includes(String(props.reload!.parentId)) ? e : [...e, String(props.reload!.parentId)])),
    );
  }, [props.reload, loadChildren]);

  useEffect(() => {
    if (props.patched) setTree((t) => (t ? patchNode(t, props.patched!) : t));
  }, [props.patched]);

  if (!tree) return <Spin style={{ display: 'block', margin: 24 }} />;
  if (!tree.length) return <Empty description="没有可查看的辖区" />;
  return (
    <Tree<TreeNode>
      blockNode
      showLine={{ showLeafIcon: false }}
      treeData={tree}
      expandedKeys={expanded}
      onExpand={(keys) => setExpanded(keys as string[])}
      selectedKeys={props.selected ? [String(props.selected.id)] : []}
      loadData={async (node) => {
        if (node.children) return;
        await loadChildren(node.data.id);
      }}
      onSelect={(_, info) => props.onSelect(info.node.data)}
      style={{ background: 'transparent' }}
    />
  );
}
