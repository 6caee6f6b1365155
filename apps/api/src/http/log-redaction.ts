/**
 * Invite and password-reset tokens travel in the path (/api/join/<token>,
 * /api/password-reset/<token>): logs keep the route,
 * never the secret. Express routes case-insensitively, with or without a
 * trailing slash, and by the path of an absolute-form target
 * (`GET http://host/api/join/<token>`), so the match is made on the decoded,
 * any-case path: everything after a `join` segment is taken out, wherever it
 * sits. Paths without one are logged as they came.
 */
export function redactPath(url: string | undefined): string | undefined {
  if (url === undefined) return url;
  const queryAt = url.search(/[?#]/);
  const path = queryAt < 0 ? url : url.slice(0, queryAt);
  const decoded = decodeLeniently(path);
  const join = JOIN_SEGMENT.exec(decoded);
  if (!join) return url;
  const end = join.index + join[0].length;
  if (end >= decoded.length) return url;
  return `${decoded.slice(0, end)}[redacted]${queryAt < 0 ? '' : url.slice(queryAt)}`;
}

/** A `join` (invite) or `password-reset` segment followed by a slash; `;` and `%2F` tricks are caught by decoding first. */
const JOIN_SEGMENT = /\/(?:join|password-reset)\//i;

/** Percent-decodes what decodes; a malformed escape is kept as it is rather than hiding the rest. */
function decodeLeniently(path: string): string {
  return path.replace(/(%[0-9a-f]{2})+/gi, (escaped) => {
    try {
      return decodeURIComponent(escaped);
    } catch {
      return escaped;
    }
  });
}

/** pino-http's request serializer, minus what could carry a secret (route params, the raw path). */
export function requestForLog<R extends { url?: string; params?: unknown }>(request: R): Omit<R, 'params'> {
  const { params: _params, ...rest } = request;
  return { ...rest, url: redactPath(rest.url) };
}
