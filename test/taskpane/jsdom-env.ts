/**
 * jsdom has no layout, hence no ResizeObserver; Fluent's MessageBar observes its own size to reflow. An observer
 * that never fires is what a layout-free DOM would report anyway.
 */
class NoLayoutResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

const g = globalThis as { ResizeObserver?: unknown };
if (typeof window !== 'undefined') {
  g.ResizeObserver ??= NoLayoutResizeObserver;
  (window as unknown as { ResizeObserver?: unknown }).ResizeObserver ??= NoLayoutResizeObserver;
}
