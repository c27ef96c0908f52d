// Statistical named-entity tagging: pure code, the model comes in as a plain object.
export { NerTagger, NerTaggerOptions } from './tagger';
export { NerModelData, MODEL_FORMAT, MODEL_VERSION } from './model';
export { EntitySpan, EntityType, ENTITY_TYPES } from './labels';
export { PlaceLookup, PlaceKind, stripPossessive } from './features';
export { placeLookupFromGazetteer } from './places';
