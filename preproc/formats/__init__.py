"""Each source format becomes the same canonical text: Markdown headings ("## Title {#anchor}"), ``` fences for
code, blank lines between paragraphs, and none of the format's own machinery (includes, directives, navigation)."""
