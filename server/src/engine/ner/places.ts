// The place lookup the model is trained with, over the engine's gazetteer. Use the same one when
// tagging: the model learned how far to trust exactly these matches.

import type { Gazetteer } from '../gazetteer';
import { PlaceKind, PlaceLookup } from './features';

/** Memoised, because the tagger asks about the same capitalised phrases over and over. */
export function placeLookupFromGazetteer(gazetteer: Gazetteer, maxCached = 50000): PlaceLookup {
  const cache = new Map<string, PlaceKind | null>();
  return (phrase: string) => {
    const hit = cache.get(phrase);
    if (hit !== undefined) return hit;
    const kind = placeKind(gazetteer, phrase);
    if (cache.size >= maxCached) cache.clear();
    cache.set(phrase, kind);
    return kind;
  };
}

const MAJOR_POPULATION = 100000;

function placeKind(gazetteer: Gazetteer, phrase: string): PlaceKind | null {
  const found = gazetteer.lookupWithQuality(phrase);
  if (!found) return null;
  const { info, exact } = found;
  if (info.placeType === 'country') return exact ? 'country' : 'variant';
  if (!exact) return 'variant';
  if (info.placeType === 'city' && (info.population ?? 0) < MAJOR_POPULATION) return 'town';
  return 'place';
}
