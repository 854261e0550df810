"""Test-only commands, loaded into worker processes via MYCHAT_BOT_COMMAND_MODULES."""

import time

from backend.autoreply.registry import command


@command("slow", usage="/slow <seconds>", help="Test only: answer after sleeping.")
def slow_command(args: str) -> str:
    time.sleep(float(args or 1))
    return f"slept {args}"
