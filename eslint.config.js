// Lint rules, including the layering of docs/ARCHITECTURE.md: core imports nothing outside
// core; HTTP routes never touch the store.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'web/dist/', 'data/', 'test-artifacts/', 'node_modules/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../../store/*', '../store/*', '**/store/**'],
              message: 'core must not import the store',
            },
            {
              group: ['**/http/**', '**/cli/**', '**/services/**', '**/services.js'],
              message: 'core imports only core',
            },
            {
              group: ['node:fs', 'node:fs/*', 'fs', 'kysely', 'fastify', 'pg', 'better-sqlite3'],
              message: 'core is pure: no I/O',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/http/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/store/**', 'kysely'],
              message: 'HTTP code calls services, never the store',
            },
          ],
        },
      ],
    },
  },
);
