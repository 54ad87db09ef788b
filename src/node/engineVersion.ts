// Which engine produced an analysis, so a cache never hands one Byline's results to another.
// esbuild.js sets BYLINE_ENGINE in the bundles to a hash of the engine's sources (src/core),
// compromise's version and Byline's version: any change to how text is analysed is a new
// engine, released or not. Code run unbundled (tests, benchmarks from out/) says so instead.

declare const BYLINE_ENGINE: string | undefined;

export const ENGINE_VERSION: string = typeof BYLINE_ENGINE === 'string' ? BYLINE_ENGINE : 'unbundled';
