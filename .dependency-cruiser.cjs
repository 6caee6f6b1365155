/**
 * Module boundaries, enforced on every `npm run lint`.
 *
 * Each workspace project declares tags in its package.json ("nx": {"tags"}):
 * a scope (shared, server, web, tools) and a type (domain, contracts,
 * data-access, util, app, tool). A util (e.g. libs/contact-import) is a pure
 * library that depends on nothing of ours. The matrices below say which tags may depend on
 * which; a forbidden rule is generated for every pair of projects they
 * disallow. No wildcards: a new tag must be added here on purpose.
 */
const fs = require('node:fs');
const path = require('node:path');

const ALLOWED_BY_SCOPE = {
  'scope:shared': ['scope:shared'],
  'scope:server': ['scope:shared', 'scope:server'],
  'scope:web': ['scope:shared'],
  'scope:tools': ['scope:shared', 'scope:server', 'scope:tools'],
};
const ALLOWED_BY_TYPE = {
  'type:domain': [],
  'type:contracts': [],
  'type:util': [],
  'type:data-access': ['type:domain', 'type:contracts', 'type:data-access', 'type:util'],
  'type:app': ['type:domain', 'type:contracts', 'type:data-access', 'type:util'],
  'type:tool': ['type:domain', 'type:contracts', 'type:data-access', 'type:app', 'type:util'],
};

const projects = ['apps', 'libs']
  .flatMap((dir) => fs.readdirSync(dir).map((name) => path.join(dir, name)))
  .concat(['tools'])
  .filter((root) => fs.existsSync(path.join(root, 'package.json')))
  .map((root) => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    const tags = pkg.nx?.tags ?? [];
    const scope = tags.find((t) => t.startsWith('scope:'));
    const type = tags.find((t) => t.startsWith('type:'));
    if (!ALLOWED_BY_SCOPE[scope] || !ALLOWED_BY_TYPE[type]) throw new Error(`${root}: needs a known scope:* and type:* tag, has ${tags}`);
    return { root: root.replace(/\\/g, '/'), name: pkg.name, scope, type };
  });

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const boundaryRules = projects.flatMap((from) =>
  projects
    .filter((to) => to !== from)
    .filter((to) => !ALLOWED_BY_SCOPE[from.scope].includes(to.scope) || !ALLOWED_BY_TYPE[from.type].includes(to.type))
    .map((to) => ({
      name: `boundary:${from.name}->${to.name}`,
      comment: `${from.name} (${from.scope}, ${from.type}) may not depend on ${to.name} (${to.scope}, ${to.type})`,
      severity: 'error',
      from: { path: `^${escape(from.root)}/` },
      to: { path: `^${escape(to.root)}/` },
    })),
);

module.exports = {
  forbidden: [
    ...boundaryRules,
    {
      name: 'domain-imports-no-framework',
      comment: 'The domain is pure TypeScript: no packages, no Node I/O.',
      severity: 'error',
      from: { path: '^libs/domain/src/', pathNot: '\\.spec(-helpers)?\\.ts$' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'core'] },
    },
    {
      name: 'contracts-import-only-zod',
      severity: 'error',
      from: { path: '^libs/contracts/src/', pathNot: '\\.spec\\.ts$' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-no-pkg', 'core'], pathNot: 'node_modules/zod/' },
    },
    {
      name: 'port-does-not-know-adapters',
      comment: 'Adapters depend on the event-store port, never the reverse (index.ts re-exports both).',
      severity: 'error',
      from: { path: '^libs/event-store/src/[^/]+\\.ts$', pathNot: '^libs/event-store/src/index\\.ts$' },
      to: { path: '^libs/event-store/src/(sqlite|eventstoredb)/' },
    },
    {
      name: 'no-production-code-imports-tests',
      severity: 'error',
      from: { pathNot: '\\.spec(-helpers)?\\.ts$|/test/|/contract/|vitest\\.config\\.ts$' },
      to: { path: '\\.spec(-helpers)?\\.ts$|/contract/' },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    combinedDependencies: true,
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['@textbank/source', 'import', 'types', 'default'],
      extensions: ['.ts', '.js', '.svelte', '.mjs', '.cjs', '.json'],
    },
    tsConfig: { fileName: 'tsconfig.base.json' },
  },
};
