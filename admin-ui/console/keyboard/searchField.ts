/** The ticket list's full-text search box (its `q` filter), once the list shows it. */
export const ticketSearchInput = (): HTMLInputElement | null => document.querySelector<HTMLInputElement>('input[name="q"]');

/** Focus the search box, now, or once the list being opened has rendered its own (not the page's we are leaving). */
export const focusTicketSearch = ({ afterNavigation = false } = {}): void => {
  const now = ticketSearchInput();
  if (now && !afterNavigation) {
    now.focus();
    now.select();
    return;
  }
  const observer = new MutationObserver(() => {
    const input = ticketSearchInput();
    if (!input || input === now) return;
    observer.disconnect();
    input.focus();
  });
  observer.observe(document.body, { childList: true, subtree: true });
  // Give up quietly if the list never comes (the agent went elsewhere).
  setTimeout(() => observer.disconnect(), 10_000);
};
