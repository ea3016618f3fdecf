import type { ShortcutAction, ShortcutScope } from './shortcutModel';

// A type, not an interface: polyglot's message maps need its implicit index signature.
type KeyboardMessages = {
  title: string;
  intro: string;
  close: string;
  scope: Record<ShortcutScope, string>;
  action: Record<ShortcutAction, string>;
  key: Record<'ArrowDown' | 'ArrowUp' | 'Enter', string>;
  or: string;
  queueEnd: string;
  queueStart: string;
  nextTicket: string;
};

// The `app.keyboard` namespace; a Record per action so a new shortcut cannot go untranslated.
export const enKeyboard: KeyboardMessages = {
  title: 'Keyboard shortcuts',
  intro: 'Shortcuts do nothing while you type in a field or a dialog is open.',
  close: 'Close',
  scope: { global: 'Anywhere', list: 'Ticket list', ticket: 'Ticket page' },
  action: {
    help: 'Show this list',
    search: 'Search tickets',
    next: 'Next ticket',
    previous: 'Previous ticket',
    open: 'Open the selected ticket',
    assignToMe: 'Assign to me',
    askForMore: 'Ask for more materials',
    approve: 'Approve…',
    reject: 'Reject…',
    reply: 'Write a reply',
    backToList: 'Back to the list',
  },
  key: { ArrowDown: '↓', ArrowUp: '↑', Enter: 'Enter' },
  or: 'or',
  queueEnd: 'No more tickets in this queue',
  queueStart: 'This is the first ticket of the queue',
  nextTicket: 'Next ticket in this queue',
};

export const zhKeyboard: KeyboardMessages = {
  title: '键盘快捷键',
  intro: '在输入框中输入或有对话框打开时，快捷键不起作用。',
  close: '关闭',
  scope: { global: '任意页面', list: '工单列表', ticket: '工单详情页' },
  action: {
    help: '显示本列表',
    search: '搜索工单',
    next: '下一个工单',
    previous: '上一个工单',
    open: '打开选中的工单',
    assignToMe: '分配给我',
    askForMore: '要求补充材料',
    approve: '通过…',
    reject: '驳回…',
    reply: '撰写回复',
    backToList: '返回列表',
  },
  key: { ArrowDown: '↓', ArrowUp: '↑', Enter: '回车' },
  or: '或',
  queueEnd: '当前队列中没有更多工单了',
  queueStart: '这已是当前队列的第一个工单',
  nextTicket: '当前队列的下一个工单',
};
