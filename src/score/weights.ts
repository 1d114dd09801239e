// Written by `npm run fit -- ../shared/calibration` (scripts/fit.js): do not edit by hand.
// How much each judged item counts towards a statement's score, fitted to
// published CQC local authority scores (the labelled form, all councils).
import type { Judgement } from '../model/index.js';

export const ITEM_WEIGHT: Record<Judgement, number> = {
  exceptional: 1,
  strength: 1,
  shortfall: 2,
  'significant-shortfall': 2,
};
