import { useEffect, useRef } from 'react';
import { ROW_LINK_ATTRIBUTE } from '../../keyboard/rowFocus';

/**
 * react-admin 5's DataTable puts its row checkbox's aria-label on MUI's wrapping <span> (where ARIA forbids it)
 * and leaves the <input> itself nameless; it offers no prop to change that. This moves the label onto the input,
 * naming the row's ticket, whenever the rows or the language change. Render it beside the DataTable.
 */
export const RowCheckboxLabels = () => {
  const anchor = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    const list = anchor.current?.parentElement;
    if (!list) return;
    const relabel = () => {
      for (const box of list.querySelectorAll<HTMLElement>('tbody .RaDataTable-checkbox[aria-label]')) {
        const label = box.getAttribute('aria-label')!;
        box.removeAttribute('aria-label');
        const reference = box.closest('tr')?.querySelector(`[${ROW_LINK_ATTRIBUTE}]`)?.textContent ?? '';
        box.querySelector('input')?.setAttribute('aria-label', `${label} ${reference}`.trim());
      }
    };
    relabel();
    const observer = new MutationObserver(relabel);
    observer.observe(list, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-label'] });
    return () => observer.disconnect();
  }, []);
  return <span ref={anchor} hidden />;
};
