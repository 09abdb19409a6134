"""Helpers only the benchmark scripts (and their tests) use: where the research data
sets are and where figures are recorded (``benchmarking``), readers for the CoNLL-2010
files (``corpora``), and the domain lexicon learners (``cue_learning``). The runtime
package never imports them."""
