import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'lib/', 'coverage/', 'test-artifacts/', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/model/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'Excel', 'Office', 'document', 'window'],
    },
  },
  // The layers (README, COMMON): the model is pure and imports nothing but itself; io and the CLI never call Excel;
  // the pane reaches Excel only through the host it is given; nothing shipped imports the stand-in.
  // test/lint/boundaries.test.ts shows each rule failing on a forbidden import.
  {
    files: ['src/model/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!\\.{1,2}/)',
              message: 'The model is pure: no package, no Node module (src/model imports only src/model).',
            },
            {
              regex: '^(\\.\\./)+(io|excel|taskpane|cli|standin|playground)(/|$)',
              message: 'The model imports nothing outside src/model.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/io/**/*.ts', 'src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(excel|taskpane|standin|playground)(/|$)',
              message: 'Readers and the command line do not import the Excel adapter, the pane or the stand-in.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/excel/**/*.ts', 'src/taskpane/**/*.ts', 'src/taskpane/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(cli|standin|playground)(/|$)',
              message: 'The add-in ships without the command line, the stand-in and the playground.',
            },
            {
              regex: '^(node:)?(fs|path|os|child_process|worker_threads)$',
              message: 'Node-only modules stay with the command line.',
            },
          ],
        },
      ],
    },
  },
);
