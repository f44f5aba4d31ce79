// @ts-check
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = builtinModules.filter((m) => !m.startsWith('_'));

/**
 * The determinism boundary (see DESIGN.md, Layout): the pure engine core runs in the Temporal
 * workflow sandbox and the browser, so it may import only its own files and a short allow-list
 * of pure libraries; the interpreter may add `@temporalio/workflow` (and `@temporalio/common`, the
 * sandbox-safe types it is built on, e.g. typed search-attribute keys). Enforced here, not by memory.
 */
const CORE_LIBRARIES = ['@sinclair/typebox', 'jsep', 'ajv', 'ajv-formats', 'croner', 're2js'];
const boundary = (allowed, where) => ({
  patterns: [
    {
      regex: `^(?!\\.{1,2}/)(?!(${allowed.map((a) => a.replace(/[/.]/g, '\\$&')).join('|')})(/|$))`,
      message: `${where} may import only relative files and ${allowed.join(', ')}: it must stay free of Node built-ins, SDKs and service code.`,
    },
    {
      regex: '(^|/)(service|testing)(/|$)',
      message: `${where} must not import the service or test helpers.`,
    },
  ],
  paths: nodeBuiltins.map((name) => ({ name, message: `${where} must not use Node built-ins.` })),
});

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', 'data/**', 'build/**', '**/dist/**', 'builder-ui/dist/**'],
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
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-implied-eval': 'error',
    },
  },
  {
    files: ['engine/src/core/**/*.ts'],
    ignores: ['engine/src/core/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', boundary(CORE_LIBRARIES, 'The engine core')] },
  },
  {
    files: ['engine/src/interpreter/**/*.ts'],
    ignores: ['engine/src/interpreter/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        boundary(
          [...CORE_LIBRARIES, '@temporalio/workflow', '@temporalio/common'],
          'The interpreter',
        ),
      ],
    },
  },
  {
    // The builder: browser globals, and the rules of hooks (a missed dependency is a stale UI).
    files: ['builder-ui/src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
);
