/**
 * Gives every <style> element the page's scripts create the CSP nonce.
 *
 * antd's own styles get it through ConfigProvider, but rc-table measures the scrollbar with
 * rc-util's updateCSS without passing the nonce (react-component/util#613, ant-design#58150),
 * so every Table mount would trip the strict style-src. Only our bundled scripts run here, and
 * they could read the nonce anyway, so this grants nothing new.
 */
export function nonceStyleElements(nonce: string | undefined): void {
  if (!nonce) return;
  const create = document.createElement.bind(document) as (tag: string, options?: ElementCreationOptions) => HTMLElement;
  const patched = (tag: string, options?: ElementCreationOptions): HTMLElement => {
    const element = create(tag, options);
    if (element instanceof HTMLStyleElement) element.nonce = nonce;
    return element;
  };
  document.createElement = patched as typeof document.createElement;
}
