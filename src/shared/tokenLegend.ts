// The semantic tokens' legend: Byline's token types and modifiers, in the order the numbers in
// the tokens refer to. The server announces it; the VS Code client registers its provider of
// the tokens with it before the server has started (src/client/marks.ts). Plain data only.

/** Token types, in legend order. */
export const TOKEN_TYPES = ['quote', 'figure'] as const;
/**
 * Modifiers, in legend order: `reported` (reported speech, no marks), `unattributed` (no speaker
 * found), `conflicting` (a figure another file contradicts).
 */
export const TOKEN_MODIFIERS = ['reported', 'unattributed', 'conflicting'] as const;

export type TokenType = (typeof TOKEN_TYPES)[number];
export type TokenModifier = (typeof TOKEN_MODIFIERS)[number];

export const LEGEND = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };
