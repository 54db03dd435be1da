// ESLint flat config: type-checked typescript-eslint, plus the import direction between layers.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import domainModules from './domain/modules.json' with { type: 'json' };

const layer = (files, patterns) => ({
  files,
  rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] },
});

/**
 * The domain's capability modules (domain/<name>/) and the modules each may import, always through the
 * other's index.ts: domain/modules.json. Kept acyclic (test/unit/architecture/modules.test.ts checks the
 * table and the imports).
 */
const DOMAIN_MODULES = domainModules;

const HTTP_AND_STORAGE = {
  group: ['**/api/**', '**/storage/**', 'express', 'mongoose', 'mongodb', 'graphql*'],
  message:
    'domain/ declares ports (domain/*/ports.ts) and knows nothing of HTTP or MongoDB: storage/ implements them.',
};

// Code outside domain/ uses a module through its public entry only (tests may reach inside).
const throughModuleEntry = {
  regex: '(^|/)domain/[^/]+/(?!index\\.ts$)',
  message: 'Import a domain module through its index.ts, not a file inside it.',
};

// Inside domain/<m>/, another module is reached as ../<other>/index.ts, and only the ones listed above.
const domainLayers = () =>
  Object.entries(DOMAIN_MODULES).map(([name, allowed]) =>
    layer(
      [`domain/${name}/**/*.ts`],
      [
        HTTP_AND_STORAGE,
        {
          regex: '^\\.\\./[^./][^/]*/(?!index\\.ts$)',
          message: 'Import another domain module through its index.ts, not a file inside it.',
        },
        {
          regex: `^\\.\\./(?!(${[name, ...allowed].join('|')})/)[^./][^/]*/index\\.ts$`,
          message: `domain/${name} may import only ${allowed.join(', ') || 'no other module'} (eslint.config.js DOMAIN_MODULES).`,
        },
      ],
    ),
  );

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
  ...domainLayers(),
  layer(
    ['credentials/**/*.ts'],
    [
      {
        group: [
          '**/api/**',
          '**/storage/**',
          '**/domain/**',
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
        group: ['**/api/**', '**/storage/**', '**/domain/**', '**/credentials/**', 'node:*'],
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
        message: 'storage/ implements the domain ports; it must not depend on the HTTP edge.',
      },
      throughModuleEntry,
    ],
  ),
  layer(
    ['api/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts', 'embedded-db/**/*.ts', '*.ts'],
    [throughModuleEntry],
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
