"""CPU time of a server under test, read from /proc: the server's cost per request, not just its speed."""

import os
from pathlib import Path

TICKS = os.sysconf("SC_CLK_TCK")


def _stat(pid: str) -> list[str] | None:
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text[text.rindex(")") + 2 :].split()  # fields after the command name


def server_pids(port: int) -> list[str]:
    """The process serving `port` (found by its command line) and all its descendants."""
    pids = [p for p in os.listdir("/proc") if p.isdigit()]
    roots = []
    for pid in pids:
        try:
            args = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"uvicorn" in args and str(port).encode() in args:
            roots.append(pid)
    family, grew = set(roots), True
    while grew:
        grew = False
        for pid in pids:
            fields = _stat(pid)
            if fields and pid not in family and fields[1] in family:
                family.add(pid)
                grew = True
    return sorted(family)


def cpu_seconds(pids: list[str]) -> float:
    total = 0
    for pid in pids:
        if fields := _stat(pid):
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / TICKS
