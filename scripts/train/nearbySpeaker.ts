import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from '../../src/core/document';
import { cueLexicon } from '../../src/core/quotes/cues';
import { findQuotes } from '../../src/core/quotes/attribute';
import { findNames } from '../../src/core/speakers/entities';
import { SpeakerRegistry } from '../../src/core/speakers/registry';
import { NEARBY_FEATURES, NONE_FEATURES, type NearbyWeights } from '../../src/core/speakers/nearby';
import type { Span } from '../../src/core/types';
import { loadSplit, polnearDir } from '../eval/polnearData';

// Trains the speaker model of src/core/speakers/nearby.ts on PolNeAR's training split (never dev,
// never test) and writes its weights to src/core/speakers/nearbyWeights.ts.
// Usage: tsc -p . && node out/scripts/train/nearbySpeaker.js [--dry-run] [--misses] [--halves]
//   --dry-run  prints the weights without writing them; --misses lists the quotes decided wrongly;
//   --halves   trains on the odd-numbered articles and scores the even ones, then the other way
//              round: how the model does on articles it has not seen, still inside train.
//
// One example per quotation in marks that Byline's cues leave without a speaker. Its options are
// the people named around it and "no person speaks here". The right options are the names that
// overlap the gold source or whose person's name holds the source's head word (the definitions of
// scripts/eval/polnear.ts); when none is right (the gold source is not a name nearby, or there is
// no source at all), "no person speaks here" is right: a wrong speaker is worse than none.
// The model is a softmax over the options' linear scores, fitted by gradient descent on the
// log-likelihood of the right options, with a small L2 penalty so that rare features stay small.

const root = path.resolve(__dirname, '..', '..', '..');
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'i', 'we', 'you', 'him', 'her', 'them']);
const EPOCHS = 3000;
const LEARNING_RATE = 0.5;
const L2 = 1e-3;

interface Example {
  article: number;
  /** Where the quote is and who its candidates are, for --misses. */
  where: string;
  names: string[];
  none: number[];
  candidates: number[][];
  /** Indices of the right options; -1 is "no person speaks here". */
  right: number[];
}

const overlap = (a: Span, b: Span) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
const length = (s: Span) => Math.max(1, s.end - s.start);

function headWord(source: string): string | null {
  const words = source.toLowerCase().replace(/['’]s\b/g, '').match(/[\p{L}\p{N}.-]+/gu) ?? [];
  const head = words[words.length - 1];
  return head && !PRONOUNS.has(head) ? head : null;
}

function examples(): Example[] {
  const out: Example[] = [];
  for (const [index, article] of loadSplit(polnearDir(root), 'train').entries()) {
    const doc = parseDocument(article.text);
    const names = findNames(doc);
    const findings = findQuotes(doc, names, cueLexicon());
    const registry = new SpeakerRegistry(doc, names, findings);
    const resolved = registry.resolveByCues(findings);
    const choices = registry.nearbyChoices(findings, resolved);
    const speakerNames = new Map(registry.speakers().map((s) => [s.key, s.name.toLowerCase().split(/\s+/)]));
    for (const [i, choice] of choices) {
      const f = findings[i];
      const gold = article.attributions.filter((g) => g.content && g.source && overlap(f, g.content) * 2 >= Math.min(length(f), length(g.content)));
      const right: number[] = [];
      choice.candidates.forEach((c, k) => {
        const span = { start: doc.tokens[c.first].start, end: doc.tokens[c.last - 1].end };
        const matches = gold.some((g) => {
          const head = headWord(article.text.slice(g.source!.start, g.source!.end));
          return overlap(span, g.source!) > 0 || (head !== null && (speakerNames.get(c.entityKey) ?? []).includes(head));
        });
        if (matches) right.push(k);
      });
      const shown = (a: number, b: number) => article.text.slice(a, b).replace(/\s+/g, ' ');
      const where = `${article.name}: ${shown(Math.max(0, f.start - 200), f.start)}⟦${shown(f.start, Math.min(f.end, f.start + 120))}⟧ gold=${gold.map((g) => shown(g.source!.start, g.source!.end)).join(' / ') || 'none'}`;
      const names = choice.candidates.map((c) => shown(doc.tokens[c.first].start, doc.tokens[c.last - 1].end));
      out.push({ article: index, where, names, none: choice.none, candidates: choice.features, right: right.length ? right : [-1] });
    }
  }
  return out;
}

function scores(e: Example, w: NearbyWeights): number[] {
  const wc = NEARBY_FEATURES.map((f) => w.candidate[f]);
  const wn = NONE_FEATURES.map((f) => w.none[f]);
  return [dot(e.none, wn), ...e.candidates.map((x) => dot(x, wc))];
}

function dot(x: readonly number[], w: readonly number[]): number {
  return x.reduce((s, v, i) => s + v * w[i], 0);
}

function train(data: Example[]): NearbyWeights {
  const wc = new Array<number>(NEARBY_FEATURES.length).fill(0);
  const wn = new Array<number>(NONE_FEATURES.length).fill(0);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const gc = wc.map((w) => L2 * w);
    const gn = wn.map((w) => L2 * w);
    for (const e of data) {
      const s = [dot(e.none, wn), ...e.candidates.map((x) => dot(x, wc))];
      const max = Math.max(...s);
      const p = s.map((v) => Math.exp(v - max));
      const z = p.reduce((a, b) => a + b, 0);
      for (let k = 0; k < p.length; k++) p[k] /= z;
      const rightMass = e.right.reduce((a, r) => a + p[r + 1], 0);
      // d(-log Σ_right p)/d score_k = p_k − (p_k / Σ_right p if k is right, else 0).
      for (let k = 0; k < p.length; k++) {
        const g = (p[k] - (e.right.includes(k - 1) ? p[k] / rightMass : 0)) / data.length;
        if (k === 0) e.none.forEach((x, j) => (gn[j] += g * x));
        else e.candidates[k - 1].forEach((x, j) => (gc[j] += g * x));
      }
    }
    for (let j = 0; j < wc.length; j++) wc[j] -= LEARNING_RATE * gc[j];
    for (let j = 0; j < wn.length; j++) wn[j] -= LEARNING_RATE * gn[j];
  }
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    candidate: Object.fromEntries(NEARBY_FEATURES.map((f, j) => [f, round(wc[j])])) as NearbyWeights['candidate'],
    none: Object.fromEntries(NONE_FEATURES.map((f, j) => [f, round(wn[j])])) as NearbyWeights['none'],
  };
}

/** How often the top-scoring option is a right one: [all, examples with a right name, examples with none right]. */
function accuracy(data: Example[], w: NearbyWeights): string {
  let right = 0;
  let named = 0;
  let namedRight = 0;
  let chosen = 0;
  for (const e of data) {
    const s = scores(e, w);
    const top = s.indexOf(Math.max(...s)) - 1;
    if (e.right.includes(top)) right++;
    if (top >= 0) chosen++;
    if (e.right[0] !== -1) {
      named++;
      if (e.right.includes(top)) namedRight++;
    }
  }
  return `${data.length} quotes with no cue's speaker: ${right} decided right (${namedRight} of the ${named} whose speaker is named nearby; a name chosen for ${chosen})`;
}

function weightsFile(w: NearbyWeights, summary: string): string {
  const lines = (r: Record<string, number>) => Object.entries(r).map(([k, v]) => `    ${k}: ${v},`).join('\n');
  return `import type { NearbyWeights } from './nearby';

// Written by scripts/train/nearbySpeaker.ts from PolNeAR's training split (840 articles); do not
// edit by hand. A candidate's score is the sum of its features times these weights; "no person
// speaks here" scores the same way over its own features, and the highest score wins.
// On the training split: ${summary}.
export const NEARBY_WEIGHTS: NearbyWeights = {
  candidate: {
${lines(w.candidate)}
  },
  none: {
${lines(w.none)}
  },
};
`;
}

const data = examples();
if (process.argv.includes('--halves')) {
  for (const half of [0, 1]) {
    const held = data.filter((e) => e.article % 2 === half);
    const fitted = train(data.filter((e) => e.article % 2 !== half));
    const alwaysNone = held.filter((e) => e.right[0] === -1).length;
    console.log(`trained on the ${half ? 'even' : 'odd'}-numbered articles, on the others: ${accuracy(held, fitted)}; "no one" always would be right ${alwaysNone} times`);
  }
}
const weights = train(data);
const summary = accuracy(data, weights);
if (process.argv.includes('--misses')) {
  for (const e of data) {
    const s = scores(e, weights);
    const top = s.indexOf(Math.max(...s)) - 1;
    if (!e.right.includes(top)) console.log(`${e.where}\n  chose ${top < 0 ? 'no one' : e.names[top]} among ${e.names.join(', ')}\n`);
  }
}
console.log(summary);
console.log(JSON.stringify(weights, null, 2));
if (!process.argv.includes('--dry-run')) {
  const file = path.join(root, 'src', 'core', 'speakers', 'nearbyWeights.ts');
  fs.writeFileSync(file, weightsFile(weights, summary));
  console.log(`Wrote ${path.relative(root, file)}`);
}
