// Statistical named-entity tagging: pure code, the model comes in as a plain object.
export { NerTagger } from './tagger';
export type { NerTaggerOptions } from './tagger';
export { MODEL_FORMAT, MODEL_VERSION } from './model';
export type { NerModelData } from './model';
export { ENTITY_TYPES } from './labels';
export type { EntitySpan, EntityType } from './labels';
export { stripPossessive } from './features';
export type { PlaceKind, PlaceLookup } from './features';
export { placeLookupFromGazetteer } from './places';
