import { useEffect, useRef } from 'react';
import { shortcutFor, type ShortcutAction, type ShortcutScope } from './shortcutModel';

/** A handler that returns false leaves the key to the browser (Enter on a link, say). */
export type ShortcutHandlers = Partial<Record<ShortcutAction, (event: KeyboardEvent) => void | false>>;

/**
 * Listens for the shortcuts of one page (`null`: only the console-wide ones) while the calling component is mounted.
 * Keys without a handler here go on as usual.
 */
export const useShortcuts = (scope: Exclude<ShortcutScope, 'global'> | null, handlers: ShortcutHandlers, enabled = true) => {
  // The latest handlers, without re-subscribing on every render.
  const current = useRef(handlers);
  current.current = handlers;
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const action = shortcutFor(event, scope);
      const handler = action ? current.current[action] : undefined;
      if (handler && handler(event) !== false) event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [scope, enabled]);
};
