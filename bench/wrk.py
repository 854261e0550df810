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


# Each request is one of many people polling with their current ETag: a random row of a table.
PEOPLE_LUA = """
local people = {}
init = function(args)
  for line in io.lines(args[1]) do
    local path, token, etag = line:match("([^\\t]+)\\t([^\\t]+)\\t([^\\t]+)")
    people[#people + 1] = {path, token, etag}
  end
  math.randomseed(os.time() + #people)
end
request = function()
  local p = people[math.random(#people)]
  return wrk.format("GET", p[1], {["Authorization"] = "Token " .. p[2], ["If-None-Match"] = p[3]})
end
"""


def wrk_people(base: str, table: Path, rows, *, connections: int, seconds: int) -> dict:
    """wrk against `base`, each request a random one of `rows` (path, token, etag), written to `table`."""
    table.write_text("".join(f"{path}\t{token}\t{etag}\n" for path, token, etag in rows))
    return wrk(base + "/", headers={}, connections=connections, seconds=seconds, lua=PEOPLE_LUA, args=[table])


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
