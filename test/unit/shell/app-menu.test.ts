/** The Vietnamese application menu: no reload or DevTools in an installed app, both under npm start. */
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { appMenuTemplate, DEVELOPER_ROLES } from '../../../main/shell/app-menu';

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}
const roles = (template: MenuItemConstructorOptions[]) => items(template).map((i) => i.role).filter(Boolean);

describe('appMenuTemplate', () => {
  for (const platform of ['win32', 'linux', 'darwin'] as const) {
    it(`packaged on ${platform}: no reload, force reload or developer tools`, () => {
      const template = appMenuTemplate(true, platform);
      for (const role of DEVELOPER_ROLES) expect(roles(template)).not.toContain(role);
      expect(roles(template)).toEqual(expect.arrayContaining(['quit', 'copy', 'paste', 'zoomIn']));
    });
  }

  it('not packaged (npm start): reload and developer tools are there for the developer', () => {
    expect(roles(appMenuTemplate(false, 'linux'))).toEqual(expect.arrayContaining([...DEVELOPER_ROLES]));
  });

  it('every item that is not a separator has a Vietnamese label (no English role names shown)', () => {
    const shown = items(appMenuTemplate(false, 'darwin')).filter((i) => i.type !== 'separator');
    for (const item of shown) expect(item.label, JSON.stringify(item)).toBeTruthy();
    const labels = shown.map((i) => i.label!);
    expect(labels).toEqual(expect.arrayContaining(['Thoát', 'Chỉnh sửa', 'Sao chép', 'Dán', 'Xem', 'Phóng to']));
    expect(labels.filter((l) => /^(File|Edit|View|Window|Quit|Copy|Paste|Reload)$/i.test(l))).toEqual([]);
  });

  it('Windows and Linux start with "Tệp", macOS with the app menu', () => {
    expect(appMenuTemplate(true, 'win32')[0]!.label).toBe('Tệp');
    expect(appMenuTemplate(true, 'darwin')[0]!.label).toBe('Tự đánh giá CCHC');
  });
});
