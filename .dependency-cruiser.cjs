// The layering rules, checked by `npm test` (npm run lint:deps). docs/architecture.md explains the layers.
/** Pure core: no browser API, nothing from the shell. */
const CORE = '^src/(contract|protocol|draft|connection|export)/';
const SHELL = '^(src/(worker|adapters|store|lookups|popup|relay|page-hook)|entrypoints)/';
const BROWSER_APIS = '^(node_modules/)?(wxt/browser|wxt/|webextension-polyfill|@wxt-dev/|idb|preact)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'A cycle means two files are one concern, or a layer reaches back up.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-stays-pure',
      severity: 'error',
      comment: 'The pure core (contract, protocol, draft, connection, export) imports no browser API and nothing from the shell.',
      from: { path: CORE },
      to: { path: [SHELL, BROWSER_APIS, '^src/(lookups|store)/'] },
    },
    {
      name: 'contract-is-the-ground',
      severity: 'error',
      comment: 'Every layer may import the contract, so the contract imports nothing of ours but itself.',
      from: { path: '^src/contract/' },
      to: { path: '^(src|entrypoints)/', pathNot: ['^src/contract/', '^src/zod-setup\\.ts$'] },
    },
    {
      name: 'core-no-node-builtins',
      severity: 'error',
      comment: 'The core runs in every world; Node built-ins exist in none of them.',
      from: { path: '^(src|entrypoints)/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'page-hook-imports-only-contract',
      severity: 'error',
      comment: 'The MAIN-world hook runs inside ESPN\'s page: it may import its own files and zod-free contract files only.',
      from: { path: '^(src/page-hook/|entrypoints/draft-hook\\.content\\.ts$)' },
      to: { pathNot: ['^src/page-hook/', '^src/contract/', '^src/connection/silence[^/]*\\.ts$'] },
    },
    {
      name: 'page-hook-pulls-no-dependency',
      severity: 'error',
      comment: 'Nothing that the hook reaches may pull zod, the polyfill or any package into ESPN\'s page.',
      from: { path: '^(src/page-hook/|entrypoints/draft-hook\\.content\\.ts$)' },
      to: { path: 'node_modules', reachable: true },
    },
    {
      name: 'adapters-and-store-below-worker',
      severity: 'error',
      comment: 'Adapters and the store are called by the worker; they never call back up into it.',
      from: { path: '^src/(adapters|store)/' },
      to: { path: ['^src/worker/', '^src/popup/', '^entrypoints/'] },
    },
    {
      name: 'lookups-below-worker',
      severity: 'error',
      from: { path: '^src/lookups/' },
      to: { path: ['^src/worker/', '^src/popup/', '^entrypoints/'] },
    },
    {
      name: 'popup-talks-through-contract',
      severity: 'error',
      comment: 'The popup reaches the worker by messages only, never by importing it.',
      from: { path: '^src/popup/' },
      to: { path: ['^src/worker/', '^src/store/', '^src/relay/', '^src/page-hook/'] },
    },
    {
      name: 'src-never-imports-tests',
      severity: 'error',
      comment: 'Test-only code (the INIT encoder, the simulator) lives under tests/ and is never shipped.',
      from: { path: '^(src|entrypoints)/' },
      to: { path: '^(tests|bench)/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(\\.output|\\.wxt)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
