// Layers of DESIGN.md, enforced: shared/ is pure, renderer/ never reaches main/ or Node,
// only main/shell, main/preload and main/index.ts touch electron, and main/ is built in floors
// (store → services → adapters → hosts) where a floor never imports a floor above it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'stream', 'url', 'util', 'worker_threads'];
const electron = { name: 'electron', message: 'Only main/shell, main/preload and main/index.ts may import electron.' };
const sharedPatterns = [
  { regex: '^(?!zod$|\\.{1,2}/)', message: 'shared/ imports only shared/ and zod.' },
  { group: ['**/main/**', '**/renderer/**', ...nodeBuiltins, 'react', 'react-dom', 'electron', 'better-sqlite3'], message: 'shared/ imports only shared/ and zod.' },
];
const noRenderer = { group: ['**/renderer/**'], message: 'main/ never imports the renderer.' };

// The floors of main/ (README "Layout"). Imports inside main/ are relative, so a folder of main/ is
// named by a specifier made only of '../' (or './') steps followed by that folder's name;
// '../../shared/api/…' is not main/api.
const floors = {
  store: ['store'],
  services: ['agencies', 'criteria', 'assessment', 'evidence', 'report', 'package', 'disk', 'context', 'backup', 'history', 'lifecycle', 'appraisal', 'years'],
  adapters: ['api', 'transfer'],
  hosts: ['shell', 'web', 'cli', 'startup', 'preload'],
};
const folderImport = (folders) => `^(\\.{1,2}/)+(${folders.join('|')})(/|$)`;
const above = (floor) => Object.values(floors).slice(Object.keys(floors).indexOf(floor) + 1).flat();
/** no-restricted-imports for the files of one floor (or one host): the folders it may not import. */
function floorRule(forbidden, message, { mayImportElectron = false } = {}) {
  return ['error', {
    paths: mayImportElectron ? [] : [electron],
    patterns: [noRenderer, { regex: folderImport(forbidden), message }],
  }];
}
const sendSyncRule = { selector: "CallExpression[callee.property.name='sendSync']", message: 'sendSync blocks the UI: use invoke.' };
const inFolders = (folders) => folders.map((f) => `main/${f}/**`);

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', 'release/**', 'test-results/**', 'playwright-report/**', 'coverage/**', 'renderer/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', sendSyncRule],
    },
  },
  {
    files: ['shared/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: sharedPatterns }] },
  },
  {
    // The rules and the arithmetic come first; the API contract is built on them, never the reverse.
    files: ['shared/domain/**', 'shared/format/**', 'shared/files/**', 'shared/serving/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [...sharedPatterns, { regex: folderImport(['api']), message: 'shared/domain, format, files and serving never import shared/api: the contract imports them.' }],
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
    rules: { 'no-restricted-imports': ['error', { paths: [electron], patterns: [noRenderer] }] },
  },
  {
    // Under `npm start` (Electron from the repository) the Node build of better-sqlite3 cannot load:
    // every database the app opens goes through openSqlite (store/native-binding.ts), which names the binary.
    files: ['main/**'],
    ignores: ['main/store/native-binding.ts'],
    rules: {
      'no-restricted-syntax': ['error', sendSyncRule, {
        selector: "NewExpression[callee.name='Database']",
        message: 'Open a database with openSqlite(file, options) from store/native-binding.ts: under Electron started from the repository the Node build of better-sqlite3 does not load.',
      }],
    },
  },
  {
    files: inFolders(floors.store),
    rules: { 'no-restricted-imports': floorRule(above('store'), 'main/store/ is floor 1: it imports only shared/ and store/, never a service, an adapter or a host.') },
  },
  {
    files: inFolders(floors.services),
    rules: { 'no-restricted-imports': floorRule(above('services'), 'Services (floor 2) know nothing of IPC, HTTP, Electron or the CLI: they never import api/, transfer/ or a host; what they need comes in as arguments (context/handler-context.ts).') },
  },
  {
    files: inFolders(floors.adapters),
    rules: { 'no-restricted-imports': floorRule(above('adapters'), 'Adapters (floor 3: api/, transfer/) are called by the hosts and never import a host (shell/, web/, cli/, startup/, preload/).') },
  },
  {
    files: ['main/shell/**', 'main/index.ts'],
    rules: { 'no-restricted-imports': floorRule(['web', 'cli', 'preload'], 'The Electron host never imports another host; helpers both need live in startup/ or shared/.', { mayImportElectron: true }) },
  },
  {
    files: ['main/preload/**'],
    rules: { 'no-restricted-imports': floorRule([...floors.store, ...floors.services, ...floors.adapters, ...floors.hosts.filter((f) => f !== 'preload')], 'The sandboxed preload imports only shared/ and electron.', { mayImportElectron: true }) },
  },
  {
    files: ['main/web/**'],
    rules: { 'no-restricted-imports': floorRule(['shell', 'cli', 'preload'], 'The web host never imports another host; helpers both need live in startup/ or shared/.') },
  },
  {
    files: ['main/cli/**'],
    rules: { 'no-restricted-imports': floorRule(['shell', 'web', 'preload'], 'The command line never imports another host; helpers both need live in startup/ or shared/.') },
  },
  {
    files: ['main/startup/**'],
    rules: { 'no-restricted-imports': floorRule(['shell', 'web', 'cli', 'preload'], 'startup/ builds the context for every host, so it imports none of them.') },
  },
);
