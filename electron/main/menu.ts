import { app, dialog, Menu, type MenuItemConstructorOptions } from 'electron';

/** A small Chinese menu; the edit roles matter most, since they give copy/paste their shortcuts on macOS. */
export function installMenu(isDev: boolean): void {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ label: '申报通', submenu: [{ role: 'hide', label: '隐藏申报通' }, { type: 'separator' }, { role: 'quit', label: '退出申报通' }] } satisfies MenuItemConstructorOptions] : []),
    { label: '文件', submenu: [isMac ? { role: 'close', label: '关闭窗口' } : { role: 'quit', label: '退出' }] },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    {
      label: '视图',
      submenu: [
        ...(isDev
          ? ([{ role: 'reload', label: '重新加载' }, { role: 'toggleDevTools', label: '开发者工具' }, { type: 'separator' }] satisfies MenuItemConstructorOptions[])
          : []),
        { role: 'resetZoom', label: '实际大小' },
        { role: 'zoomIn', label: '放大' },
        { role: 'zoomOut', label: '缩小' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: '全屏' },
      ],
    },
    {
      label: '帮助',
      submenu: [
        {
          label: '关于申报通',
          click: () => {
            void dialog.showMessageBox({
              type: 'info',
              title: '关于申报通',
              message: `申报通 ${app.getVersion()}`,
              detail: '离线撰写科技计划项目申报书。所有数据只保存在本机。',
              buttons: ['确定'],
            });
          },
        },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
