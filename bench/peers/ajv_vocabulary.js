// The generated schemas annotate their shapes with x-aws-shape, x-aws-pattern and
// x-appflow-sensitive. Ajv 8 in its default strict mode rejects unknown keywords,
// so they are declared here as a vocabulary of annotations (no validation code).
// That is the only change to Ajv's defaults; strict mode stays on for the rest.
// Used by ajv_bench.js, and by ajv-cli through `-c ./ajv_vocabulary.js`.
const KEYWORDS = ["x-aws-shape", "x-aws-pattern", "x-appflow-sensitive"];

module.exports = function addAppflowVocabulary(ajv) {
  ajv.addVocabulary(KEYWORDS);
  return ajv;
};
