"""The parse: the spaCy pipeline, loaded once, with its array components."""
