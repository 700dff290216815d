import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { viewerAnswer } from '../../test/fixtures';
import { renderRoutes } from '../../test/renderWithProviders';
import { answer, scriptedLink } from '../../test/scriptedLink';
import { ApplyImportMutation, ImportFileQuery, PreviewImportQuery, UndoImportMutation } from './graphql/import';
import { ImportPage } from './ImportPage';

/** A stand-in for the browser's XMLHttpRequest: reports half the upload, then answers 201. */
class FakeUpload {
  static sent: { headers: Record<string, string>; body: unknown }[] = [];
  static answer: { status: number; body: unknown } = { status: 201, body: {} };
  upload: { onprogress?: (event: { lengthComputable: boolean; loaded: number; total: number }) => void } = {};
  onload?: () => void;
  onerror?: () => void;
  status = 0;
  responseText = '';
  withCredentials = false;
  private headers: Record<string, string> = {};
  open() {}
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: unknown) {
    FakeUpload.sent.push({ headers: this.headers, body });
    setTimeout(() => this.upload.onprogress?.({ lengthComputable: true, loaded: 50, total: 100 }));
    setTimeout(() => {
      this.status = FakeUpload.answer.status;
      this.responseText = JSON.stringify(FakeUpload.answer.body);
      this.onload?.();
    }, 300);
  }
}

const column = (index: number, header: string, field: string | null, samples: string[]) => ({
  __typename: 'ImportColumn' as const,
  index,
  header,
  field,
  samples,
});
const field = (name: string, label: string, required = false) => ({
  __typename: 'ImportField' as const,
  field: name,
  label,
  required,
});

const fileAnswer = answer(ImportFileQuery).with(() => ({
  data: {
    importFile: {
      __typename: 'ImportFileInfo',
      id: 'file-1',
      fileName: 'forum.xlsx',
      fileSize: 2048,
      format: 'XLSX',
      encoding: null,
      separator: null,
      sheet: 'Exportateurs',
      rowCount: 3,
      columns: [
        column(0, 'Raison sociale', 'name', ['Huilerie Zitoun', 'Conserveries de l’Atlantique Sud']),
        column(1, 'Pays', 'country', ['MA', 'MA']),
        column(2, 'Remarque', null, ['x']),
      ],
      fields: [field('name', 'Company', true), field('country', 'Country'), field('city', 'City')],
    },
  },
}));

const counts = {
  __typename: 'ImportCounts' as const,
  total: 3,
  create: 1,
  update: 0,
  link: 0,
  unchanged: 0,
  skip: 0,
  error: 1,
  possibleDuplicate: 1,
};
const row = (number: number, action: 'CREATE' | 'ERROR' | 'POSSIBLE_DUPLICATE', name: string) => ({
  __typename: 'ImportRow' as const,
  row: number,
  action,
  name,
  target: null,
  reasons: action === 'CREATE' ? ['New record.'] : [],
  changes: [],
  decision: null,
  errors:
    action === 'ERROR'
      ? [
          {
            __typename: 'ImportCellError' as const,
            column: 1,
            header: 'Pays',
            field: 'country',
            message: 'An ISO country code is expected.',
          },
        ]
      : [],
  candidates:
    action === 'POSSIBLE_DUPLICATE'
      ? [
          {
            __typename: 'ImportCandidate' as const,
            id: 'company-cas',
            row: null,
            name: 'Conserveries Atlantique Sud',
            country: 'MA',
            city: 'Agadir',
            website: null,
            email: null,
            similarity: 0.76,
          },
        ]
      : [],
});
const duplicate = {
  ...row(3, 'POSSIBLE_DUPLICATE', 'Conserveries de l’Atlantique Sud'),
  values: ['Conserveries de l’Atlantique Sud', 'MA', ''],
};

function previewAnswer(inputs: unknown[]) {
  return answer(PreviewImportQuery).with((variables) => {
    inputs.push(variables.input);
    return {
      data: {
        previewImport: {
          __typename: 'ImportPreviewPayload',
          userErrors: [],
          preview: {
            __typename: 'ImportPreview',
            counts,
            issues: [],
            duplicates: { __typename: 'ImportRowPage', totalCount: 1, nodes: [duplicate] },
            rows: {
              __typename: 'ImportRowPage',
              totalCount: 3,
              nodes: [row(2, 'CREATE', 'Huilerie Zitoun'), duplicate, row(4, 'ERROR', 'Dattes')],
            },
          },
        },
      },
    };
  });
}

function applyAnswer(inputs: unknown[]) {
  return answer(ApplyImportMutation).with((variables) => {
    inputs.push(variables.input);
    return {
      data: {
        applyImport: {
          __typename: 'ApplyImportPayload',
          userErrors: [],
          batch: {
            __typename: 'ImportBatch',
            id: 'batch-1',
            fileName: 'forum.xlsx',
            status: 'APPLIED',
            createdAt: '2026-12-03T10:00:00Z',
          },
          preview: { __typename: 'ImportPreview', counts: { ...counts, create: 1, link: 1, possibleDuplicate: 0 } },
        },
      },
    };
  });
}

const undoAnswer = answer(UndoImportMutation).with(() => ({
  data: {
    undoImport: {
      __typename: 'UndoImportPayload',
      userErrors: [],
      batch: { __typename: 'ImportBatch', id: 'batch-1', status: 'UNDONE', undoneAt: '2026-12-03T10:05:00Z' },
    },
  },
}));

afterEach(() => {
  vi.unstubAllGlobals();
  FakeUpload.sent = [];
});

describe('the import wizard', () => {
  it('uploads with progress, maps, asks for a decision on the look-alike, applies, and undoes', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeUpload);
    FakeUpload.answer = {
      status: 201,
      body: { fileId: 'file-1', fileName: 'forum.xlsx', fileSize: 2048, rowCount: 3 },
    };
    const previews: unknown[] = [];
    const applies: unknown[] = [];
    const { link, calls } = scriptedLink(
      viewerAnswer(),
      fileAnswer,
      previewAnswer(previews),
      applyAnswer(applies),
      undoAnswer,
    );
    renderRoutes({
      transport: link,
      routes: [{ path: '/import', element: <ImportPage /> }],
      url: '/import?kind=DELEGATION&missionId=mission-1',
    });

    const input = await screen.findByLabelText('CSV or Excel file');
    const file = new File(['bytes'], 'forum.xlsx');
    fireEvent.change(input, { target: { files: [file] } });
    await waitFor(() =>
      expect(screen.getByRole('progressbar', { name: 'Uploading the file' }).getAttribute('value')).toBe('50'),
    );
    expect(FakeUpload.sent[0]).toEqual({
      headers: { 'x-file-name': 'forum.xlsx', 'content-type': 'application/octet-stream', 'accept-language': 'en' },
      body: file,
    });

    // The columns, with the fields the server proposed; "Pays" is ignored by hand.
    const countrySelect = await screen.findByRole('combobox', { name: 'Field of the column "Pays"' });
    expect((countrySelect as HTMLSelectElement).value).toBe('country');
    expect((screen.getByRole('combobox', { name: 'Field of the column "Remarque"' }) as HTMLSelectElement).value).toBe(
      '',
    );
    fireEvent.change(countrySelect, { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Check the rows' }));

    const decision = await screen.findByRole('group', { name: 'Decision for row 3: Conserveries de l’Atlantique Sud' });
    expect(previews[0]).toMatchObject({
      fileId: 'file-1',
      kind: 'DELEGATION',
      missionId: 'mission-1',
      mapping: ['name', null, null],
    });
    expect(within(decision).getByText(/Agadir, MA/)).toBeTruthy();
    expect(screen.getByText('Pays : An ISO country code is expected.')).toBeTruthy();
    const download = screen.getByRole('link', { name: 'CSV' });
    expect(download.getAttribute('href')).toContain('/import/files/file-1/rejected.csv?kind=DELEGATION');
    const apply = screen.getByRole('button', { name: 'Import' });
    expect((apply as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('Decide for each possible duplicate before importing.')).toBeTruthy();

    fireEvent.click(within(decision).getByRole('radio', { name: /Link to Conserveries Atlantique Sud/ }));
    expect(screen.getByText('1 of 1 decided')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));

    expect(await screen.findByText('forum.xlsx was imported.')).toBeTruthy();
    expect(applies[0]).toMatchObject({
      decisions: [{ row: 3, action: 'LINK', targetId: 'company-cas' }],
      mapping: ['name', null, null],
    });
    expect(screen.getByRole('link', { name: 'See the delegation' }).getAttribute('href')).toBe('/missions/mission-1');

    fireEvent.click(screen.getByRole('button', { name: 'Undo this import' }));
    expect(await screen.findByText(/The import was undone/)).toBeTruthy();
    expect(calls).toContain('UndoImport');
  });

  it('decides every look-alike at once', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeUpload);
    FakeUpload.answer = {
      status: 201,
      body: { fileId: 'file-1', fileName: 'forum.xlsx', fileSize: 2048, rowCount: 3 },
    };
    const applies: unknown[] = [];
    const { link } = scriptedLink(viewerAnswer(), fileAnswer, previewAnswer([]), applyAnswer(applies));
    renderRoutes({
      transport: link,
      routes: [{ path: '/import', element: <ImportPage /> }],
      url: '/import?kind=COMPANIES',
    });
    fireEvent.change(await screen.findByLabelText('CSV or Excel file'), {
      target: { files: [new File(['x'], 'forum.xlsx')] },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Check the rows' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Skip all the others' }));
    expect(screen.getByText('Rows without a decision will be skipped.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await screen.findByText('forum.xlsx was imported.');
    expect(applies[0]).toMatchObject({ decisions: [], undecided: 'SKIP', kind: 'COMPANIES', missionId: null });
  });

  it('says why an upload was refused', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeUpload);
    FakeUpload.answer = {
      status: 413,
      body: { error: { code: 'PAYLOAD_TOO_LARGE', message: 'The file is larger than 10 MB.' } },
    };
    const { link } = scriptedLink(viewerAnswer(), fileAnswer);
    renderRoutes({
      transport: link,
      routes: [{ path: '/import', element: <ImportPage /> }],
      url: '/import?kind=COMPANIES',
    });
    fireEvent.change(await screen.findByLabelText('CSV or Excel file'), {
      target: { files: [new File(['x'], 'big.csv')] },
    });
    expect((await screen.findByRole('alert')).textContent).toContain('The file is larger than 10 MB.');
  });
});
