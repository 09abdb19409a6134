"""The rules: cues, claims, attribution, quotes, names, sources, entities, numbers, dates and findings, each a module of small named rules over the parse, with the lexicons they read."""
