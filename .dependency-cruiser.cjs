// Import rules (issue 13): `npm run -s lint:deps`. Type-only imports are allowed where a runtime import is not,
// as a C header may name a struct its file never calls into.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-runtime-cycle',
      severity: 'error',
      comment: 'No module reaches itself again through runtime imports.',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'sim-is-pure',
      severity: 'error',
      comment: 'The model imports nothing from the page, the tools, the benches or the specs.',
      from: { path: '^sim/' },
      to: { path: '^(web|tools|bench|e2e)/' },
    },
    {
      name: 'core-imports-no-protocol',
      severity: 'error',
      comment: 'sim/net and sim/core know protocols, drivers and commands only by registration.',
      from: { path: '^sim/(net|core)/', pathNot: '\\.test\\.ts$' },
      to: { path: '^sim/(ipv4|bridge|netfilter|drivers|apps|shell|labs|lessons)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'page-through-sim-index',
      severity: 'error',
      comment:
        'The page reaches the model through sim/index.ts (pure), sim/labfile.ts (lazily, lab scripts) and, where it runs the simulator, sim/runtime.ts.',
      from: { path: '^web/', pathNot: '\\.test\\.tsx?$' },
      to: { path: '^sim/', pathNot: '^sim/(index|labfile|runtime)\\.ts$' },
    },
    {
      name: 'runtime-only-where-the-simulator-runs',
      severity: 'error',
      comment:
        'Only the workers and the exports that replay a lab load the simulator; the page itself draws snapshots.',
      from: { path: '^web/', pathNot: '^web/(worker/|lessons/lessonWorker\\.ts|export/handout\\.ts)|\\.test\\.tsx?$' },
      to: { path: '^sim/runtime\\.ts$' },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|dist-[^/]+|test-results)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
