import { problemSchema } from '../../../src/contract/problem.ts';
import { ApiError } from './api-client.ts';

/** The file name from `Content-Disposition` (RFC 5987 `filename*` first), or the fallback. */
function fileNameOf(disposition: string | null, fallback: string): string {
  const encoded = disposition?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // fall through
    }
  }
  return disposition?.match(/filename="([^"]+)"/i)?.[1] ?? fallback;
}

/**
 * Downloads a file the API generates (CSV, PDF…) with the session cookie and saves it under the
 * server's file name. A refusal (400, 404, 429…) becomes an `ApiError` to show on the page, instead
 * of the browser navigating to a JSON error.
 */
export async function downloadFile(path: string, fallbackName: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin' });
  } catch {
    throw new ApiError({ type: 'about:blank', title: 'network', status: 0, code: 'network', detail: '' });
  }
  if (!response.ok) {
    let body: unknown = null;
    try {
      body = await response.json();
    } catch {
      // not JSON
    }
    const parsed = problemSchema.safeParse(body);
    throw new ApiError(
      parsed.success
        ? parsed.data
        : { type: 'about:blank', title: 'error', status: response.status, code: 'unexpected', detail: '' },
    );
  }
  const name = fileNameOf(response.headers.get('content-disposition'), fallbackName);
  const url = URL.createObjectURL(await response.blob());
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  anchor.hidden = true;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
