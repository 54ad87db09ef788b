// What the engine reads from compromise, taken out at build time: esbuild.js puts it into the
// bundles (as BYLINE_COMPROMISE, read by src/core/text/compromiseData.ts), so that a run of the
// CLI, the server or a worker does not load compromise, which builds its lexicon at start
// (a fifth of a second of every process). The engine asks compromise three things: a word's
// tags (its lexicon), a plural's singular (its inflection rules and irregular plurals), and a
// user's verb's forms (its conjugator, still loaded for that alone).
const fs = require('node:fs');
const path = require('node:path');

/** The data as JSON: the lexicon grouped by tags (a tenth of its size as word → tags), the rest as they are. */
function compromiseData() {
  const nlp = require('compromise');
  const model = nlp.model();
  const byTags = {};
  for (const [word, tags] of Object.entries(model.one.lexicon)) (byTags[JSON.stringify(tags)] ??= []).push(word);
  return JSON.stringify({ lexicon: byTags, irregularPlurals: model.two.irregularPlurals, singularRules: singularRules() });
}

/**
 * compromise's rules for the singular of a noun, as [pattern, flags, replacement]. They are in an
 * ES module of its sources that no entry point exports; the file is a plain array literal of
 * regular expressions and strings, evaluated here as such (test/core/compromiseData.test.ts
 * checks the result against compromise's own toSingular).
 */
function singularRules() {
  const file = path.join(__dirname, '..', '..', 'node_modules', 'compromise', 'src', '2-two', 'preTagger', 'methods', 'transform', 'nouns', 'toSingular', '_rules.js');
  const source = fs.readFileSync(file, 'utf8').replace(/^\s*export default/m, 'return');
  const rules = new Function(source)();
  return rules.map(([pattern, replacement]) => [pattern.source, pattern.flags, replacement]);
}

module.exports = { compromiseData };
