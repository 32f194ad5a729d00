/**
 * The floors of main/ (README "Layout") are held by eslint.config.js: a floor never imports a floor
 * above it, a host never imports another host, shared/domain never imports shared/api. These run
 * the project's real ESLint configuration on planted files, so removing or loosening a rule fails
 * here, and a new folder in main/ that no rule places on a floor fails too.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, 'eslint.config.js') });
});

/** The import-rule messages ESLint reports for `import … from spec` in a file at `filePath`. */
async function restrictedImports(filePath: string, spec: string): Promise<string[]> {
  const code = `import * as planted from '${spec}';\nexport const used = planted;\n`;
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const STORE = ['store'];
const SERVICES = ['agencies', 'criteria', 'assessment', 'evidence', 'report', 'package', 'disk', 'context', 'backup', 'history', 'lifecycle', 'appraisal', 'years'];
const ADAPTERS = ['api', 'transfer'];
const HOSTS = ['shell', 'web', 'cli', 'startup', 'preload'];
/** Scripts run by npm or node, outside the floors. */
const SCRIPTS = ['bin', 'tools'];

describe('main/ floors held by lint', () => {
  it('knows every folder of main/ (a new folder is placed on a floor here and in eslint.config.js)', () => {
    const folders = fs.readdirSync(path.join(root, 'main'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
    expect(folders.sort()).toEqual([...STORE, ...SERVICES, ...ADAPTERS, ...HOSTS, ...SCRIPTS].sort());
  });

  it('refuses a store file importing a service, an adapter or a host', async () => {
    for (const folder of [...SERVICES, ...ADAPTERS, ...HOSTS]) {
      expect(await restrictedImports('main/store/queries/planted.ts', `../../${folder}/x`), folder).toEqual([expect.stringContaining('floor 1')]);
    }
  });

  it('refuses a service importing an adapter or a host', async () => {
    for (const service of SERVICES) {
      for (const folder of [...ADAPTERS, ...HOSTS]) {
        expect(await restrictedImports(`main/${service}/planted.ts`, `../${folder}/x`), `${service} → ${folder}`).toEqual([expect.stringContaining('Services (floor 2)')]);
      }
    }
    expect(await restrictedImports('main/report/docx/planted.ts', '../../api/context')).toHaveLength(1);
  });

  it('refuses an adapter importing a host', async () => {
    for (const adapter of ADAPTERS) {
      for (const host of HOSTS) {
        expect(await restrictedImports(`main/${adapter}/planted.ts`, `../${host}/x`), `${adapter} → ${host}`).toEqual([expect.stringContaining('floor 3')]);
      }
    }
    expect(await restrictedImports('main/api/handlers/planted.ts', '../../startup/app-context')).toHaveLength(1);
  });

  it('refuses a host importing another host', async () => {
    expect(await restrictedImports('main/web/planted.ts', '../shell/window')).toHaveLength(1);
    expect(await restrictedImports('main/cli/planted.ts', '../web/serve')).toHaveLength(1);
    expect(await restrictedImports('main/shell/planted.ts', '../cli/io')).toHaveLength(1);
    expect(await restrictedImports('main/index.ts', './web/serve')).toHaveLength(1);
    expect(await restrictedImports('main/startup/planted.ts', '../shell/ipc')).toHaveLength(1);
    expect(await restrictedImports('main/preload/planted.ts', '../api/dispatch')).toHaveLength(1);
  });

  it('lets each floor import the floors below it and shared/', async () => {
    expect(await restrictedImports('main/store/queries/planted.ts', '../statements')).toEqual([]);
    expect(await restrictedImports('main/store/queries/planted.ts', '../../../shared/api/result')).toEqual([]);
    expect(await restrictedImports('main/package/planted.ts', '../report/export-report')).toEqual([]);
    expect(await restrictedImports('main/package/planted.ts', '../context/handler-context')).toEqual([]);
    expect(await restrictedImports('main/evidence/planted.ts', '../store/queries/evidence')).toEqual([]);
    expect(await restrictedImports('main/api/handlers/planted.ts', '../../evidence/item-changes')).toEqual([]);
    expect(await restrictedImports('main/transfer/planted.ts', '../package/import-package')).toEqual([]);
    expect(await restrictedImports('main/web/planted.ts', '../startup/app-context')).toEqual([]);
    expect(await restrictedImports('main/web/planted.ts', '../api/dispatch')).toEqual([]);
    expect(await restrictedImports('main/index.ts', './shell/ipc')).toEqual([]);
  });

  it('keeps electron to the Electron host and the preload', async () => {
    expect(await restrictedImports('main/evidence/planted.ts', 'electron')).toHaveLength(1);
    expect(await restrictedImports('main/startup/planted.ts', 'electron')).toHaveLength(1);
    expect(await restrictedImports('main/shell/planted.ts', 'electron')).toEqual([]);
  });

  it('keeps shared/domain from importing the API contract built on it', async () => {
    expect(await restrictedImports('shared/domain/planted.ts', '../api/contract')).toHaveLength(1);
    expect(await restrictedImports('shared/api/planted.ts', '../domain/criteria-tree')).toEqual([]);
  });

  it('refuses a database opened in main/ without the Electron binary choice, and the blocking sendSync', async () => {
    const messages = async (filePath: string, code: string): Promise<string[]> => {
      const [result] = await eslint.lintText(`import Database from 'better-sqlite3';\nimport { openSqlite, withNativeBinding } from '../store/native-binding';\nexport const planted = () => ${code};\n`, { filePath: path.join(root, filePath) });
      return result!.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
    };
    expect(await messages('main/backup/planted.ts', "new Database('x.sqlite', { readonly: true })")).toEqual([expect.stringContaining('openSqlite')]);
    expect(await messages('main/startup/planted.ts', "new Database('x.sqlite')")).toHaveLength(1);
    // Even with the binary named by hand: one way to open, in one place.
    expect(await messages('main/backup/planted.ts', "new Database('x.sqlite', withNativeBinding({ readonly: true }))")).toHaveLength(1);
    expect(await messages('main/backup/planted.ts', "openSqlite('x.sqlite', { readonly: true })")).toEqual([]);
    expect(await messages('main/backup/planted.ts', "(globalThis as any).ipc.sendSync('x')")).toEqual([expect.stringContaining('sendSync')]);
  });
});
