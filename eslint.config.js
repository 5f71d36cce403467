// Lint rules, including the architecture's folder boundaries (DESIGN.md §3):
// shared/ is pure and imports nothing of the other folders; renderer/ never
// imports electron/ (nor Electron or Node); only the main process touches Node.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import prettier from 'eslint-config-prettier';

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'https',
  'net',
  'url',
  'util',
  'stream',
  'events',
  'worker_threads',
  'sqlite',
];

const sharedBoundary = {
  patterns: [
    {
      group: ['**/electron/**', '**/renderer/**', '**/e2e/**', '**/scripts/**'],
      message: 'shared/ is used by both processes and imports nothing from the other folders.',
    },
    { group: ['electron', 'electron/*'], message: 'shared/ must not depend on Electron.' },
    {
      group: nodeBuiltins,
      message: 'shared/ is pure: no Node modules (no I/O). Pass what you need in.',
    },
  ],
};

const rendererBoundary = {
  patterns: [
    {
      group: ['**/electron/**', '**/scripts/**'],
      message: 'renderer/ talks to the main process only through the contract in shared/.',
    },
    {
      group: ['electron', 'electron/*'],
      message: 'renderer/ never holds Electron powers; use the preload API.',
    },
    { group: nodeBuiltins, message: 'renderer/ never holds Node powers.' },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'out/',
      'test-results/',
      'playwright-report/',
      'e2e/artifacts/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: 'TSEnumDeclaration',
          message: 'Use a union of string literals: Node runs our .ts files with type stripping.',
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts', 'shared/testing/**'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      'no-restricted-imports': ['error', sharedBoundary],
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'navigator',
          'localStorage',
          'sessionStorage',
          'fetch',
          'process',
          'require',
          'Buffer',
          'setTimeout',
          'setInterval',
        ].map((name) => ({ name, message: 'shared/ is pure: no DOM, no Node, no timers.' })),
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'shared/ takes the clock as an argument.' },
        {
          object: 'Math',
          property: 'random',
          message: 'shared/ takes ids and randomness as arguments.',
        },
        { object: 'crypto', property: 'randomUUID', message: 'shared/ takes ids as arguments.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use a union of string literals.' },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'shared/ takes the clock as an argument: no new Date() without a value.',
        },
        {
          selector: "ImportDeclaration[source.value='big.js']",
          message: 'Only shared/money.ts imports big.js.',
        },
      ],
    },
  },
  {
    // The one module that owns big.js.
    files: ['shared/money.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use a union of string literals.' },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    // The Vite config and unit tests of pure renderer logic run in Node, never in the window.
    ignores: ['renderer/vite.config.ts', 'renderer/**/*.test.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', rendererBoundary],
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use a union of string literals.' },
        {
          selector: "ImportDeclaration[source.value='big.js']",
          message: 'Money goes through shared/money.ts.',
        },
      ],
    },
  },
  {
    files: [
      'electron/**/*.ts',
      'scripts/**/*.ts',
      'e2e/**/*.ts',
      'build/**/*.ts',
      'renderer/vite.config.ts',
      'renderer/**/*.test.ts',
      '*.js',
      '*.ts',
    ],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use a union of string literals.' },
        {
          selector: "ImportDeclaration[source.value='big.js']",
          message: 'Money goes through shared/money.ts.',
        },
      ],
    },
  },
  prettier,
);
