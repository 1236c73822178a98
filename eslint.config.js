import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/**
 * Lint enforces the runtime boundaries (DESIGN §1): `shared/` is pure, `renderer/` has
 * no Node or Electron, and only the Electron shell and preload may import `electron`.
 */
const NODE_BUILTINS = [
  'assert', 'buffer', 'child_process', 'cluster', 'crypto', 'dgram', 'dns', 'events', 'fs', 'fs/promises', 'http',
  'https', 'net', 'os', 'path', 'process', 'readline', 'stream', 'timers', 'tls', 'url', 'util', 'v8', 'vm',
  'worker_threads', 'zlib',
];
const NODE_MESSAGE = 'Node built-ins belong to the main side (electron/services).';
const noNode = [{ group: ['node:*'], message: NODE_MESSAGE }];
const noNodePaths = NODE_BUILTINS.map((name) => ({ name, message: NODE_MESSAGE }));
const noElectron = { group: ['electron', 'electron-store', 'electron/*'], message: 'Only electron/shell and electron/preload may import Electron.' };
const noMainSide = {
  group: ['@services/*', '**/electron/**', 'sqlite3', 'ws', 'conf'],
  message: 'The renderer reaches the main side only through renderer/client.',
};
const noRenderer = { group: ['@renderer/*', '**/renderer/**', 'react', 'react-dom', 'react/*'], message: 'UI code lives in renderer/.' };
const DOM_GLOBALS = ['window', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage', 'HTMLElement'];

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Render text as text.' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', { paths: noNodePaths, patterns: [...noNode, noElectron, noMainSide, noRenderer] }],
      'no-restricted-globals': ['error', ...DOM_GLOBALS, 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { paths: noNodePaths, patterns: [...noNode, noElectron, noMainSide] }],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    files: ['electron/services/**/*.ts', 'electron/serve/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: { 'no-restricted-imports': ['error', { patterns: [noElectron, noRenderer] }] },
  },
  {
    files: ['electron/shell/**/*.ts', 'electron/preload/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: { 'no-restricted-imports': ['error', { patterns: [noRenderer] }] },
  },
  {
    files: ['test/**/*.ts', '**/*.test.ts', '**/*.test.tsx', '*.config.{js,ts}', 'electron.config.ts', '.ci/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
