"""Text and structure: paragraphs and their roles, sentences and tokens as tables."""
