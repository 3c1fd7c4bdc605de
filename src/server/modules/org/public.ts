/** What other modules (and the demo data) use of org: inserting a jurisdiction tree in bulk. */
export { insertTree, type TreeNode } from './tree.js';
