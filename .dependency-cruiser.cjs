// Import rules for every package, run from the package folder: `pnpm lint:deps` (depcruise src).
// A folder is a concept's home (`src/schedule`, `src/time`, …): when two folders import each other neither is the
// home, so folder cycles are refused as well as module cycles.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular-modules',
      severity: 'error',
      comment: 'Two modules import each other (directly or through others): move the shared part into one module.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-circular-folders',
      severity: 'error',
      comment:
        'Two folders of a package import each other: the concept they share belongs in one of them (or a folder of ' +
        'its own). The package root (src/: index.ts, errors) is the entry point and the shared vocabulary every ' +
        'folder may use, so it is not a folder in this sense; module cycles through it are still refused above.',
      scope: 'folder',
      from: { path: '^src/[^/]+$' },
      to: { circular: true, path: '^src/[^/]+$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['\\.test\\.ts$', '(^|/)dist/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
