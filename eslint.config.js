// ESLint flat config: type-checked typescript-eslint, plus the import direction between layers.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const layer = (files, patterns) => ({
  files,
  rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] },
});

export default tseslint.config(
  {
    // deploy/**/*.js are mongosh scripts (run by MongoDB's shell inside its containers), not Node code.
    ignores: [
      'node_modules',
      '.cache',
      'data',
      'coverage',
      'api/graphql/generated-types.ts',
      'web/dist',
      'web/src/gql',
      'deploy/**/*.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'no-process-env': 'error',
    },
  },
  {
    // The JSON-LD and crypto libraries of @digitalbazaar ship no types.
    files: ['credentials/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  layer(
    ['ledger/**/*.ts'],
    [
      {
        group: ['**/api/**', '**/storage/**', 'express', 'mongoose', 'mongodb', 'graphql*'],
        message:
          'ledger/ is the domain: it declares ports (ledger/ports.ts) and knows nothing of HTTP or MongoDB.',
      },
    ],
  ),
  layer(
    ['credentials/**/*.ts'],
    [
      {
        group: [
          '**/api/**',
          '**/storage/**',
          '**/ledger/**',
          'express',
          'mongoose',
          'mongodb',
          'graphql*',
        ],
        message:
          'credentials/ is a self-contained library: it imports nothing of ours, nor HTTP or storage.',
      },
    ],
  ),
  layer(
    ['web/src/**/*.{ts,tsx}'],
    [
      {
        group: ['**/api/**', '**/storage/**', '**/ledger/**', '**/credentials/**', 'node:*'],
        message:
          'web/ is the browser app: it talks to the server through GraphQL and HTTP only (typed by codegen).',
      },
    ],
  ),
  layer(
    ['storage/**/*.ts'],
    [
      {
        group: ['**/api/**', 'express', 'graphql*'],
        message: 'storage/ implements the ledger ports; it must not depend on the HTTP edge.',
      },
    ],
  ),
  {
    // Configuration is parsed once (api/config.ts); scripts and tests may read their own variables.
    files: [
      'api/config.ts',
      'scripts/**/*.ts',
      'test/**/*.ts',
      'bench/**/*.ts',
      'embedded-db/**/*.ts',
      '*.ts',
    ],
    rules: { 'no-process-env': 'off' },
  },
);
