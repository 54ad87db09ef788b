import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  CLAIM_GROUPS_REQUEST,
  SPEAKER_QUOTES_REQUEST,
  SPEAKERS_REQUEST,
  type ClaimGroup,
  type SpeakerQuote,
  type SpeakerSummary,
  type WireLocation,
} from '../shared/protocol';
import { fileName } from '../shared/uris';

// The Byline view in the Explorer: speakers with their quotes, and claims grouped by what
// they measure, conflicts first. Clicking an entry opens its place.

/**
 * Speakers listed at most: an archive of 10,000 articles quotes some 34,000, a response of
 * megabytes at every refresh and a list nobody scrolls; the rest are a search away.
 */
const MAX_SPEAKERS = 500;

type Node =
  | { kind: 'section'; section: 'speakers' | 'claims' }
  | { kind: 'speaker'; speaker: SpeakerSummary }
  | { kind: 'group'; group: ClaimGroup }
  /** The speakers past the view's limit: found with Go to Symbol in Workspace or the quick pick. */
  | { kind: 'more' }
  | { kind: 'place'; label: string; description: string; location: WireLocation; icon: string; tooltip: string };

export class BylineView implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly client: LanguageClient) {}

  refresh(): void {
    this.changed.fire();
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.kind) {
      case 'section': {
        const item = new vscode.TreeItem(node.section === 'speakers' ? 'Speakers' : 'Claims', vscode.TreeItemCollapsibleState.Expanded);
        item.iconPath = new vscode.ThemeIcon(node.section === 'speakers' ? 'person' : 'symbol-number');
        return item;
      }
      case 'speaker': {
        const s = node.speaker;
        const item = new vscode.TreeItem(s.name, vscode.TreeItemCollapsibleState.Collapsed);
        item.description = `${s.quoteCount} ${s.quoteCount === 1 ? 'quote' : 'quotes'} · ${s.files} ${s.files === 1 ? 'file' : 'files'}`;
        item.tooltip = [s.name, ...s.roles.slice(0, 4), s.aliases.length ? `also ${s.aliases.join(', ')}` : ''].filter(Boolean).join('\n');
        item.iconPath = new vscode.ThemeIcon(s.kind === 'person' ? 'account' : s.kind === 'organization' ? 'organization' : 'question');
        item.contextValue = 'bylineSpeaker';
        return item;
      }
      case 'group': {
        const g = node.group;
        const item = new vscode.TreeItem(g.label, vscode.TreeItemCollapsibleState.Collapsed);
        item.description = g.conflicts > 0 ? `${g.conflicts} conflicting` : `${g.claims.length} agree`;
        item.iconPath = new vscode.ThemeIcon(g.conflicts > 0 ? 'warning' : 'pass');
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

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) return [{ kind: 'section', section: 'speakers' }, { kind: 'section', section: 'claims' }];
    if (node.kind === 'section' && node.section === 'speakers') {
      const speakers = await this.client.sendRequest<SpeakerSummary[]>(SPEAKERS_REQUEST, { limit: MAX_SPEAKERS + 1 });
      const listed: Node[] = speakers.slice(0, MAX_SPEAKERS).map((speaker) => ({ kind: 'speaker', speaker }));
      return speakers.length > MAX_SPEAKERS ? [...listed, { kind: 'more' }] : listed;
    }
    if (node.kind === 'section') {
      const groups = await this.client.sendRequest<ClaimGroup[]>(CLAIM_GROUPS_REQUEST);
      return groups.map((group) => ({ kind: 'group', group }));
    }
    if (node.kind === 'speaker') {
      const quotes = await this.client.sendRequest<SpeakerQuote[]>(SPEAKER_QUOTES_REQUEST, { id: node.speaker.id });
      return quotes.map((q) => ({ kind: 'place', label: oneLine(q.text), description: fileName(q.uri), location: q, icon: q.kind === 'indirect' ? 'comment' : 'quote', tooltip: q.text }));
    }
    if (node.kind === 'group') {
      return node.group.claims.map((c) => ({
        kind: 'place',
        label: c.text,
        description: `${fileName(c.uri)}:${c.range.start.line + 1}`,
        location: c,
        icon: c.conflicting ? 'warning' : 'check',
        tooltip: c.conflicting ? 'Conflicts with a figure in another file' : 'Agrees with the other files',
      }));
    }
    return [];
  }
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}
