"""Each format's real structure: headings (never a "#" inside code), code kept as code, and the machinery of
documentation sites (front matter, includes, directives, navigation, anchors, pilcrows) left out."""

from preproc import read_bytes, split_passages


def passages_of(name: str, text: str):
    document = read_bytes(text.encode(), name=name)
    return document, split_passages(document.text)


def test_markdown_code_blocks_keep_their_hash_lines_and_do_not_start_sections():
    document, passages = passages_of(
        "git.md",
        "# Git basics\n\n## Status\n\nRun it to see what changed:\n\n```console\n$ git status\n"
        "# On branch master\n# It looks like you may be committing a merge.\n```\n",
    )
    assert document.title == "Git basics"
    [passage] = passages
    assert passage.heading_path == ("Git basics", "Status")
    assert passage.text.startswith("Run it to see what changed:\n\n```console\n$ git status\n# On branch master")


def test_markdown_site_machinery_is_left_out():
    document, passages = passages_of(
        "first-steps.md",
        '---\ntitle: First steps\nhide: toc\n---\n\n<div class="tip">\n\n# First Steps { #first-steps }\n\n'
        "- [Intro](intro.md)\n- [Setup](setup.md)\n\n"
        "Create a file `main.py` with **this**:\n\n{* ../../docs_src/first_steps/tutorial001.py hl[3] *}\n\n"
        '!!! tip "Reload"\n    Use the `--reload` option while developing.\n\n</div>\n',
    )
    text = "\n".join(p.text for p in passages)
    assert passages[0].anchor == "first-steps" and passages[0].heading == "First Steps"
    assert "Create a file `main.py` with this:" in text
    assert "Use the `--reload` option while developing." in text
    for noise in ("{*", "docs_src", "<div", "{ #", "[Intro]", "intro.md", "title:", "!!!"):
        assert noise not in text


def test_asciidoc_sections_at_every_depth_and_listing_blocks():
    document, passages = passages_of(
        "stash.asc",
        "[[_git_stashing]]\n=== Stashing and Cleaning\n\n"
        "Stashing saves your dirty working directory.(((git commands, stash)))\n\n"
        "==== Stashing Your Work\n\nTo push a new stash onto your stack, run `git stash`:\n\n[source,console]\n----\n"
        "$ git stash\nSaved working directory and index state\n----\n\n==== Creating a Branch from a Stash\n\n"
        "Use `git stash branch <new branchname>`.\n\ninclude::../sections/extra.asc[]\n",
    )
    assert document.title == "Stashing and Cleaning"
    headings = [p.heading for p in passages]
    assert headings == ["Stashing Your Work", "Creating a Branch from a Stash"]
    # The short introduction of the chapter travels with its first section.
    assert passages[0].text.startswith("Stashing saves your dirty working directory.\n\nTo push a new stash")
    assert "```console\n$ git stash\nSaved working directory" in passages[0].text
    joined = " ".join(p.text for p in passages)
    assert "(((" not in joined and "include::" not in joined and "[source" not in joined and "----" not in joined


def test_rst_directives_literal_blocks_and_roles():
    _, passages = passages_of(
        "manual.rst",
        ".. _install:\n\nInstall\n=======\n\n.. toctree::\n   :maxdepth: 2\n\n   intro\n\n"
        "Run :command:`pip` as shown in :ref:`the setup guide <setup>`::\n\n"
        "    $ pip install mychat\n    # not a heading\n\n"
        ".. note::\n   Keep the key secret.\n\n.. image:: diagram.png\n",
    )
    [passage] = passages
    assert passage.heading == "Install"
    assert passage.text == (
        "Run `pip` as shown in the setup guide:\n\n"
        "```\n$ pip install mychat\n# not a heading\n```\n\nKeep the key secret."
    )


def test_html_sections_without_navigation_tables_of_contents_or_pilcrows():
    document, passages = passages_of(
        "caching.html",
        "<html><head><title>Caching Guide</title></head><body><nav><a href='/'>Home</a></nav>"
        "<div class='toc'><a href='#a'>Overview</a></div>"
        "<h2 id='overview'>Overview<a class='headerlink' href='#overview'>¶</a></h2>"
        "<p>Enable <code>mod_cache</code> with:</p><pre class='language-apache'>CacheEnable disk /\n  # comment</pre>"
        "<footer>Copyright</footer></body></html>",
    )
    [passage] = passages
    assert (document.title, passage.heading, passage.anchor) == ("Caching Guide", "Overview", "overview")
    assert passage.text == "Enable `mod_cache` with:\n\n```apache\nCacheEnable disk /\n  # comment\n```"


def test_plain_text_takes_no_heading_from_a_shell_transcript():
    document, passages = passages_of(
        "notes.txt", "Merging notes\n\n$ git commit\n# It looks like you may be committing a merge.\n"
    )
    assert document.title == "notes.txt"
    assert all(p.heading_path == () for p in passages)


def test_a_txt_file_written_as_asciidoc_is_read_as_asciidoc():
    document, passages = passages_of(
        "git-stash.txt",
        "= git-stash(1)\n\n== NAME\n\ngit-stash - Stash the changes\n\n"
        "== SYNOPSIS\n\n[source,shell]\n----\ngit stash list\n----\n",
    )
    assert document.title == "git-stash(1)"
    assert [p.heading for p in passages] == ["NAME", "SYNOPSIS"]


def test_documents_know_their_language():
    assert read_bytes("# 安装\n\n如何安装软件包。".encode(), name="a.md").language == "zh"
    assert read_bytes("# 設定\n\nパッケージをインストールします。".encode(), name="a.md").language == "ja"
    assert read_bytes("# 설치\n\n패키지를 설치합니다.".encode(), name="a.md").language == "ko"
    assert read_bytes(b"# Setup\n\nInstall the package.", name="a.md").language == "en"
