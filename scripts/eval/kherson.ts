import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Quote } from '../../src/core/types';
import { Workspace } from '../../src/workspace/workspace';

// What a reader finds in the sample workspace (../shared/samples/kherson-talks): each
// quotation in marks and who said it. Shared by the test suite and `npm run eval`.

/** Every quotation in marks in the five files, by file prefix and a few of its words, with its speaker. */
export const KHERSON_QUOTES: Array<[string, string, RegExp]> = [
  ['000', 'The probability of a Ukrainian military victory', /^Mark Milley$/],
  ['000', 'There may be a political solution', /^Mark Milley$/],
  ['000', 'You want to negotiate from a position of strength', /^Mark Milley$/],
  ['000', 'gets to determine if and when', /^John Kirby$/],
  ['000', 'Nobody from the United States is pushing', /^John Kirby$/],
  ['000', 'is not conducting negotiations of any kind', /White House/],
  ['000', 'result in 20 million murdered', /^Mark Milley$/],
  ['000', 'So when there’s an opportunity to negotiate', /^Mark Milley$/],
  ['000', 'Any voiced ideas of our land’s concessions', /^Volodymyr Zelensky/],
  ['000', 'a bit more forward-leaning', /^Charles Kupchan$/],
  ['000', 'I don’t think it’s premature', /^Charles Kupchan$/],
  ['000', 'Zelensky, understandably, gets a little heated', /^Charles Kupchan$/],
  ['000', 'The Biden administration wants to move slowly', /^Charles Kupchan$/],
  ['000', 'I am not persuaded', /^Frederick Kagan$/],
  ['000', 'We should help accelerate the Ukrainian victory', /^Frederick Kagan$/],
  ['000', 'Slowing down now is not the right thing to do', /^Frederick Kagan$/],
  ['002', 'political solution', /^Mark Milley$/],
  ['002', 'unlikely.', /^Mark Milley$/],
  ['002', 'Russia right now is on its back', /^Mark Milley$/],
  ['002', 'The probability of Russia achieving its strategic objectives', /^Mark Milley$/],
  ['002', 'Now Ukraine has had great success', /^Mark Milley$/],
  ['002', 'But Kherson and Kharkiv are relatively small', /^Mark Milley$/],
  ['002', 'So in terms of probability', /^Mark Milley$/],
  ['002', 'President Biden and President Zelenskyy himself', /^Mark Milley$/],
  ['002', "If there's a slowdown in the actual tactical fighting", /^Mark Milley$/],
  ['002', "It's not a small piece of ground", /^Mark Milley$/],
  ['002', 'Kicking the Russians physically out of Ukraine', /^Mark Milley$/],
  ['003', 'well over', /^Mark Milley$/],
  ['003', 'Same thing probably on the Ukrainian side', /^Mark Milley$/],
  ['003', 'There has been a tremendous amount of suffering', /^Mark Milley$/],
  ['003', 'The initial indicators are they are in fact doing it', /^Mark Milley$/],
  ['003', "there's also an opportunity here", /^Mark Milley$/],
  ['003', 'mutual recognition', /^Mark Milley$/],
  ['003', 'is maybe not achievable through military means', /^Mark Milley$/],
  ['004', 'probably on the Ukrainian side.', /^Mark Milley$/],
  ['004', 'There was tremendous suffering, human suffering', /^Mark Milley$/],
  ['004', 'initial indicators', /military/],
  ['004', 'I believe they are doing this to protect their forces', /^Mark Milley$/],
  ['004', 'there is an opportunity here, a window of opportunity for negotiations', /^Mark Milley$/],
  ['004', 'mutual recognition', /^Mark Milley$/],
  ['004', 'cannot be achieved by military means', /^Mark Milley$/],
];

export interface KhersonCheck {
  total: number;
  right: number;
  /** Expected quotes missing or given to someone else. */
  wrong: string[];
  /** Quotations in marks that are not in the list (scare quotes taken for quotes, or pieces not merged). */
  extra: string[];
}

export function loadKherson(dir: string): Workspace {
  const ws = new Workspace();
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) ws.set(name, fs.readFileSync(path.join(dir, name), 'utf8'));
  return ws;
}

export function checkKherson(ws: Workspace): KhersonCheck {
  const wrong: string[] = [];
  const matched = new Set<Quote>();
  for (const [prefix, words, speaker] of KHERSON_QUOTES) {
    const file = ws.paths().find((p) => p.startsWith(prefix)) as string;
    const quote = ws.get(file)?.analysis.quotes.find((q) => q.kind !== 'indirect' && q.text.includes(words));
    const who = quote?.attribution ? ws.speakers.speakerOf(file, quote.attribution.speakerKey)?.name : undefined;
    if (!quote) wrong.push(`${prefix}: "${words}" not found`);
    else if (!who || !speaker.test(who)) wrong.push(`${prefix}: "${words}" attributed to ${who ?? 'nobody'}`);
    if (quote) matched.add(quote);
  }
  // A quote split by its cue counts once; anything else in marks is an extra.
  const extra = ws.paths().flatMap((p) => (ws.get(p)?.analysis.quotes ?? []).filter((q) => q.kind !== 'indirect' && !matched.has(q)).map((q) => `${p}: ${q.text}`));
  return { total: KHERSON_QUOTES.length, right: KHERSON_QUOTES.length - wrong.length, wrong, extra };
}
