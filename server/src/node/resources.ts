// Loads the data files the engine needs (the gazetteer) from the installed package. This is the only
// place that knows where they live on disk.
import * as fs from 'fs';
import * as path from 'path';
import { Analyzer, createAnalyzer, EngineResources, GazetteerData, NerModelData } from '../engine';

/** The package root: the nearest folder up from this file whose package.json is NewsLens's. */
export function packageRoot(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      try {
        if (JSON.parse(fs.readFileSync(manifest, 'utf8')).name === 'newslens') return dir;
      } catch {
        // not ours; keep walking up
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find the newslens package above ${from}`);
    dir = parent;
  }
}

export function loadResources(root: string = packageRoot()): EngineResources {
  const file = path.join(root, 'dist', 'gazetteer.json');
  if (!fs.existsSync(file)) throw new Error(`${file} is missing; run "npm run build" first`);
  const gazetteer = JSON.parse(fs.readFileSync(file, 'utf8')) as GazetteerData;
  const modelFile = path.join(root, 'dist', 'ner.json');
  // Read on the first analysis, not at start-up; a missing model leaves the rule-based finder alone.
  const nerModel = () => (fs.existsSync(modelFile) ? (JSON.parse(fs.readFileSync(modelFile, 'utf8')) as NerModelData) : null);
  return { gazetteer, nerModel };
}

let shared: Analyzer | undefined;

/** One analyzer per process: building the gazetteer index is the costly part of start-up. */
export function sharedAnalyzer(): Analyzer {
  return (shared ??= createAnalyzer(loadResources()));
}

export function packageVersion(root: string = packageRoot()): string {
  return JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version as string;
}
