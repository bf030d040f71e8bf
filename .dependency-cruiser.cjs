// The process boundaries of electron/README.md, checked by `npm run lint:deps` (part of
// `npm run typecheck`, so of `npm test`). A rule names what it protects; `comment` is what a
// failing run prints.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'renderer-runs-only-shared-code-from-electron',
      comment:
        'The renderer reaches the core through window.kiosk or POST /api, never by running its code: ' +
        'from electron/ it imports types only (`import type`), except from electron/shared/ (pure modules both sides run).',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^electron/', pathNot: '^electron/shared/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'renderer-no-node',
      comment: 'The renderer runs in a sandboxed page: no Node built-ins.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'core-no-electron',
      comment:
        'electron/core is plain Node, run by the browser kiosk and the unit tests too: it never imports Electron, even through another file.',
      severity: 'error',
      from: { path: '^electron/core/' },
      to: { path: '^node_modules/electron/', reachable: true },
    },
    {
      name: 'core-no-hub',
      comment:
        "electron/hub is the organisation's tool on its hub machine: it builds on the kiosk's core (the pack checks, " +
        'the figures schema), never the other way round, so no kiosk carries hub code.',
      severity: 'error',
      from: { path: '^electron/(core|shared|web)/' },
      to: { path: '^electron/hub/' },
    },
    {
      name: 'hub-plain-node',
      comment:
        'The hub tool runs under plain Node (npm run hub): no Electron, and from the renderer only its locale files.',
      severity: 'error',
      from: { path: '^electron/hub/' },
      to: {
        path: '^(node_modules/electron/|renderer/)',
        pathNot: '^renderer/src/[a-z-]+/locales/[a-zA-Z-]+[.]json$',
      },
    },
    {
      name: 'core-no-dom',
      comment:
        'electron/core never runs in a page: no renderer code and no DOM-only packages. It may read the ' +
        "renderer's locale files (data, not code), so a CSV heading and the screen use one set of words.",
      severity: 'error',
      from: { path: '^electron/core/' },
      to: {
        path: '^(renderer/|node_modules/dom-accessibility-api/)',
        pathNot: '^renderer/src/[a-z-]+/locales/[a-zA-Z-]+[.]json$',
      },
    },
    {
      name: 'web-no-electron',
      comment:
        'The browser kiosk (electron/web) runs in plain Node: it never imports Electron, even through another file.',
      severity: 'error',
      from: { path: '^electron/web/' },
      to: { path: '^node_modules/electron/', reachable: true },
    },
    {
      name: 'shared-is-pure',
      comment:
        'electron/shared runs in the core and in the page: no Node, no DOM, no packages, nothing outside electron/shared.',
      severity: 'error',
      from: { path: '^electron/shared/' },
      to: { pathNot: '^electron/shared/' },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that resolves to nothing is a typo or a missing package.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|dist-[^/]*|release)/' },
    // Type-only imports are dependencies too, so the renderer rule can tell them apart.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.svelte', '.json', '.d.ts'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
  },
};
