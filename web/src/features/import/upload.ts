/** What POST /import/files answers. */
export interface UploadedFile {
  fileId: string;
  fileName: string;
  fileSize: number;
  rowCount: number;
}

export class UploadError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/**
 * Sends a file to POST /import/files with XMLHttpRequest, whose upload events give a real
 * progress (fetch gives none for request bodies). The server answers in `language`.
 */
export function uploadImportFile(
  file: File,
  language: string,
  onProgress: (fraction: number) => void,
  fallbackMessage: string,
): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/import/files');
    request.withCredentials = true;
    request.setRequestHeader('x-file-name', encodeURIComponent(file.name));
    request.setRequestHeader('content-type', 'application/octet-stream');
    request.setRequestHeader('accept-language', language);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      let body: { fileId?: string; error?: { message?: string } } & Partial<UploadedFile> = {};
      try {
        body = JSON.parse(request.responseText);
      } catch {
        // Not JSON (a proxy's error page): the generic message says it.
      }
      if (request.status === 201 && body.fileId) {
        onProgress(1);
        resolve(body as UploadedFile);
      } else {
        reject(new UploadError(body.error?.message ?? fallbackMessage, request.status));
      }
    };
    request.onerror = () => reject(new UploadError(fallbackMessage, 0));
    request.send(file);
  });
}

/** The rejected rows of a file as the server writes them, with a reason column in `language`. */
export function rejectedRowsUrl(
  fileId: string,
  format: 'csv' | 'xlsx',
  params: { kind: string; missionId?: string | null; mapping: (string | null)[]; language: string },
): string {
  const query = new URLSearchParams({
    kind: params.kind,
    mapping: JSON.stringify(params.mapping),
    lang: params.language,
  });
  if (params.missionId) query.set('missionId', params.missionId);
  return `/import/files/${encodeURIComponent(fileId)}/rejected.${format}?${query.toString()}`;
}
