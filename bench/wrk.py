"""Driving a server with Debian's `wrk` from a second process: shared by the benchmarks."""

import json
import resource
import subprocess
import tempfile
import textwrap
from pathlib import Path

# Appended to every script: wrk prints one JSON line of figures at the end.
REPORT = textwrap.dedent(
    """
    done = function(summary, latency, requests)
      local e = summary.errors
      io.write(string.format('{"requests": %d, "seconds": %.3f, "p50_ms": %.2f, "p90_ms": %.2f, '
        .. '"p99_ms": %.2f, "errors": %d}\\n', summary.requests, summary.duration / 1e6,
        latency:percentile(50) / 1e3, latency:percentile(90) / 1e3, latency:percentile(99) / 1e3,
        e.connect + e.read + e.write + e.status + e.timeout))
    end
    """
)


def tabs_lua(tabs: int, interval_ms: int = 500) -> str:
    """Tabs opened at random moments, not all at once: each connection waits a random 0-interval
    before its first poll (wrk calls delay() before every request), then polls every interval."""
    return f"""
local calls, threads = 0, 0
setup = function(thread) threads = threads + 1; thread:set("seed", threads) end
init = function(args) math.randomseed(seed * 7919) end
delay = function()
  calls = calls + 1
  if calls <= {tabs // 2} then return math.random(0, {interval_ms}) end
  return {interval_ms}
end
"""


def wrk(url: str, *, headers: dict, connections: int, seconds: int, lua: str = "", threads: int = 2, args=()) -> dict:
    """Run wrk; returns {requests, seconds, rps, p50_ms, p90_ms, p99_ms, errors, load_cpu_percent}:
    the last is the load generator's own CPU use, in percent of one core, to show it is not the bottleneck."""
    script = Path(tempfile.mkstemp(suffix=".lua")[1])
    script.write_text(lua + REPORT)
    command = ["wrk", "-t", str(threads if connections > 1 else 1), "-c", str(connections), "-d", f"{seconds}s"]
    command += ["-s", str(script)]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    finished = subprocess.run([*command, url, "--", *map(str, args)], capture_output=True, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    script.unlink()
    if finished.returncode:
        raise RuntimeError(f"wrk failed: {finished.stderr}")
    result = json.loads(finished.stdout.strip().splitlines()[-1])
    result["rps"] = round(result["requests"] / result["seconds"])
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    result["load_cpu_percent"] = round(100 * cpu / result["seconds"])  # of one core
    return result
