"""Reading input: files, HTML pages, bytes and stdin into one Article, and the offset-preserving text normalisation every rule matches on."""
