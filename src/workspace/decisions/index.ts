// Corrections that stick: a reader's decisions about quotes, speakers and figures, and the
// project's settings, stored in byline.json beside the articles (docs/corrections.md).
export { anchorOf, findAnchor } from './anchor';
export { apartKeys, correctAnalysis, quoteAt, speakerNamed } from './apply';
export { withDecision, type EditResult } from './edit';
export { FILE_SETTINGS, parseDecisions } from './parse';
export { changesAnalysis, Decisions, fileOf, relativePath, type DecisionsRoot, type DocumentCorrections } from './resolve';
export { entrySpans } from './positions';
export { sameWords, stale, type StaleDecision } from './stale';
export * from './types';
