import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Span } from '../../src/core/types';

// Reads PolNeAR (brat standoff) from ../shared/corpora/polnear. The corpus is copyrighted:
// it is read in place at evaluation time and never copied into the repository.

export interface GoldAttribution {
  id: string;
  /** From the first fragment's start to the last one's end. */
  content: Span | null;
  /** The content's fragments (a quote split by its cue is one content in two pieces). */
  contentParts: Span[];
  contentText: string;
  source: Span | null;
  sourceText: string;
  cue: Span | null;
}

export interface GoldArticle {
  name: string;
  text: string;
  attributions: GoldAttribution[];
}

interface TextBound extends Span {
  label: string;
  text: string;
  parts: Span[];
}

export function polnearDir(root: string): string {
  return path.resolve(root, '..', 'shared', 'corpora', 'polnear', 'data');
}

/** Articles of one split with the first annotator's attributions (some articles have two). */
export function loadSplit(dataDir: string, split: 'dev' | 'train'): GoldArticle[] {
  const textDir = path.join(dataDir, split, 'text');
  const annDir = path.join(dataDir, split, 'attributions');
  const annFiles = fs.readdirSync(annDir).filter((f) => f.endsWith('.ann')).sort();
  const byArticle = new Map<string, string>();
  for (const f of annFiles) {
    const name = f.replace(/_[^_]+\.ann$/, '');
    if (!byArticle.has(name)) byArticle.set(name, f);
  }
  const articles: GoldArticle[] = [];
  for (const file of fs.readdirSync(textDir).filter((f) => f.endsWith('.txt')).sort()) {
    const name = file.replace(/\.txt$/, '');
    const ann = byArticle.get(name);
    if (!ann) continue;
    const text = fs.readFileSync(path.join(textDir, file), 'utf8');
    articles.push({ name, text, attributions: parseAnn(fs.readFileSync(path.join(annDir, ann), 'utf8')) });
  }
  return articles;
}

function parseAnn(ann: string): GoldAttribution[] {
  const bounds = new Map<string, TextBound>();
  const lines = ann.split(/\r?\n/);
  for (const line of lines) {
    if (!line.startsWith('T') || !line.includes('\t')) continue;
    const [id, spec, text = ''] = line.split('\t');
    const [label, ...rest] = spec.split(' ');
    // Discontinuous spans are written "a b;c d".
    const parts = rest
      .join(' ')
      .split(';')
      .map((part) => part.trim().split(' ').map(Number))
      .map(([start, end]) => ({ start, end }));
    bounds.set(id, { label, start: Math.min(...parts.map((p) => p.start)), end: Math.max(...parts.map((p) => p.end)), text, parts });
  }
  const attributions: GoldAttribution[] = [];
  for (const line of lines) {
    if (!line.startsWith('E') || !line.includes('\t')) continue;
    const [id, spec] = line.split('\t');
    const roles = new Map<string, TextBound>();
    for (const part of spec.split(' ')) {
      const [role, ref] = part.split(':');
      const b = bounds.get(ref);
      if (b) roles.set(role, b);
    }
    const content = roles.get('Content');
    const source = roles.get('Source');
    const cue = roles.get('Cue');
    attributions.push({
      id,
      content: content ? { start: content.start, end: content.end } : null,
      contentParts: content ? content.parts : [],
      contentText: content?.text ?? '',
      source: source ? { start: source.start, end: source.end } : null,
      sourceText: source?.text ?? '',
      cue: cue ? { start: cue.start, end: cue.end } : null,
    });
  }
  return attributions;
}
