/** Every row of the ticket list carries one link to its ticket; the keyboard moves between these. */
export const ROW_LINK_ATTRIBUTE = 'data-ticket-link';

const rowLinks = (root: ParentNode = document): HTMLAnchorElement[] =>
  Array.from(root.querySelectorAll<HTMLAnchorElement>(`a[${ROW_LINK_ATTRIBUTE}]`));

/** The row link after (or before) the focused one; from nowhere, the first row. */
export const moveRowFocus = (step: 1 | -1, root: ParentNode = document): HTMLAnchorElement | undefined => {
  const links = rowLinks(root);
  if (links.length === 0) return undefined;
  const index = links.findIndex((link) => link === document.activeElement);
  const target = links[index === -1 ? 0 : Math.min(Math.max(index + step, 0), links.length - 1)]!;
  target.focus();
  target.scrollIntoView?.({ block: 'nearest' });
  return target;
};

/** The row link that has focus, or the first row's when none has. */
export const currentRowLink = (root: ParentNode = document): HTMLAnchorElement | undefined => {
  const links = rowLinks(root);
  return links.find((link) => link === document.activeElement) ?? links[0];
};
