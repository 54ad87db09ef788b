import type { NearbyWeights } from './nearby';

// Written by scripts/train/nearbySpeaker.ts from PolNeAR's training split (840 articles); do not
// edit by hand. A candidate's score is the sum of its features times these weights; "no person
// speaks here" scores the same way over its own features, and the highest score wins.
// On the training split: 343 quotes with no cue's speaker: 237 decided right (104 of the 171 whose speaker is named nearby; a name chosen for 155).
export const NEARBY_WEIGHTS: NearbyWeights = {
  candidate: {
    before: 1.848,
    sameSentence: 0.571,
    sameParagraph: 0.029,
    previousParagraph: -2.642,
    sentencesAway: -1.165,
    tokensAway: -0.639,
    opensSentence: 0.59,
    cueFollows: 0.473,
    nearestBefore: -0.351,
    person: -0.47,
    organization: -1.498,
    unnamed: -0.645,
    speaking: 0.121,
    previousSpeaker: 0.394,
    nextSpeaker: 0.832,
    spokeEarlier: 0.87,
    earlierMentions: -1.155,
    possessive: -0.687,
  },
  none: {
    bias: 2.613,
    partial: 0.695,
    words: -1.877,
    opensParagraph: -2.007,
    candidates: -0.718,
  },
};
