// Text cut to fit a list row, and role lists without repeats: for the Byline views and pickers.

/** Roles listed once each, leaving out any that only repeat the name ("a US official · a US official"). */
export function distinctRoles(roles: readonly string[], name: string): string[] {
  const seen = new Set([name.toLowerCase()]);
  return roles.filter((r) => !seen.has(r.toLowerCase()) && seen.add(r.toLowerCase()));
}

/** Text on one line, white space collapsed. */
export function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Text on one line, cut to `max` characters with an ellipsis. */
export function oneLine(text: string, max: number): string {
  const f = flat(text);
  return f.length > max ? `${f.slice(0, max - 1).trimEnd()}…` : f;
}
