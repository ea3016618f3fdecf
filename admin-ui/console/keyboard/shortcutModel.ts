/** Where a shortcut works: anywhere in the console, on the ticket list, or on a ticket's page. */
export type ShortcutScope = 'global' | 'list' | 'ticket';

export type ShortcutAction =
  'help' | 'search' | 'next' | 'previous' | 'open' | 'assignToMe' | 'askForMore' | 'approve' | 'reject' | 'reply' | 'backToList';

interface Shortcut {
  /** `KeyboardEvent.key` values; the first is the one the help sheet shows. */
  keys: readonly string[];
  scope: ShortcutScope;
}

/** Every shortcut the console knows, in the order the help sheet lists them. */
export const SHORTCUTS: Record<ShortcutAction, Shortcut> = {
  help: { keys: ['?'], scope: 'global' },
  search: { keys: ['/'], scope: 'global' },
  next: { keys: ['j', 'ArrowDown'], scope: 'list' },
  previous: { keys: ['k', 'ArrowUp'], scope: 'list' },
  open: { keys: ['Enter', 'o'], scope: 'list' },
  assignToMe: { keys: ['a'], scope: 'ticket' },
  askForMore: { keys: ['m'], scope: 'ticket' },
  approve: { keys: ['y'], scope: 'ticket' },
  reject: { keys: ['n'], scope: 'ticket' },
  reply: { keys: ['r'], scope: 'ticket' },
  backToList: { keys: ['u'], scope: 'ticket' },
};

/** On a ticket's page j and k walk the queue the agent came from (arrows keep scrolling the page). */
const TICKET_PAGE_KEYS: Partial<Record<string, ShortcutAction>> = { j: 'next', k: 'previous' };

export const SHORTCUT_ACTIONS = Object.keys(SHORTCUTS) as ShortcutAction[];

/** What the help sheet shows for an action on a page: the list's arrows and Enter, the ticket page's j and k. */
export const keysShown = (action: ShortcutAction, scope: ShortcutScope): readonly string[] =>
  scope === 'ticket' && (action === 'next' || action === 'previous') ? [action === 'next' ? 'j' : 'k'] : SHORTCUTS[action].keys;

type KeyLike = Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey' | 'target'>;

/** Typing belongs to the field: inputs, text areas, selects and anything editable never give keys away. */
export const isTypingTarget = (target: EventTarget | null): boolean => {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const element = target as HTMLElement;
  if (element.isContentEditable) return true;
  return (
    element.closest(
      'input, textarea, select, [contenteditable=""], [contenteditable="true"], [role="textbox"], [role="combobox"], [role="listbox"]',
    ) !== null
  );
};

/** A dialog or an open pop-up menu owns the keyboard until it closes (the sidebar, a role="menu" too, does not). */
const isInsideOverlay = (target: EventTarget | null): boolean =>
  typeof (target as Element | null)?.closest === 'function' &&
  (target as Element).closest('[role="dialog"], [role="alertdialog"], .MuiPopover-root') !== null;

/**
 * The action a key press asks for on a page, or null: never with Ctrl, Alt or Meta (the browser's and the screen
 * reader's), never while typing or inside a dialog. Shift is allowed because `?` needs it on most layouts.
 */
export const shortcutFor = (event: KeyLike, scope: Exclude<ShortcutScope, 'global'> | null): ShortcutAction | null => {
  if (event.altKey || event.ctrlKey || event.metaKey || isTypingTarget(event.target) || isInsideOverlay(event.target)) return null;
  if (scope === 'ticket' && TICKET_PAGE_KEYS[event.key]) return TICKET_PAGE_KEYS[event.key]!;
  for (const action of SHORTCUT_ACTIONS) {
    const { keys, scope: where } = SHORTCUTS[action];
    if ((where === 'global' || where === scope) && keys.includes(event.key)) return action;
  }
  return null;
};

/** The page a hash route shows, for the shortcuts: the ticket list, one ticket, or another page. */
export const scopeOfPath = (pathname: string): Exclude<ShortcutScope, 'global'> | null => {
  if (/^\/tickets\/?$/.test(pathname)) return 'list';
  if (/^\/tickets\/[^/]+\/show\/?$/.test(pathname)) return 'ticket';
  return null;
};
