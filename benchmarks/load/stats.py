"""The load benchmark's result and its report: percentiles, CPU seconds and memory of the
server and the browsers, and the server's per-run trace (``--trace``)."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.load.session import Session

MAP_TARGET_S, FILTER_TARGET_S = 30.0, 5.0


@dataclass
class Result:
    sessions: list[Session]
    rebuild_s: float | None = None      # from the article added to the new build published
    rebuild_error: str | None = None
    peak_rss_mb: float = 0.0
    load: tuple[float, float, float] = (0.0, 0.0, 0.0)
    articles_after: int | None = None
    cpu_s: dict[str, float] = field(default_factory=dict)   # CPU seconds: server, browsers

    @property
    def errors(self) -> int:
        return sum(len(s.errors) for s in self.sessions) + (self.rebuild_error is not None)

    def times(self, what: str) -> list[float]:
        return sorted(getattr(s, what) for s in self.sessions if getattr(s, what) is not None)


def percentile(values: list[float], q: float) -> float | None:
    """Nearest-rank percentile (``q`` from 0 to 100) of ``values``; None when empty."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


def rss_mb(pid: int) -> float:
    """Resident memory of the process ``pid`` and its children (MB)."""
    total = 0
    pids = [pid]
    try:
        pids += [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        pass
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def cpu_seconds(server_pid: int) -> dict[str, float]:
    """CPU seconds used so far by the server and by the browsers this run started."""
    import psutil

    out = {"server": 0.0, "browsers": 0.0}
    for proc in psutil.Process().children(recursive=True):
        try:
            times = proc.cpu_times()
            used = times.user + times.system
            if proc.pid == server_pid:
                out["server"] += used
            elif "chrom" in proc.name():
                out["browsers"] += used
        except psutil.Error:
            pass
    return out


def read_trace(trace: Path) -> list[dict]:
    """The server's script runs written by ``--trace`` (benchmarks/trace/sitecustomize.py)."""
    return [json.loads(line) for line in trace.read_text(encoding="utf-8").splitlines() if line.strip()]


def trace_summary(trace: Path) -> list[str]:
    """What the server's script runs cost, from the trace: per kind (full page runs, fragment
    runs) their number, wall and CPU seconds (p50/p95/total), elements and kB sent."""
    runs = read_trace(trace)
    out = []
    for kind, chosen in (("full runs", [r for r in runs if not r["fragments"]]),
                         ("fragment runs", [r for r in runs if r["fragments"]])):
        if not chosen:
            continue
        wall = [r["end"] - r["start"] for r in chosen]
        cpu = [r["cpu"] for r in chosen]
        out.append(f"{kind:14s} {len(chosen):4d}: wall p50 {percentile(wall, 50):5.2f} s p95 "
                   f"{percentile(wall, 95):5.2f} s; CPU p50 {percentile(cpu, 50):5.2f} s p95 "
                   f"{percentile(cpu, 95):5.2f} s total {sum(cpu):5.1f} s; elements p50 "
                   f"{percentile([r['msgs'] for r in chosen], 50)}, kB p50 "
                   f"{percentile([r['bytes'] for r in chosen], 50) / 1024:.0f} total "
                   f"{sum(r['bytes'] for r in chosen) / 1024:.0f}; stopped for a rerun "
                   f"{sum(r['event'] == 'SCRIPT_STOPPED_FOR_RERUN' for r in chosen)}")
    return out


def _session_line(s: Session) -> str:
    fmt = lambda v: "   -  " if v is None else f"{v:6.2f}"  # noqa: E731
    return (f"session {s.n + 1:2d}: map {fmt(s.map_s)} s, filter {fmt(s.filter_s)} s "
            f"(tab busy {s.map_cpu:4.1f} / {s.filter_cpu:4.1f} s; filter: {s.filter_runs} runs, "
            f"{s.filter_draws} map draws{'' if s.map_kept else ' (map drawn anew)'}, {s.filter_kb:.0f} kB"
            f"{', hidden tab' if s.hidden else ''}"
            f"{f', React {s.filter_commits} commits {s.filter_renders} renders' if s.filter_renders is not None else ''}"
            f"{f', picked {s.repicks + 1} times' if s.repicks else ''}) ({s.actor[:30]})"
            f"{'  ERRORS: ' + '; '.join(s.errors) if s.errors else ''}")


def filter_busy_line(sessions: list[Session]) -> str:
    """The tabs' main-thread seconds per filter (p50 of the sessions; load-independent up to
    the machine's speed): all of it and its script, layout and style parts."""
    done = [s for s in sessions if s.filter_s is not None]
    parts = {k: percentile([s.filter_parts.get(k, 0.0) for s in done], 50) or 0.0
             for k in ("busy", "script", "layout", "style", "cpu")}
    counted = [s for s in done if s.filter_renders is not None]
    react = (f"; React p50 {percentile([s.filter_commits for s in counted], 50)} commits, "
             f"{percentile([s.filter_renders for s in counted], 50)} renders" if counted else "")
    return (f"tab/filter    p50 busy {parts['busy']:.2f} s (script {parts['script']:.2f}, layout "
            f"{parts['layout']:.2f}, style {parts['style']:.2f}, CPU {parts['cpu']:.2f}){react}; map load "
            f"p50 busy {percentile([s.map_cpu for s in done], 50) or 0.0:.2f} s")


def report(result: Result) -> bool:
    """Print the timings; True when every target is met."""
    for s in result.sessions:
        print(_session_line(s))
    ok = True
    for name, values, target in (("map load", result.times("map_s"), MAP_TARGET_S),
                                 ("actor filter", result.times("filter_s"), FILTER_TARGET_S)):
        p50, p95 = percentile(values, 50), percentile(values, 95)
        met = p95 is not None and p95 <= target and len(values) == len(result.sessions)
        ok &= met
        print(f"{name:13s} p50 {p50 or float('nan'):6.2f} s  p95 {p95 or float('nan'):6.2f} s  "
              f"({len(values)} of {len(result.sessions)} sessions; target p95 <= {target:.0f} s)  "
              f"{'OK' if met else 'MISSED'}")
    print(filter_busy_line(result.sessions))
    if result.rebuild_s is not None:
        print(f"rebuild       an article added mid-run was built and published in {result.rebuild_s:.1f} s; "
              f"the Overview then showed {result.articles_after} articles")
    if result.rebuild_error:
        print(f"rebuild       FAILED: {result.rebuild_error}")
    print(f"errors        {result.errors}  (target 0)  {'OK' if result.errors == 0 else 'MISSED'}")
    if result.cpu_s:
        print(f"CPU           server {result.cpu_s['server']:.0f} s, browsers {result.cpu_s['browsers']:.0f} s "
              f"(2 cores)")
    print(f"server        peak RSS {result.peak_rss_mb:.0f} MB; load average at the end "
          f"{result.load[0]:.1f} {result.load[1]:.1f} {result.load[2]:.1f}")
    return ok and result.errors == 0
