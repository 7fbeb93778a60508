import { Button, Result, Spin } from 'antd';
import { Component, lazy, Suspense, type ComponentType, type ReactNode } from 'react';

/**
 * Parts the home page does not need (the wizard, the rich editor, the preview, export, history
 * comparison, other pages) load on first use, so the first script stays small. While a part
 * loads, a spinner says so; if its script cannot be loaded (the browser-mode host was stopped or
 * rebuilt), the user is told in Chinese and can retry, instead of a blank screen.
 */

class LoadFailure extends Component<{ children: ReactNode; onRetry: () => void }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <Result
        status="warning"
        title="这部分界面未能加载"
        subTitle="可能是申报通已关闭或已更新。已保存的内容不受影响。"
        extra={
          <Button type="primary" onClick={this.props.onRetry}>
            重新加载页面
          </Button>
        }
      />
    );
  }
}

/** quiet: nothing shown while loading, for a dialog that appears on its own once loaded (no spinner in the page's flow). */
export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>, label: string, options: { quiet?: boolean } = {}): ComponentType<P> {
  // React.lazy's own prop type wraps P in ref helpers; the part takes exactly P.
  const Lazy = lazy(async () => ({ default: await load() })) as unknown as ComponentType<P>;
  function LazyPart(props: P) {
    return (
      <LoadFailure onRetry={() => window.location.reload()}>
        <Suspense
          fallback={
            options.quiet ? null : (
              <div className="lazy-part-loading" role="status">
                <Spin tip={`正在加载${label}…`}>
                  <div className="lazy-part-loading-space" />
                </Spin>
              </div>
            )
          }
        >
          <Lazy {...props} />
        </Suspense>
      </LoadFailure>
    );
  }
  LazyPart.displayName = `LazyPart(${label})`;
  return LazyPart;
}
