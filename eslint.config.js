// Layers of DESIGN.md, enforced: shared/ is pure, renderer/ never reaches main/ or Node,
// only main/shell, main/preload and main/index.ts touch electron.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'stream', 'url', 'util', 'worker_threads'];
const electron = { name: 'electron', message: 'Only main/shell, main/preload and main/index.ts may import electron.' };

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'release/**', 'test-results/**', 'playwright-report/**', 'coverage/**', 'renderer/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.property.name='sendSync']", message: 'sendSync blocks the UI: use invoke.' }],
    },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: '^(?!zod$|\\.{1,2}/)', message: 'shared/ imports only shared/ and zod.' },
          { group: ['**/main/**', '**/renderer/**', ...nodeBuiltins, 'react', 'react-dom', 'electron', 'better-sqlite3'], message: 'shared/ imports only shared/ and zod.' },
        ],
      }],
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', {
        paths: [electron],
        patterns: [{ group: ['**/main/**', ...nodeBuiltins, 'better-sqlite3'], message: 'renderer/ reaches the backend only through renderer/api/client.ts.' }],
      }],
    },
  },
  {
    files: ['main/**'],
    ignores: ['main/shell/**', 'main/preload/**', 'main/index.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electron], patterns: [{ group: ['**/renderer/**'], message: 'main/ never imports the renderer.' }] }],
    },
  },
);
