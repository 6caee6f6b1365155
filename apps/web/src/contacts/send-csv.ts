import { ApiError } from '@textbank/contracts';
import type { ApiResult, ResponseSchema } from '../api/api-client';

export interface CsvRequest {
  url: string;
  body: Blob;
  headers?: Record<string, string>;
  /** Bytes of the body sent so far (fetch cannot tell; XMLHttpRequest can). */
  onSent?(sentBytes: number, totalBytes: number): void;
}

/**
 * POSTs a file (or its first part) as text/csv and reads the JSON answer.
 * XMLHttpRequest rather than fetch: only it reports upload progress. Failures
 * come back as values in the server's words, as `apiSend` does.
 */
export function sendCsv<T>(request: CsvRequest, schema: ResponseSchema<T>): Promise<ApiResult<T>> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', request.url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('content-type', 'text/csv');
    xhr.setRequestHeader('accept', 'application/json');
    for (const [name, value] of Object.entries(request.headers ?? {})) xhr.setRequestHeader(name, value);
    if (request.onSent) {
      const onSent = request.onSent;
      xhr.upload.onprogress = (event) => onSent(event.loaded, event.lengthComputable ? event.total : request.body.size);
    }
    xhr.onerror = () => resolve(failure(0, 'Network Error', 'The upload was cut off before the server answered. Check your connection and upload the file again; rows already stored are never added twice.'));
    xhr.onload = () => resolve(answerOf(xhr.status, xhr.statusText, xhr.responseText, schema));
    xhr.send(request.body);
  });
}

/** The answer to a CSV request as a result: the parsed body, or the server's own message. */
export function answerOf<T>(status: number, statusText: string, text: string, schema: ResponseSchema<T>): ApiResult<T> {
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (status < 200 || status >= 300) {
    const parsed = ApiError.safeParse(json);
    if (parsed.success) return { ok: false, error: parsed.data };
    if (status === 413) return failure(413, 'Payload Too Large', 'The file is larger than 200 MB. Split it into smaller files and upload each.');
    return failure(status, statusText, `The server answered ${status} ${statusText}.`);
  }
  const parsed = schema.safeParse(json);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : failure(status, 'Unexpected Response', 'The server answered in a way this page does not understand. Reload the page.');
}

function failure(statusCode: number, error: string, message: string): { ok: false; error: ApiError } {
  return { ok: false, error: { statusCode, error, message } };
}
