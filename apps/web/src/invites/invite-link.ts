/** The link to share: the app's origin plus the path the API answered ('/#/join/<token>'). */
export function inviteLink(origin: string, path: string): string {
  return `${origin.replace(/\/+$/, '')}${path.startsWith('/') ? path : `/${path}`}`;
}
