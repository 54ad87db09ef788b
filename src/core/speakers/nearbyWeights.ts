import type { NearbyWeights } from './nearby';

// Written by scripts/train/nearbySpeaker.ts from PolNeAR's training split (840 articles); do not
// edit by hand. A candidate's score is the sum of its features times these weights; "no person
// speaks here" scores the same way over its own features, and the highest score wins.
// On the training split: 334 quotes with no cue's speaker: 233 decided right (95 of the 163 whose speaker is named nearby; a name chosen for 140).
export const NEARBY_WEIGHTS: NearbyWeights = {
  candidate: {
    before: 1.732,
    sameSentence: 0.532,
    sameParagraph: -0.064,
    previousParagraph: -2.737,
    sentencesAway: -1.2,
    tokensAway: -0.526,
    opensSentence: 0.53,
    cueFollows: 0.475,
    nearestBefore: -0.275,
    person: -0.519,
    organization: -1.56,
    unnamed: -0.721,
    speaking: 0.16,
    previousSpeaker: 0.441,
    nextSpeaker: 0.731,
    spokeEarlier: 0.836,
    earlierMentions: -1.123,
    possessive: -0.655,
  },
  none: {
    bias: 2.8,
    partial: 0.708,
    words: -2.237,
    opensParagraph: -1.967,
    candidates: -0.778,
  },
};
