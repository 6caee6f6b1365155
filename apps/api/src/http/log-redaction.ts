/** Invite tokens travel in the path (/api/join/<token>): logs keep the route, never the secret. */
export function redactPath(url: string | undefined): string | undefined {
  return url?.replace(/^(\/api\/join\/)[^/?#]+/, '$1[redacted]');
}

/** pino-http's request serializer, minus what could carry a secret (route params, the raw path). */
export function requestForLog<R extends { url?: string; params?: unknown }>(request: R): Omit<R, 'params'> {
  const { params: _params, ...rest } = request;
  return { ...rest, url: redactPath(rest.url) };
}
