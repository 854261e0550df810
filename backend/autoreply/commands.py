"""The built-in commands: /help, /ask, /search, /roll."""

import random
import re

from . import ranking
from .registry import all_commands, command, get_command

MAX_DICE = 100
MAX_SIDES = 1000
SEARCH_RESULTS = 3
SNIPPET_CHARS = 220


@command("help", usage="/help [command]", help="List the commands, or explain one.")
def help_command(args: str) -> str:
    if args:
        cmd = get_command(args.split()[0])
        if cmd is None:
            return f"There is no /{args.split()[0].lstrip('/')}. Type /help for the list."
        return f"{cmd.usage} — {cmd.help}"
    lines = [f"{cmd.usage} — {cmd.help}" for cmd in all_commands()]
    return "Commands:\n" + "\n".join(lines) + "\nAnything else after / is a question for /ask."


@command("ask", usage="/ask <question>", help="Answer a question from the manual and other ingested documents.")
def ask_command(args: str) -> str:
    if not args:
        return "Ask me something, e.g. /ask how do I invite someone?"
    hits = ranking.search(args, k=1)
    if not hits:
        return f"I found nothing about \u201c{args}\u201d in the documents I know. Try /search <words> or /help."
    hit = hits[0]
    return f"{ranking.matching_sentences(hit.passage.text, args)}\n— {ranking.source_label(hit.passage)}"


@command("search", usage="/search <words>", help="Show the 3 best-matching passages and where they come from.")
def search_command(args: str) -> str:
    if not args:
        return "Usage: /search <words>, e.g. /search invite link"
    hits = ranking.search(args, k=SEARCH_RESULTS)
    if not hits:
        return f"No passage matches \u201c{args}\u201d."
    lines = []
    for number, hit in enumerate(hits, 1):
        text = " ".join(hit.passage.text.split())
        if len(text) > SNIPPET_CHARS:
            text = text[:SNIPPET_CHARS].rsplit(" ", 1)[0] + " …"
        lines.append(f"{number}. {text}\n   — {ranking.source_label(hit.passage)}")
    return "\n".join(lines)


_DICE = re.compile(r"^(\d*)d(\d+)$", re.IGNORECASE)
ROLL_USAGE = f"Usage: /roll NdM, e.g. /roll 2d6 (1–{MAX_DICE} dice of 1–{MAX_SIDES} sides)."


@command("roll", usage="/roll NdM", help=f"Roll N dice with M sides (up to {MAX_DICE}d{MAX_SIDES}).")
def roll_command(args: str) -> str:
    match = _DICE.match(args.replace(" ", ""))
    if not match:
        return ROLL_USAGE
    dice, sides = int(match.group(1) or 1), int(match.group(2))
    if not (1 <= dice <= MAX_DICE and 1 <= sides <= MAX_SIDES):
        return ROLL_USAGE
    rolls = [random.randint(1, sides) for _ in range(dice)]
    if dice == 1:
        return str(rolls[0])
    return f"{' + '.join(map(str, rolls))} = {sum(rolls)}"
