/**
 * The application menu, in Vietnamese. Electron's default menu keeps "Reload" and "Toggle
 * Developer Tools" (and their shortcuts); an installed app must not offer them to an officer, so
 * they appear only when not packaged (`npm start`). Pure (type-only electron import): tested
 * without the runtime; main/index.ts builds it with Menu.buildFromTemplate.
 */
import type { MenuItemConstructorOptions } from 'electron';

export const DEVELOPER_ROLES = ['reload', 'forceReload', 'toggleDevTools'] as const;

function editMenu(): MenuItemConstructorOptions {
  return {
    label: 'Chỉnh sửa',
    submenu: [
      { role: 'undo', label: 'Hoàn tác' },
      { role: 'redo', label: 'Làm lại' },
      { type: 'separator' },
      { role: 'cut', label: 'Cắt' },
      { role: 'copy', label: 'Sao chép' },
      { role: 'paste', label: 'Dán' },
      { role: 'selectAll', label: 'Chọn tất cả' },
    ],
  };
}

function viewMenu(isPackaged: boolean): MenuItemConstructorOptions {
  const developer: MenuItemConstructorOptions[] = isPackaged
    ? []
    : [
        { type: 'separator' },
        { role: 'reload', label: 'Tải lại (phát triển)' },
        { role: 'forceReload', label: 'Tải lại bỏ bộ nhớ đệm (phát triển)' },
        { role: 'toggleDevTools', label: 'Công cụ phát triển' },
      ];
  return {
    label: 'Xem',
    submenu: [
      { role: 'zoomIn', label: 'Phóng to' },
      { role: 'zoomOut', label: 'Thu nhỏ' },
      { role: 'resetZoom', label: 'Cỡ chữ mặc định' },
      { type: 'separator' },
      { role: 'togglefullscreen', label: 'Toàn màn hình' },
      ...developer,
    ],
  };
}

export function appMenuTemplate(isPackaged: boolean, platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  const quit: MenuItemConstructorOptions = { role: 'quit', label: 'Thoát' };
  const first: MenuItemConstructorOptions =
    platform === 'darwin'
      ? { label: 'Tự đánh giá CCHC', submenu: [{ role: 'about', label: 'Giới thiệu' }, { type: 'separator' }, { role: 'hide', label: 'Ẩn' }, quit] }
      : { label: 'Tệp', submenu: [quit] };
  const window: MenuItemConstructorOptions = { label: 'Cửa sổ', submenu: [{ role: 'minimize', label: 'Thu nhỏ cửa sổ' }, { role: 'close', label: 'Đóng cửa sổ' }] };
  return [first, editMenu(), viewMenu(isPackaged), window];
}
