// When the extension's bundle began to run. extension.ts imports this module first, so the time is
// taken before the language client library is evaluated: the start-up line in the NewsLens output can
// then say how long loading the extension's own code took, next to what activation waited for.
export const bundleStartedAt = performance.now();
