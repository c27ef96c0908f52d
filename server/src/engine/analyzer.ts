// The analysis pipeline for one document.
import { Gazetteer, GazetteerData } from './gazetteer';
import { DocumentAnalysis } from './types';

export interface EngineResources {
  gazetteer: GazetteerData;
}

export class Analyzer {
  readonly gazetteer: Gazetteer;
  constructor(resources: EngineResources) {
    this.gazetteer = new Gazetteer(resources.gazetteer);
  }
  analyze(text: string): DocumentAnalysis {
    void text;
    throw new Error('analyzer under construction');
  }
}

export function createAnalyzer(resources: EngineResources): Analyzer {
  return new Analyzer(resources);
}
