"""The multilingual evaluation of /ask: real manuals in five languages, questions with their expected passages."""
