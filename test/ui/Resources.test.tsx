import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import * as fixtures from './fixtures';
import { lists } from '../../server/src/contract/lists';
import { API, listResponse, meHandler, parseListQuery } from './handlers';
import { renderApp } from './renderAdmin';
import { server } from './server';

describe('notifications, macros and rejection reasons', () => {
  it('lists notifications read-only and filters them by status', async () => {
    const filters: unknown[] = [];
    server.use(
      meHandler('agent'),
      http.get(`${API}/notifications`, ({ request }) => {
        const query = parseListQuery(new URL(request.url), lists.notifications);
        if (typeof query === 'string') return HttpResponse.json({ code: 'INVALID_QUERY', message: query }, { status: 400 });
        filters.push(query.filter);
        return listResponse('notifications', fixtures.notifications, query);
      }),
    );
    const user = userEvent.setup();
    renderApp({ route: '/notifications' });

    expect(await screen.findByText('w***@example.com')).toBeInTheDocument();
    expect(screen.getByText('138****0000')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '新建' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('combobox', { name: '状态' }));
    await user.click(within(await screen.findByRole('listbox')).getByRole('option', { name: '发送失败' }));
    await waitFor(() => expect(filters.at(-1)).toEqual({ status: 'failed' }));
    await waitFor(() => expect(screen.queryByText('w***@example.com')).not.toBeInTheDocument());
    expect(screen.getByText('138****0000')).toBeInTheDocument();
  });

  it('lets an admin create a macro with both languages and the kinds it fits, and nothing else', async () => {
    let created: Record<string, unknown> | undefined;
    server.use(
      meHandler('admin'),
      http.post(`${API}/macros`, async ({ request }) => {
        const body = (await request.json()) as Record<string, unknown>;
        const keys = Object.keys(body).sort().join();
        if (keys !== 'active,bodyEn,bodyZh,kinds,name,titleEn,titleZh') {
          return HttpResponse.json({ code: 'INVALID_INPUT', message: `unexpected keys ${keys}` }, { status: 400 });
        }
        created = body;
        return HttpResponse.json(
          { id: 9, ...body, createdAt: '2026-11-23T00:00:00.000Z', updatedAt: '2026-11-23T00:00:00.000Z' },
          { status: 201 },
        );
      }),
    );
    const user = userEvent.setup();
    renderApp({ route: '/macros/create' });

    await user.type(await screen.findByRole('textbox', { name: /名称/ }), 'review.started');
    await user.type(screen.getByRole('textbox', { name: /标题（中文）/ }), '已开始审核');
    await user.type(screen.getByRole('textbox', { name: /标题（英文）/ }), 'Review started');
    await user.type(screen.getByRole('textbox', { name: /正文（中文）/ }), '您好，工单已进入审核。');
    await user.type(screen.getByRole('textbox', { name: /正文（英文）/ }), 'Hello, the review has started.');
    await user.click(screen.getByRole('button', { name: '保存' }));

    await waitFor(() => expect(created).toBeDefined());
    expect(created).toEqual({
      name: 'review.started',
      titleZh: '已开始审核',
      titleEn: 'Review started',
      bodyZh: '您好，工单已进入审核。',
      bodyEn: 'Hello, the review has started.',
      kinds: [],
      active: true,
    });
  });

  it('keeps a rejection reason’s code fixed and offers no delete', async () => {
    server.use(meHandler('admin'));
    renderApp({ route: '/rejection-reasons/1' });

    expect(await screen.findByDisplayValue('须为彩色照片或彩色扫描件')).toBeInTheDocument();
    expect(screen.getByDisplayValue('not_colour')).toBeDisabled();
    expect(screen.getByRole('button', { name: '保存' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '删除' })).not.toBeInTheDocument();
  });
});
