import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  CLAIM_GROUPS_REQUEST,
  SPEAKER_QUOTES_REQUEST,
  SPEAKERS_REQUEST,
  UTTERANCES_REQUEST,
  type ClaimGroup,
  type SpeakerQuote,
  type SpeakerSummary,
  type Utterance,
  type WireLocation,
} from '../shared/protocol';
import { labelName } from '../shared/names';
import { plural } from '../shared/plural';
import { fileName } from '../shared/uris';
import { flat, groupTooltip, oneLine, speakerTooltip } from './labels';
import { utteranceRow, versionRow } from './utteranceText';

// The Byline views, in Byline's own place in the activity bar: Claims (grouped by what they
// measure, conflicts first), Speakers (with their quotes) and Quotes Across Files (remarks
// quoted in several files, those whose versions differ first). Clicking an entry opens its place.
// Labels are short; tooltips add what the label leaves out (the whole sentence, the file and line).

/**
 * Speakers listed at most: an archive of 10,000 articles quotes some 34,000, a response of
 * megabytes at every refresh and a list nobody scrolls; the rest are a search away.
 */
const MAX_SPEAKERS = 500;
/** A quote's label is cut to this many characters; its tooltip has it whole. */
const LABEL_LENGTH = 80;
/** Remarks listed at most, those that differ first: the rest are found from their quotes (hover, Go to References). */
const MAX_UTTERANCES = 500;

type Node =
  | { kind: 'speaker'; speaker: SpeakerSummary }
  | { kind: 'group'; group: ClaimGroup }
  | { kind: 'utterance'; utterance: Utterance }
  /** The speakers past the view's limit: found with Go to Symbol in Workspace or the quick pick. */
  | { kind: 'more' }
  | { kind: 'place'; label: string; description: string; location: WireLocation; icon: string; tooltip: string };

abstract class BylineTree implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(protected readonly client: LanguageClient) {}

  refresh(): void {
    this.changed.fire();
  }

  abstract getChildren(node?: Node): Promise<Node[]>;

  getTreeItem(node: Node): vscode.TreeItem {
    const item = this.itemOf(node);
    // A screen reader reads a row's label and description; without this, VS Code reads its
    // tooltip, which holds only what the row leaves out (the roles, but not the name).
    item.accessibilityInformation = { label: [item.label, item.description].filter((t) => typeof t === 'string' && t !== '').join(', ') };
    return item;
  }

  private itemOf(node: Node): vscode.TreeItem {
    switch (node.kind) {
      case 'speaker': {
        const s = node.speaker;
        const item = new vscode.TreeItem(labelName(s.name), vscode.TreeItemCollapsibleState.Collapsed);
        item.description = `${plural(s.quoteCount, 'quote')} · ${plural(s.files, 'file')}`;
        item.tooltip = speakerTooltip(s);
        item.iconPath = new vscode.ThemeIcon(s.kind === 'person' ? 'account' : s.kind === 'organization' ? 'organization' : 'question');
        item.contextValue = 'bylineSpeaker';
        return item;
      }
      case 'group': {
        const g = node.group;
        const item = new vscode.TreeItem(labelName(g.label), vscode.TreeItemCollapsibleState.Collapsed);
        const agree = g.claims.length - g.conflicts;
        // "2 in conflict · 1 agrees", "3 agree": the zero side is left out.
        const agreeing = `${agree} ${agree === 1 ? 'agrees' : 'agree'}`;
        item.description = g.conflicts === 0 ? agreeing : agree === 0 ? `${g.conflicts} in conflict` : `${g.conflicts} in conflict · ${agreeing}`;
        item.tooltip = groupTooltip(g);
        item.iconPath = new vscode.ThemeIcon(g.conflicts > 0 ? 'warning' : 'pass');
        return item;
      }
      case 'utterance': {
        const row = utteranceRow(node.utterance, LABEL_LENGTH);
        const item = new vscode.TreeItem(row.label, vscode.TreeItemCollapsibleState.Collapsed);
        item.description = row.description;
        item.tooltip = row.tooltip;
        item.iconPath = new vscode.ThemeIcon(row.differs === 'speaker' ? 'warning' : row.differs === 'words' ? 'diff' : 'pass');
        return item;
      }
      case 'more': {
        const item = new vscode.TreeItem(`More speakers than the ${MAX_SPEAKERS} most quoted…`, vscode.TreeItemCollapsibleState.None);
        item.tooltip = 'Find any speaker with Go to Symbol in Workspace (Ctrl+T), or Byline: Show Speaker’s Quotes';
        item.iconPath = new vscode.ThemeIcon('search');
        item.command = { command: 'workbench.action.showAllSymbols', title: 'Go to Symbol in Workspace' };
        return item;
      }
      case 'place': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
        item.description = node.description;
        item.tooltip = node.tooltip;
        item.iconPath = new vscode.ThemeIcon(node.icon);
        item.command = { command: 'byline.open', title: 'Open', arguments: [node.location] };
        return item;
      }
    }
  }
}

export class SpeakersTree extends BylineTree {
  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      const speakers = await this.client.sendRequest<SpeakerSummary[]>(SPEAKERS_REQUEST, { limit: MAX_SPEAKERS + 1 });
      const listed: Node[] = speakers.slice(0, MAX_SPEAKERS).map((speaker) => ({ kind: 'speaker', speaker }));
      return speakers.length > MAX_SPEAKERS ? [...listed, { kind: 'more' }] : listed;
    }
    if (node.kind !== 'speaker') return [];
    const quotes = await this.client.sendRequest<SpeakerQuote[]>(SPEAKER_QUOTES_REQUEST, { id: node.speaker.id });
    const name = labelName(node.speaker.name);
    return quotes.map((q) => ({
      kind: 'place',
      label: oneLine(q.text, LABEL_LENGTH),
      description: `${fileName(q.uri)}:${q.range.start.line + 1}`,
      location: q,
      icon: q.kind === 'indirect' ? 'comment' : 'quote',
      tooltip: `${q.kind === 'indirect' ? 'Reported speech' : q.kind === 'partial' ? 'Partial quote' : 'Quote'} by ${name}, ${fileName(q.uri)}, line ${q.range.start.line + 1}:\n\n${flat(q.text)}`,
    }));
  }
}

export class ClaimsTree extends BylineTree {
  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      const groups = await this.client.sendRequest<ClaimGroup[]>(CLAIM_GROUPS_REQUEST);
      return groups.map((group) => ({ kind: 'group', group }));
    }
    if (node.kind !== 'group') return [];
    return node.group.claims.map((c) => ({
      kind: 'place',
      label: c.text,
      description: `${fileName(c.uri)}:${c.range.start.line + 1}`,
      location: c,
      icon: c.conflicting ? 'warning' : 'check',
      tooltip: [
        c.sentence ? `“${c.sentence}”` : c.text,
        `${fileName(c.uri)}, line ${c.range.start.line + 1}${c.source ? `; according to ${c.source}` : ''}.`,
        c.conflicting ? 'Another file gives a figure for the same thing that does not fit this one.' : 'Every other file that gives this figure agrees.',
      ].join('\n\n'),
    }));
  }
}

export class QuotesTree extends BylineTree {
  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      const found = await this.client.sendRequest<Utterance[]>(UTTERANCES_REQUEST, { limit: MAX_UTTERANCES });
      return found.map((utterance) => ({ kind: 'utterance', utterance }));
    }
    if (node.kind !== 'utterance') return [];
    const [fullest] = node.utterance.versions;
    return node.utterance.versions.map((v) => ({
      kind: 'place',
      ...versionRow(v, fullest, LABEL_LENGTH),
      location: v,
      icon: v.otherSpeaker ? 'warning' : v.relation === 'worded-differently' ? 'diff' : v.reported ? 'comment' : 'quote',
    }));
  }
}
