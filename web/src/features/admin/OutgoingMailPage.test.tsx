import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { MailStatus } from '../../gql/graphql';
import { renderRoutes } from '../../test/renderWithProviders';
import { answer, scriptedLink } from '../../test/scriptedLink';
import { AgencyMailFromQuery, OutgoingMailQuery, SetAgencyMailFromMutation } from './graphql/mail';
import { OutgoingMailPage } from './OutgoingMailPage';

const invitationLink = 'https://crm.apex.example/invitation/tok-123';

function mail(
  id: string,
  status: MailStatus,
  fields: { template: string; subject: string; to: string; links: string[] },
) {
  return {
    __typename: 'OutboxMail' as const,
    id,
    createdAt: '2026-11-20T09:30:00Z',
    toAddress: fields.to,
    toName: null,
    template: fields.template,
    locale: 'fr' as const,
    subject: fields.subject,
    textBody: `Bonjour,\n\nOuvrez ce lien : ${fields.links[0] ?? ''}\n`,
    links: fields.links,
    status,
    attempts: status === 'FAILED' ? 5 : 0,
    lastError: status === 'FAILED' ? '550 Mailbox unavailable' : null,
    sentAt: null,
  };
}

const invitation = mail('m-1', 'PENDING', {
  template: 'invitation',
  subject: 'Invitation à rejoindre APEX',
  to: 'camille@apex.example',
  links: [invitationLink],
});
const confirmation = mail('m-2', 'FAILED', {
  template: 'dealConfirmation',
  subject: 'Merci de confirmer une affaire',
  to: 'karim@nex-t.example',
  links: ['https://crm.apex.example/confirm/tok-456'],
});

const asked: Record<string, unknown>[] = [];
const mailAnswer = answer(OutgoingMailQuery).with((variables) => {
  asked.push(variables);
  const statuses = (variables.filter?.statuses ?? null) as MailStatus[] | null;
  const nodes = [invitation, confirmation].filter((node) => !statuses || statuses.includes(node.status));
  return {
    data: {
      outgoingMail: {
        __typename: 'OutboxMailConnection',
        totalCount: nodes.length,
        pageInfo: {
          __typename: 'PageInfo',
          hasNextPage: false,
          hasPreviousPage: false,
          startCursor: 'a',
          endCursor: 'b',
        },
        nodes,
      },
    },
  };
});

let sender: string | null = null;
const senderAnswer = answer(AgencyMailFromQuery).with(() => ({
  data: { agency: { __typename: 'Agency', id: 'agency-1', mailFrom: sender } },
}));
const setSender = answer(SetAgencyMailFromMutation).with(({ input }) => {
  if (input.mailFrom && !input.mailFrom.includes('@')) {
    return {
      data: {
        setAgencyMailFrom: {
          __typename: 'SetAgencyMailFromPayload',
          agency: null,
          userErrors: [
            {
              __typename: 'UserError',
              code: 'INVALID',
              field: ['input', 'mailFrom'],
              message: 'Give an e-mail address, alone or after a name: Mosprom <crm@mosprom.ru>.',
            },
          ],
        },
      },
    };
  }
  sender = input.mailFrom ?? null;
  return {
    data: {
      setAgencyMailFrom: {
        __typename: 'SetAgencyMailFromPayload',
        agency: { __typename: 'Agency', id: 'agency-1', mailFrom: sender },
        userErrors: [],
      },
    },
  };
});

const route = { path: '/admin/mail', element: <OutgoingMailPage /> };

describe('OutgoingMailPage', () => {
  it('lists the mail and opens one to show its text and its links', async () => {
    const { link } = scriptedLink(mailAnswer, senderAnswer, setSender);
    renderRoutes({ transport: link, url: '/admin/mail', routes: [route] });

    expect(screen.getByRole('heading', { name: 'Outgoing mail', level: 1 })).toBeTruthy();
    expect(screen.getByRole('note').textContent).toContain('Without an SMTP server (CRM_SMTP_URL)');
    const table = await screen.findByRole('table', { name: 'Outgoing mail' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(rows[1]).getByText('Invitation à rejoindre APEX')).toBeTruthy();
    expect(within(rows[1]).getByText('camille@apex.example')).toBeTruthy();
    expect(within(rows[1]).getByText('Invitation')).toBeTruthy();
    expect(within(rows[1]).getByText('Français')).toBeTruthy();
    expect(within(rows[1]).getByText('Pending')).toBeTruthy();
    expect(within(rows[2]).getByText('Deal confirmation')).toBeTruthy();
    expect(within(rows[2]).getByText('Failed')).toBeTruthy();
    expect(within(rows[2]).getByText('5')).toBeTruthy();
    expect(within(rows[2]).getByText('550 Mailbox unavailable')).toBeTruthy();
    expect(screen.getByText('2 mails')).toBeTruthy();
    expect(screen.queryByRole('link', { name: invitationLink })).toBeNull();

    const ui = userEvent.setup();
    const open = screen.getByRole('button', { name: 'Open the mail “Invitation à rejoindre APEX”' });
    expect(open.getAttribute('aria-expanded')).toBe('false');
    await ui.click(open);

    const links = screen.getByRole('region', { name: 'Links of “Invitation à rejoindre APEX”' });
    const shown = within(links).getByRole('link', { name: invitationLink });
    expect(shown.getAttribute('href')).toBe(invitationLink);
    expect(shown.getAttribute('target')).toBe('_blank');
    const text = screen.getByRole('region', { name: 'Text of “Invitation à rejoindre APEX”' });
    expect(text.textContent).toContain('Ouvrez ce lien');
    expect(screen.getByText('Not sent yet: it waits for a mail server or its next attempt.')).toBeTruthy();

    await ui.click(screen.getByRole('button', { name: 'Close the mail “Invitation à rejoindre APEX”' }));
    expect(screen.queryByRole('link', { name: invitationLink })).toBeNull();
  });

  it('filters by status, kept in the URL', async () => {
    asked.length = 0;
    const { link } = scriptedLink(mailAnswer, senderAnswer, setSender);
    const { router } = renderRoutes({ transport: link, url: '/admin/mail', routes: [route] });

    await screen.findByRole('table', { name: 'Outgoing mail' });
    await userEvent.setup().selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'FAILED');

    await waitFor(() => expect(screen.queryByText('Invitation à rejoindre APEX')).toBeNull());
    expect(screen.getByText('Merci de confirmer une affaire')).toBeTruthy();
    expect(router.state.location.search).toBe('?status=FAILED');
    expect(asked.at(-1)).toMatchObject({ filter: { statuses: ['FAILED'] }, first: 25 });
  });

  it('sets the agency’s sender, and shows a refusal at the field', async () => {
    const { link } = scriptedLink(mailAnswer, senderAnswer, setSender);
    renderRoutes({ transport: link, url: '/admin/mail', routes: [route] });
    const ui = userEvent.setup();
    const field = await screen.findByRole('textbox', { name: 'Sender of the agency’s mail' });
    await ui.type(field, 'Mosprom');
    await ui.click(screen.getByRole('button', { name: 'Save the sender' }));
    expect(
      await screen.findByText('Give an e-mail address, alone or after a name: Mosprom <crm@mosprom.ru>.'),
    ).toBeTruthy();
    await ui.clear(field);
    await ui.type(field, 'Centre Mosprom <crm@mosprom.ru>');
    await ui.click(screen.getByRole('button', { name: 'Save the sender' }));
    expect((await screen.findByRole('status')).textContent).toBe('Sender saved: the next mails go out from it.');
    expect(sender).toBe('Centre Mosprom <crm@mosprom.ru>');
  });
});
