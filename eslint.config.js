// Lint rules, including the layering of docs/ARCHITECTURE.md: core imports nothing outside
// core; HTTP routes never touch the store; services and CLI commands build no SQL (the store does).
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
  ...[
    // Files directly in src/core may not climb out of it; files one level down may climb once.
    { files: ['src/core/*.ts'], outside: '^\\.\\./' },
    { files: ['src/core/*/**/*.ts'], outside: '^\\.\\./\\.\\./' },
  ].map(({ files, outside }) => ({
    files,
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex:
                '^(?!\\.{1,2}/|@noble/(hashes|curves)/|canonicalize$|typebox(/value|/compile)?$|yaml$|diff$|rbush$|flatbush$|@turf/|xmlbuilder2$|fast-xml-parser$|@nodable/entities$)',
              message:
                'core is pure: it imports only core and its pure libraries (@noble, canonicalize, typebox, yaml, diff, rbush, flatbush, @turf, xmlbuilder2, fast-xml-parser, @nodable/entities)',
            },
            { regex: outside, message: 'core imports nothing outside src/core' },
          ],
        },
      ],
    },
  })),
  {
    files: ['src/services/**/*.ts', 'src/services.ts', 'src/cli/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['kysely', '**/store/schema', '**/store/schema.js'],
              message: 'services call store functions; SQL and row types stay in src/store',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.property.name=/^(selectFrom|insertInto|replaceInto|updateTable|deleteFrom|mergeInto|selectNoFrom)$/]',
          message: 'services build no SQL: add a store function in src/store',
        },
        {
          selector:
            'TaggedTemplateExpression[tag.name="sql"], TaggedTemplateExpression[tag.object.name="sql"], CallExpression[callee.object.name="sql"]',
          message: 'services build no SQL: add a store function in src/store',
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
  {
    // The API's schemas are imported by the web app (as types): typebox, each other and the
    // pure core only, never node, fastify, services or the store.
    files: ['src/http/schemas/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!\\./|\\.\\./\\.\\./core/|typebox$)',
              message:
                'API schemas import only typebox, other schemas and the core, so the web app can use their types',
            },
          ],
        },
      ],
    },
  },
);
