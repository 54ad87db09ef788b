import { plural } from '../shared/plural';
import { fileName } from '../shared/uris';

// Text cut to fit a list row, role lists without repeats, and the tooltips that add what a row
// leaves out: for the Byline views and pickers. Plain strings only, tested without an editor.

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

/** Roles listed in a speaker's tooltip at most. */
const TOOLTIP_ROLES = 4;

/**
 * What a speaker's row leaves out (its label is the name, its description the counts): the
 * roles the articles give, the other names, and what kind of speaker an unnamed one is.
 */
export function speakerTooltip(s: { name: string; kind: string; roles: readonly string[]; aliases: readonly string[] }): string {
  const roles = distinctRoles(s.roles, s.name);
  const kind = s.kind === 'organization' ? 'An organisation.' : s.kind === 'group' ? 'An unnamed group.' : s.kind === 'person' ? null : 'An unnamed source.';
  const lines = [
    kind,
    roles.length > 0 ? `Roles in the articles: ${roles.slice(0, TOOLTIP_ROLES).join(' · ')}${roles.length > TOOLTIP_ROLES ? `, and ${roles.length - TOOLTIP_ROLES} more` : ''}.` : null,
    s.aliases.length > 0 ? `Also named: ${s.aliases.join(', ')}.` : null,
  ].filter((l): l is string => l !== null);
  return lines.length > 0 ? lines.join('\n\n') : 'The articles give no role and no other name.';
}

/** What a group of claims' row leaves out (its label is what they measure, its description the counts): the files, and what a conflict is. */
export function groupTooltip(g: { conflicts: number; claims: ReadonlyArray<{ uri: string }> }): string {
  const files = [...new Set(g.claims.map((c) => fileName(c.uri)))];
  const where = files.length <= 3 ? files.join(', ') : `${files.slice(0, 3).join(', ')} and ${files.length - 3} more`;
  const verdict = g.conflicts === 0 ? 'They all agree.' : `${g.conflicts === 1 ? 'One of them conflicts' : `${g.conflicts} of them conflict`} with a figure another file gives for the same thing.`;
  return `${plural(g.claims.length, 'figure')} in ${plural(files.length, 'file')}: ${where}.\n\n${verdict}`;
}
