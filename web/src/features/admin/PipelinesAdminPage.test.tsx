import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { StageCategory } from '../../gql/graphql';
import { renderRoutes } from '../../test/renderWithProviders';
import { answer, scriptedLink } from '../../test/scriptedLink';
import { AdminPipelinesQuery, UpdatePipelineStagesMutation } from './graphql/pipelines';
import { PipelinesAdminPage } from './PipelinesAdminPage';

function stage(id: string, name: string, position: number, category: StageCategory, probability: number) {
  return { __typename: 'PipelineStage' as const, id, name, position, category, probability, retired: false };
}

const pipeline = {
  __typename: 'Pipeline' as const,
  id: 'p-1',
  name: 'Export pipeline',
  isDefault: true,
  stages: [
    stage('s-lead', 'Lead', 0, 'OPEN', 10),
    stage('s-qualified', 'Qualified', 1, 'OPEN', 25),
    stage('s-meeting', 'Meeting held', 2, 'OPEN', 40),
    stage('s-won', 'Contract signed', 3, 'WON', 100),
  ],
};

const pipelinesAnswer = answer(AdminPipelinesQuery).with(() => ({
  data: { pipelines: { __typename: 'PipelineConnection', totalCount: 1, nodes: [pipeline] } },
}));

const route = { path: '/admin/pipelines', element: <PipelinesAdminPage /> };

describe('PipelinesAdminPage', () => {
  it('moves a stage up and saves the stages in the new order', async () => {
    const sent: unknown[] = [];
    const { link } = scriptedLink(
      pipelinesAnswer,
      answer(UpdatePipelineStagesMutation).with((vars) => {
        sent.push(vars);
        return {
          data: {
            updatePipelineStages: {
              __typename: 'UpdatePipelineStagesPayload',
              pipeline: {
                ...pipeline,
                stages: [
                  stage('s-lead', 'Lead', 0, 'OPEN', 10),
                  stage('s-meeting', 'Meeting held', 1, 'OPEN', 40),
                  stage('s-qualified', 'Qualified', 2, 'OPEN', 25),
                  stage('s-won', 'Contract signed', 3, 'WON', 100),
                ],
              },
              userErrors: [],
            },
          },
        };
      }),
    );
    renderRoutes({ transport: link, url: '/admin/pipelines', routes: [route] });
    const ui = userEvent.setup();

    const moveUp = await screen.findByRole('button', { name: 'Move “Meeting held” up' });
    await ui.click(moveUp);

    // Focus stays with the stage that moved, so the keyboard can keep moving it.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move “Meeting held” up' }));
    const list = screen.getByRole('list', { name: 'Stages of Export pipeline' });
    const names = within(list)
      .getAllByRole('textbox')
      .map((input) => (input as HTMLInputElement).value);
    expect(names).toEqual(['Lead', 'Meeting held', 'Qualified', 'Contract signed']);

    await ui.click(screen.getByRole('button', { name: 'Save stages' }));

    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      input: {
        pipelineId: 'p-1',
        stages: [
          { id: 's-lead', name: 'Lead', category: 'OPEN', probability: 10, retired: false },
          { id: 's-meeting', name: 'Meeting held', category: 'OPEN', probability: 40, retired: false },
          { id: 's-qualified', name: 'Qualified', category: 'OPEN', probability: 25, retired: false },
          { id: 's-won', name: 'Contract signed', category: 'WON', probability: 100, retired: false },
        ],
      },
    });
    expect(await screen.findByText('Saved')).toBeTruthy();
  });

  it('keeps a stage that holds deals and says why', async () => {
    const message = 'The stage "Lead" holds 3 deals: keep it and retire it, or move its deals to another stage first.';
    const { link } = scriptedLink(
      pipelinesAnswer,
      answer(UpdatePipelineStagesMutation).with(() => ({
        data: {
          updatePipelineStages: {
            __typename: 'UpdatePipelineStagesPayload',
            pipeline: null,
            userErrors: [{ __typename: 'UserError', field: ['input', 'stages'], code: 'CONFLICT', message }],
          },
        },
      })),
    );
    renderRoutes({ transport: link, url: '/admin/pipelines', routes: [route] });
    const ui = userEvent.setup();

    await ui.click(await screen.findByRole('button', { name: 'Remove “Lead”' }));
    await ui.click(screen.getByRole('button', { name: 'Save stages' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(message);
    // The draft stays as the user left it, ready to retire the stage instead.
    expect(screen.queryByRole('button', { name: 'Remove “Lead”' })).toBeNull();
    expect(screen.getByText('Unsaved changes')).toBeTruthy();
  });
});
