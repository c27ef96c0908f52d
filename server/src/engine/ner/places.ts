// The place lookup the model is trained with, over the engine's gazetteer. Use the same one when
// tagging: the model learned how far to trust exactly these matches.

import type { Gazetteer } from '../gazetteer';
import { PlaceKind, PlaceLookup } from './features';

/**
 * Not memoised here: the gazetteer remembers its answers by name, and the tagger its own by phrase, so
 * a memo of its own only costs a map entry per phrase.
 */
export function placeLookupFromGazetteer(gazetteer: Gazetteer): PlaceLookup {
  return (phrase: string) => placeKind(gazetteer, phrase);
}

const MAJOR_POPULATION = 100000;

/**
 * A region's exact name answers as a big place does: the model was trained before regions had names in
 * the gazetteer, and reading "Balochistan" or "Michoacan" as places took the tagger from person and
 * organisation to place on them (CoNLL dev LOC +6 spans, micro F1 89.1 -> 89.2).
 */
function placeKind(gazetteer: Gazetteer, phrase: string): PlaceKind | null {
  const found = gazetteer.lookupWithQuality(phrase) ?? gazetteer.candidates(phrase).find((c) => c.exact && c.info.placeType === 'region');
  if (!found) return null;
  const { info, exact } = found;
  if (info.placeType === 'country') return exact ? 'country' : 'variant';
  if (!exact) return 'variant';
  if (info.placeType === 'city' && (info.population ?? 0) < MAJOR_POPULATION) return 'town';
  return 'place';
}
