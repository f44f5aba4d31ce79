// @ts-check
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = builtinModules.filter((m) => !m.startsWith('_'));

/**
 * The determinism boundary (docs/architecture.md, The determinism boundary): the pure engine core runs in the Temporal
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

/**
 * Package layering: the engine (core, interpreter, service) sits below the connectors, the
 * templates, the workers and the composition root (server/), which wire it together; connectors
 * sit below the templates, the workers and the composition root. A lower package names a higher
 * one neither by package, nor by a relative path out of its folder, nor by a dynamic import.
 */
const packageLayer = (above, where) => {
  const names = above.map((a) => a.replace(/[/.]/g, '\\$&')).join('|');
  const folders = ['connectors', 'workflows', 'workers', 'server'].join('|');
  return {
    imports: {
      patterns: [
        {
          regex: `^(${names})(/|$)`,
          message: `${where} must not import ${above.join(', ')}: those depend on it, and the process entry points wire them together.`,
        },
        {
          regex: `^(\\.\\./)+(${folders})/`,
          message: `${where} must not reach into another package by a relative path.`,
        },
      ],
    },
    syntax: [
      {
        selector: 'ImportExpression[source.type!="Literal"]',
        message: `${where} imports by name, not by a computed dynamic import (it hides the dependency from tsc and lint).`,
      },
      {
        selector: `ImportExpression[source.value=/^(${names})(\\/|$)/]`,
        message: `${where} must not import ${above.join(', ')}, dynamically or not.`,
      },
    ],
  };
};
const COMPOSITION = ['@guildflow/server'];
const ABOVE_CONNECTORS = ['@guildflow/workflows', '@guildflow/workers', ...COMPOSITION];
const ABOVE_ENGINE = [
  '@guildflow/discord',
  '@guildflow/discord-sandbox',
  '@guildflow/http',
  '@guildflow/stripe',
  ...ABOVE_CONNECTORS,
];
const engineLayer = packageLayer(ABOVE_ENGINE, 'The engine');
const connectorLayer = packageLayer(ABOVE_CONNECTORS, 'A connector');
// The stack (provisioning, settings) is below everything; templates and workers below the root.
const stackLayer = packageLayer(['@guildflow/engine', ...ABOVE_ENGINE], 'The stack');
const appLayer = packageLayer(COMPOSITION, 'Templates and workers');

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
    // Before the core and interpreter boundaries, which replace it for their (stricter) files.
    files: ['engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', engineLayer.imports],
      'no-restricted-syntax': ['error', ...engineLayer.syntax],
    },
  },
  {
    files: ['connectors/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', connectorLayer.imports],
      'no-restricted-syntax': ['error', ...connectorLayer.syntax],
    },
  },
  {
    files: ['stack/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', stackLayer.imports],
      'no-restricted-syntax': ['error', ...stackLayer.syntax],
    },
  },
  {
    files: ['workflows/**/*.ts', 'workers/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', appLayer.imports],
      'no-restricted-syntax': ['error', ...appLayer.syntax],
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
