// Glob patterns matched without backtracking. minimatch turns a glob into a regular
// expression, and a backtracking engine takes time exponential in the number of wildcards on
// a path that almost matches: `**/*a*a*a*a*a*a*a*a*b` against a 60-character name took over
// a minute (6 wildcards: 8 s), and a workspace's settings (an untrusted folder's, too) choose
// the globs. Here a glob is a small automaton whose states are all followed at once over the
// path, one character at a time: time is the path's length times the glob's, whatever both
// hold.
//
// The subset: `*` (any characters but `/`), `?` (one character but `/`), `**` as a whole
// segment (any number of segments, dot-segments included), `[abc]`, `[a-z]`, `[!abc]` or
// `[^abc]`, `{a,b}` alternatives (nested too), and `\` to take the next character as it is.
// Matching ignores case, and `*` matches names starting with a dot, as Byline used minimatch
// (`nocase`, `dot`). Anything else is a literal character.

/** Alternatives a glob's braces may expand to: `{a,b}{c,d}…` doubles with every pair. */
export const MAX_ALTERNATIVES = 256;

export class GlobError extends Error {}

const enum Kind {
  /** One given character. */
  Char,
  /** `?`: one character but `/`. */
  One,
  /** `[…]`: one character of a class, never `/`. */
  Class,
  /** `*`: any run of characters but `/`. */
  Star,
  /** A final `**`: anything at all, `/` included. */
  Rest,
  /** A `**` segment before others: zero or more whole segments. Two states: at a segment's start, and inside one. */
  SegmentsStart,
  SegmentsInside,
}

interface CharClass {
  negated: boolean;
  /** Inclusive ranges of code points, lower-cased. */
  ranges: Array<[number, number]>;
}

export interface Glob {
  match(path: string): boolean;
}

/** Compiles `glob`; throws GlobError when its braces expand to more than MAX_ALTERNATIVES patterns. */
export function compileGlob(glob: string): Glob {
  const automata = expandBraces(glob).map(compileOne);
  return { match: (path) => automata.some((a) => a.match(lowered(path))) };
}

/** The last path lower-cased: a walk matches each path against every glob in turn. */
let lastPath = '';
let lastLowered = '';

function lowered(path: string): string {
  if (path !== lastPath) {
    lastPath = path;
    lastLowered = path.toLowerCase();
  }
  return lastLowered;
}

// ── Braces ─────────────────────────────────────────────────────────────────────────────

function expandBraces(glob: string): string[] {
  const open = topLevelBrace(glob);
  if (!open) return [glob];
  const { start, end, commas } = open;
  const head = glob.slice(0, start);
  const tail = glob.slice(end + 1);
  const options: string[] = [];
  let from = start + 1;
  for (const comma of [...commas, end]) {
    options.push(glob.slice(from, comma));
    from = comma + 1;
  }
  const expanded: string[] = [];
  for (const option of options) {
    for (const rest of expandBraces(head + option + tail)) {
      expanded.push(rest);
      if (expanded.length > MAX_ALTERNATIVES) throw new GlobError(`"${glob}" has more than ${MAX_ALTERNATIVES} alternatives in its braces`);
    }
  }
  return expanded;
}

/** The first `{…}` holding a comma at its own level, with those commas; braces without one are literal. */
function topLevelBrace(glob: string): { start: number; end: number; commas: number[] } | null {
  for (let start = 0; start < glob.length; start++) {
    if (glob[start] === '\\') {
      start++;
      continue;
    }
    if (glob[start] !== '{') continue;
    let depth = 0;
    const commas: number[] = [];
    for (let i = start; i < glob.length; i++) {
      const c = glob[i];
      if (c === '\\') i++;
      else if (c === '{') depth++;
      else if (c === ',' && depth === 1) commas.push(i);
      else if (c === '}' && --depth === 0) {
        if (commas.length > 0) return { start, end: i, commas };
        break;
      }
    }
  }
  return null;
}

// ── One pattern ────────────────────────────────────────────────────────────────────────

interface Automaton {
  kinds: Kind[];
  chars: number[];
  classes: Array<CharClass | null>;
}

function compileOne(glob: string): Glob {
  const a: Automaton = { kinds: [], chars: [], classes: [] };
  const push = (kind: Kind, char = 0, cls: CharClass | null = null) => {
    a.kinds.push(kind);
    a.chars.push(char);
    a.classes.push(cls);
  };
  const segments = glob.split('/');
  segments.forEach((segment, k) => {
    const last = k === segments.length - 1;
    if (segment === '**') {
      if (last) push(Kind.Rest);
      else {
        push(Kind.SegmentsStart);
        push(Kind.SegmentsInside);
      }
      return; // `**/` takes its slash with it
    }
    for (let i = 0; i < segment.length; i++) {
      const c = segment[i];
      if (c === '\\' && i + 1 < segment.length) push(Kind.Char, lower(segment.codePointAt(++i)!));
      else if (c === '*') {
        while (segment[i + 1] === '*') i++;
        push(Kind.Star);
      } else if (c === '?') push(Kind.One);
      else if (c === '[') {
        const parsed = parseClass(segment, i);
        if (parsed) {
          push(Kind.Class, 0, parsed.cls);
          i = parsed.end;
        } else push(Kind.Char, lower(c.codePointAt(0)!));
      } else {
        const cp = segment.codePointAt(i)!;
        if (cp > 0xffff) i++;
        push(Kind.Char, lower(cp));
      }
    }
    if (!last) push(Kind.Char, SLASH);
  });
  // Most paths fail a glob for want of its longest literal ("node_modules/", ".txt"): looking
  // for it first (a native, linear search) spares the automaton most paths of a folder.
  const required = longestLiteral(a);
  return { match: (path) => (required === '' || path.includes(required)) && run(a, path) };
}

function longestLiteral(a: Automaton): string {
  let best = '';
  let run = '';
  for (let s = 0; s < a.kinds.length; s++) {
    if (a.kinds[s] === Kind.Char) run += String.fromCodePoint(a.chars[s]);
    else run = '';
    if (run.length > best.length) best = run;
  }
  return best;
}

const SLASH = 0x2f;

function lower(cp: number): number {
  return String.fromCodePoint(cp).toLowerCase().codePointAt(0)!;
}

/** `[…]` starting at `at`: the class and where it ends, or null when it is not closed. */
function parseClass(segment: string, at: number): { cls: CharClass; end: number } | null {
  let i = at + 1;
  const negated = segment[i] === '!' || segment[i] === '^';
  if (negated) i++;
  const ranges: Array<[number, number]> = [];
  let first = true;
  for (; i < segment.length; i++) {
    let c = segment.codePointAt(i)!;
    if (c === 0x5d && !first) return { cls: { negated, ranges }, end: i }; // ]
    first = false;
    if (c === 0x5c && i + 1 < segment.length) c = segment.codePointAt(++i)!; // \
    if (c > 0xffff) i++;
    let to = c;
    if (segment[i + 1] === '-' && i + 2 < segment.length && segment[i + 2] !== ']') {
      to = segment.codePointAt(i + 2)!;
      i += to > 0xffff ? 3 : 2;
    }
    ranges.push([lower(Math.min(c, to)), lower(Math.max(c, to))]);
    // Upper-case ranges match their lower-case letters too (matching ignores case).
    if (String.fromCodePoint(c) !== String.fromCodePoint(c).toLowerCase()) ranges.push([Math.min(c, to), Math.max(c, to)]);
  }
  return null;
}

function inClass(cls: CharClass, cp: number): boolean {
  const within = cls.ranges.some(([from, to]) => cp >= from && cp <= to);
  return within !== cls.negated;
}

/**
 * Follows every state of the automaton at once over `path` (already lower-cased). A state is
 * an index into the tokens; the last index plus one accepts. Each state is kept once per
 * step (stamped with the step), so a step costs at most the number of tokens.
 */
function run(a: Automaton, path: string): boolean {
  const n = a.kinds.length;
  const stamp = new Int32Array(n + 1).fill(-1);
  let current: number[] = [];
  let next: number[] = [];
  let step = 0;
  const add = (list: number[], state: number) => {
    // Epsilon moves only go forward: a star or `**` may match nothing.
    for (let s = state; s <= n && stamp[s] !== step; ) {
      stamp[s] = step;
      list.push(s);
      const kind = a.kinds[s];
      if (kind === Kind.Star || kind === Kind.Rest) s++;
      else if (kind === Kind.SegmentsStart) s += 2;
      else break;
    }
  };
  add(current, 0);
  for (let i = 0; i < path.length; i++) {
    let c = path.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < path.length) c = path.codePointAt(i++)!;
    step++;
    next.length = 0;
    for (const s of current) {
      if (s === n) continue;
      switch (a.kinds[s]) {
        case Kind.Char:
          if (c === a.chars[s]) add(next, s + 1);
          break;
        case Kind.One:
          if (c !== SLASH) add(next, s + 1);
          break;
        case Kind.Class:
          if (c !== SLASH && inClass(a.classes[s]!, c)) add(next, s + 1);
          break;
        case Kind.Star:
          if (c !== SLASH) add(next, s);
          break;
        case Kind.Rest:
          add(next, s);
          break;
        case Kind.SegmentsStart:
          // A segment begins (an empty one does not: `a//b` is no path).
          if (c !== SLASH) add(next, s + 1);
          break;
        case Kind.SegmentsInside:
          // Its `/` ends the segment: another may begin, or what follows `**/`.
          add(next, c === SLASH ? s - 1 : s);
          break;
      }
    }
    if (next.length === 0) return false;
    [current, next] = [next, current];
  }
  return current.includes(n);
}
