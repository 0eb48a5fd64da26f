// ESLint rule: the API's feature folders may import only the features they declare, so the
// dependency graph between them stays a reviewed, acyclic table (apps/api/eslint.config.mjs).
import { dirname, relative, resolve, sep } from 'node:path';

/** Throws if `table` has a cycle, naming it; the lint run then fails before checking any file. */
export function assertAcyclic(table) {
  const state = new Map();
  const visit = (node, path) => {
    if (state.get(node) === 'done') return;
    if (state.get(node) === 'active') throw new Error(`feature dependency cycle: ${[...path, node].join(' -> ')}`);
    state.set(node, 'active');
    for (const next of table[node] ?? []) visit(next, [...path, node]);
    state.set(node, 'done');
  };
  for (const node of Object.keys(table)) visit(node, []);
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports between API feature folders follow the declared dependency table' },
    schema: [
      {
        type: 'object',
        properties: {
          root: { type: 'string' },
          infrastructure: { type: 'array', items: { type: 'string' } },
          features: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
        },
        required: ['root', 'infrastructure', 'features'],
      },
    ],
    messages: {
      undeclared:
        "'{{from}}' may not import from '{{to}}' (it may import: {{allowed}}). Declare the dependency in apps/api/eslint.config.mjs if it is right, keeping the table acyclic.",
      infrastructure: "'{{from}}' is infrastructure and may not import the feature '{{to}}'.",
      unknown:
        "'{{folder}}' is not in the API's feature table (apps/api/eslint.config.mjs); add it with its dependencies.",
    },
  },
  create(context) {
    const { root, infrastructure, features } = context.options[0];
    assertAcyclic(features);
    const rootDir = resolve(context.cwd, root);
    const folderOf = (file) => {
      const rel = relative(rootDir, file);
      if (rel.startsWith('..') || !rel.includes(sep)) return null; // outside src, or a top-level file
      return rel.split(sep)[0];
    };
    const from = folderOf(context.filename);
    if (!from) return {};
    const known = (f) => infrastructure.includes(f) || f in features;
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const to = folderOf(resolve(dirname(context.filename), source));
      if (!to || to === from) return;
      if (!known(to)) return context.report({ node, messageId: 'unknown', data: { folder: to } });
      if (infrastructure.includes(to)) return;
      if (infrastructure.includes(from))
        return context.report({ node, messageId: 'infrastructure', data: { from, to } });
      const allowed = features[from] ?? [];
      if (!allowed.includes(to)) {
        context.report({ node, messageId: 'undeclared', data: { from, to, allowed: allowed.join(', ') || 'none' } });
      }
    };
    return {
      Program(node) {
        if (!known(from)) context.report({ node, messageId: 'unknown', data: { folder: from } });
      },
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
    };
  },
};

export default { rules: { 'feature-boundaries': rule } };
