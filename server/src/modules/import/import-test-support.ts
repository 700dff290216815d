import { expect } from 'vitest';
import type { ResponseNode, TestServer } from '../../test/test-server.js';

/** What tests of the import share: upload a file, preview, apply, undo, as a signed-in user. */
export function importClient(server: TestServer) {
  async function upload(cookie: string, name: string, body: Buffer | string, headers: Record<string, string> = {}) {
    const response = await fetch(`${server.url}/import/files`, {
      method: 'POST',
      headers: {
        cookie,
        'x-file-name': encodeURIComponent(name),
        'content-type': 'application/octet-stream',
        ...headers,
      },
      body: typeof body === 'string' ? Buffer.from(body) : body,
    });
    return { status: response.status, body: (await response.json()) as ResponseNode };
  }

  async function uploadOk(cookie: string, name: string, body: Buffer | string): Promise<string> {
    const response = await upload(cookie, name, body);
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    return response.body.fileId as string;
  }

  const ROW = `row action name target { id name } reasons changes decision values
    errors { column header field message }
    candidates { id row name country city website email similarity }`;

  async function preview(cookie: string, input: Record<string, unknown>, headers: Record<string, string> = {}) {
    const response = await server.gql(
      `query($input: ImportInput!) { previewImport(input: $input) {
        preview { counts { total create update link unchanged skip error possibleDuplicate } issues { field message }
          rows(first: 500) { totalCount nodes { ${ROW} } } }
        userErrors { field code message } } }`,
      { input },
      { cookie, headers },
    );
    expect(response.errors).toBeUndefined();
    return response.data!.previewImport as {
      preview: { counts: Record<string, number>; issues: ResponseNode[]; rows: { nodes: ResponseNode[] } } | null;
      userErrors: ResponseNode[];
    };
  }

  async function apply(cookie: string, input: Record<string, unknown>) {
    const response = await server.gql(
      `mutation($input: ImportInput!) { applyImport(input: $input) {
        batch { id kind fileName fileSize sha256 counts status createdBy { email } mission { id } }
        preview { counts { total create update link unchanged skip error possibleDuplicate } }
        userErrors { field code message } } }`,
      { input },
      { cookie },
    );
    expect(response.errors).toBeUndefined();
    return response.data!.applyImport as {
      batch: ResponseNode | null;
      preview: ResponseNode | null;
      userErrors: ResponseNode[];
    };
  }

  async function undo(cookie: string, batchId: string, headers: Record<string, string> = {}) {
    const response = await server.gql(
      `mutation($id: ID!) { undoImport(batchId: $id) { batch { id status undoneAt } userErrors { field code message } } }`,
      { id: batchId },
      { cookie, headers },
    );
    expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
    return response.data!.undoImport as { batch: ResponseNode | null; userErrors: ResponseNode[] };
  }

  const byRow = (rows: ResponseNode[]) => new Map(rows.map((row) => [row.row as number, row]));

  return { upload, uploadOk, preview, apply, undo, byRow };
}

/** A CSV text, quoted where needed, with `;` by default (as French Excel writes it). */
export function csvText(rows: string[][], separator = ';'): string {
  const quote = (cell: string) => (/["\n,;]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
  return `${rows.map((row) => row.map(quote).join(separator)).join('\r\n')}\r\n`;
}
