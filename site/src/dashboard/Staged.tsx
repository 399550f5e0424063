// Renders its children in a task of their own, after the component around it: the dashboard's sections (chart,
// sources, reporters…) each wrapped in one, a full dashboard — the first one after an import, or a refresh with new
// data — is drawn as a few short main-thread tasks instead of one long one (the budget is 100 ms a task).
// The children shown are always the latest ones given; until the first are drawn, a placeholder holds their place.
import { Component, type ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

/** Re-renders only when `version` moves, whatever else its parent passes. */
class Frozen extends Component<{ version: number; children?: ComponentChildren }> {
  override shouldComponentUpdate(next: { version: number }): boolean {
    return next.version !== this.props.version;
  }

  override render() {
    return this.props.children;
  }
}

const NOTHING_SHOWN = Symbol('nothing shown');

export function Staged({ children, minHeight = '4rem' }: { children: ComponentChildren; minHeight?: string }) {
  const [version, setVersion] = useState(0);
  const latest = useRef<ComponentChildren>(children);
  latest.current = children;
  const shown = useRef<ComponentChildren | typeof NOTHING_SHOWN>(NOTHING_SHOWN);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    // A timer already pending draws the latest children when it fires: parent renders in between only move `latest`.
    if (shown.current === latest.current || timer.current !== undefined) return;
    timer.current = setTimeout(() => {
      timer.current = undefined;
      shown.current = latest.current;
      setVersion((v) => v + 1);
    }, 0);
  });
  useEffect(() => () => clearTimeout(timer.current), []);
  if (version === 0) return <div style={{ minHeight }} aria-busy="true" />;
  return <Frozen version={version}>{children}</Frozen>;
}
