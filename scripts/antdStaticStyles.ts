import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';
import type { ThemeConfig } from 'antd';

/**
 * antd writes each component's styles at run time, the first time a page shows that component:
 * builds the style objects from the theme, serializes them and inserts <style> tags. On the home
 * page and the wizard that is a third of the main thread's work before the first input. This
 * build step renders antd's components once in Node with the renderer's theme and writes their
 * styles into one stylesheet linked from index.html, with antd's own record of which styles it
 * holds (the `data-ant-cssinjs-cache-path` rule, antd's documented static-extraction path): at run
 * time antd then skips those styles and still generates any other (another theme, a component
 * missing here) as before. The styles are the same strings antd would insert.
 */
export async function antdStyleSheet(theme: ThemeConfig): Promise<string> {
  const React = await import('react');
  const { renderToString } = await import('react-dom/server');
  const cssinjs = await import('@ant-design/cssinjs');
  const antd = await import('antd');
  const h = React.createElement;
  const { ConfigProvider } = antd;
  const { StyleProvider, createCache, extractStyle } = cssinjs;
  const span = h('span');
  // Every antd component the renderer uses (grep `from 'antd'` in renderer/src), each drawn in a way
  // that makes it register its styles.
  // message and notification draw only when called; antd's own static panels register their styles.
  const { _InternalPanelDoNotUseOrYouWillBeFired: MessagePanel } = antd.message;
  const { _InternalPanelDoNotUseOrYouWillBeFired: NotificationPanel } = antd.notification;
  const components: React.ReactNode[] = [
    h(MessagePanel, { content: '.' }),
    h(NotificationPanel, { message: '.' }),
    h(antd.Alert, { message: '.' }),
    h(antd.App, null, span),
    h(antd.Badge, { count: 1 }, span),
    h(antd.Button, null),
    h(antd.Card, { title: '.', size: 'small' }),
    h(antd.Cascader, null),
    h(antd.Checkbox, null),
    h(antd.Row, null, h(antd.Col, { span: 12 })),
    h(antd.Collapse, { items: [{ key: '1', label: '.', children: '.' }], defaultActiveKey: ['1'] }),
    h(antd.DatePicker, null),
    h(antd.DatePicker.RangePicker, null),
    h(antd.Descriptions, { items: [{ key: '1', label: '.', children: '.' }] }),
    h(antd.Divider, null),
    h(antd.Drawer, { open: true }),
    h(antd.Dropdown, { menu: { items: [{ key: '1', label: '.' }] } }, span),
    h(antd.Empty, null),
    h(antd.Form, null, h(antd.Form.Item, { label: '.', extra: '.', help: '.' }, h(antd.Input, null))),
    h(antd.Input, null),
    h(antd.Input.Search, null),
    h(antd.Input.TextArea, { showCount: true }),
    h(antd.InputNumber, null),
    h(antd.Layout, null, h(antd.Layout.Header, null), h(antd.Layout.Content, null)),
    h(antd.List<string>, { dataSource: ['.'], renderItem: (item) => h(antd.List.Item, null, item) }),
    h(antd.Menu, { items: [{ key: '1', label: '.' }] }),
    h(antd.Modal, { open: true }),
    h(antd.Popconfirm, { title: '.', open: true }, span),
    h(antd.Popover, { content: '.', open: true }, span),
    h(antd.Progress, { percent: 50, size: 'small' }),
    h(antd.Radio.Group, { options: ['.'] }),
    h(antd.Result, { status: 'warning' }),
    h(antd.Select, null),
    h(antd.Space, null, span),
    h(antd.Space.Compact, null, h(antd.Input, null), h(antd.Button, null)),
    h(antd.Spin, null),
    h(antd.Steps, { items: [{ title: '.' }] }),
    h(antd.Switch, null),
    h(antd.Table, { columns: [{ title: '.', dataIndex: 'a' }], dataSource: [{ key: '1', a: '.' }] }),
    h(antd.Tabs, { items: [{ key: '1', label: '.', children: '.' }] }),
    h(antd.Tag, null),
    // Status colours are a style of their own, registered when a tag first uses one.
    h(antd.Tag, { color: 'success' }),
    h(antd.Tooltip, { title: '.', open: true }, span),
    h(antd.Tree, { treeData: [{ key: '1', title: '.' }] }),
    h(antd.Typography.Title, { level: 4 }),
    h(antd.Typography.Text, null),
    h(antd.Typography.Link, null),
    h(antd.Typography.Paragraph, null),
    h(antd.Upload, null),
    h(antd.Upload.Dragger, null),
  ];
  const cache = createCache();
  renderToString(h(StyleProvider, { cache }, h(ConfigProvider, { theme }, ...components)));
  return extractStyle(cache, { plain: true, types: ['style', 'token'] });
}

/**
 * Vite plugin (build only): emits the stylesheet as assets/antd-<content hash>.css and links it first
 * in index.html, before the renderer's own styles, which override antd's as they did.
 */
export function antdStaticStyles(theme: ThemeConfig): Plugin {
  let fileName = '';
  let css = '';
  return {
    name: 'shenbao-antd-static-styles',
    apply: 'build',
    async buildStart() {
      css = await antdStyleSheet(theme);
      fileName = `assets/antd-${createHash('sha256').update(css).digest('hex').slice(0, 8)}.css`;
      this.emitFile({ type: 'asset', fileName, source: css });
    },
    transformIndexHtml: {
      order: 'post',
      handler: (html) => {
        const link = `<link rel="stylesheet" href="./${fileName}">\n    `;
        const first = html.indexOf('<link rel="stylesheet"');
        return first === -1 ? html.replace('</head>', `${link}</head>`) : html.slice(0, first) + link + html.slice(first);
      },
    },
  };
}
