/**
 * One server-sent event as the wire carries it (WHATWG HTML, "Server-sent events"): `event:`
 * names it, `data:` holds JSON on one line (JSON.stringify never emits a raw newline), and a
 * blank line ends it.
 */
export function sseEvent(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * A comment line: clients ignore it, but it keeps proxies and load balancers from closing an
 * idle connection. Newlines are dropped so a comment can never start a field.
 */
export function sseComment(text: string): string {
  return `: ${text.replace(/[\r\n]/g, ' ')}\n\n`;
}
