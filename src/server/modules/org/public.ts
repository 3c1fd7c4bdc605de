/** What other modules (and the demo data) use of org: inserting a jurisdiction tree in bulk. */
export { insertTree, type TreeNode } from './tree.js';
/** The bureau an area belongs to, by name (the heading of its 文书). */
export { bureauNameOf } from './bureau-name.js';
