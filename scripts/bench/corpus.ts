import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeDocument } from '../../src/core/analyze';
import { seeded } from './random';

// A reporter's archive for the benchmark: N articles made from the PolNeAR train articles by
// copying them with small changes, so that no two texts are equal (nothing is deduplicated
// by its hash) and the workspace sees what a real archive holds: the same people under
// other names, the same stories with other figures (so claims conflict across files). The
// copies are written to a temporary folder, never into the repository (the articles are
// copyrighted), and the same seed always writes the same folder.

/** Share of numbers (other than years) changed in a copy. */
const FIGURE_CHANGE_RATE = 0.3;
/** Largest relative change of a figure; small, as between two reports of the same event. */
const FIGURE_MAX_CHANGE = 0.1;
/** Share of the people in an article given another surname in a copy. */
const RENAME_RATE = 0.5;
/** Folders of the archive: articles are filed by copy, a thousand or so to a folder. */
const FOLDER_PREFIX = 'edition-';

export interface Article {
  name: string;
  text: string;
}

export function readArticles(dir: string): Article[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => ({ name, text: fs.readFileSync(path.join(dir, name), 'utf8') }));
}

/** Writes `count` articles under `folder` (created empty) and returns their paths. */
export function writeArchive(sources: readonly Article[], folder: string, count: number): string[] {
  fs.rmSync(folder, { recursive: true, force: true });
  const surnames = surnamesOf(sources);
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const copy = Math.floor(i / sources.length);
    const source = sources[i % sources.length];
    const random = seeded(i + 1);
    const text = copy === 0 ? source.text : varied(source.text, surnames, random, copy);
    const dir = path.join(folder, `${FOLDER_PREFIX}${String(copy).padStart(2, '0')}`);
    if (i % sources.length === 0) fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, source.name);
    fs.writeFileSync(file, text);
    files.push(file);
  }
  return files;
}

/** Surnames of the people the engine finds in the sources, with the people they belong to per article. */
interface Surnames {
  pool: string[];
  byArticle: Map<string, string[]>;
}

function surnamesOf(sources: readonly Article[]): Surnames {
  const byArticle = new Map<string, string[]>();
  const pool = new Set<string>();
  for (const s of sources) {
    const names = analyzeDocument(s.text)
      .speakers.filter((p) => p.kind === 'person' && p.name.includes(' '))
      .map((p) => p.name.split(/\s+/).pop() as string)
      .filter((n) => /^\p{Lu}\p{Ll}{2,}$/u.test(n));
    byArticle.set(s.text, [...new Set(names)]);
    for (const n of names) pool.add(n);
  }
  return { pool: [...pool].sort(), byArticle };
}

function varied(text: string, surnames: Surnames, random: () => number, copy: number): string {
  let out = text;
  for (const surname of surnames.byArticle.get(text) ?? []) {
    if (random() >= RENAME_RATE) continue;
    const other = surnames.pool[Math.floor(random() * surnames.pool.length)];
    out = out.replace(new RegExp(`\\b${surname}\\b`, 'g'), other);
  }
  out = out.replace(/\d{1,3}(?:,\d{3})+|\d+/g, (figure) => (random() < FIGURE_CHANGE_RATE ? changedFigure(figure, random) : figure));
  // Every copy differs from its source, even one without figures or people.
  return out === text ? `${text}\n(Edition ${copy}.)\n` : out;
}

function changedFigure(figure: string, random: () => number): string {
  const value = Number(figure.replace(/,/g, ''));
  const isYear = /^(19|20)\d\d$/.test(figure);
  if (isYear || value < 10) return figure;
  const factor = 1 + (random() * 2 - 1) * FIGURE_MAX_CHANGE;
  const next = Math.max(1, Math.round(value * factor));
  return figure.includes(',') ? next.toLocaleString('en-US') : String(next);
}
