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
    const info = gazetteer.lookup(phrase);
    const kind: PlaceKind | null = info ? (info.placeType === 'country' ? 'country' : 'place') : null;
    if (cache.size >= maxCached) cache.clear();
    cache.set(phrase, kind);
    return kind;
  };
}
