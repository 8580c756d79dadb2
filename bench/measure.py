"""Running a command as a user would, and measuring it: wall time, CPU, peak memory of its tree.

Peak memory is sampled from /proc every ~50 ms: the sum of VmRSS (and of Pss, which
counts pages shared between forked workers once) over the process and all its
descendants. CPU is user + system time: the larger of RUSAGE_CHILDREN (exact, but it
only holds descendants that were waited for, which worker processes left behind are
not) and the sum over every process seen in the tree of its last sampled
utime + stime (which misses at most the last ~50 ms of each).
"""

from __future__ import annotations

import os
import resource
import subprocess
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

SAMPLE_S = 0.05


@dataclass(frozen=True)
class Run:
    wall: float
    cpu: float
    peak_rss_mb: float
    peak_pss_mb: float
    returncode: int
    stdout: str
    stderr: str

    def check(self, what: str) -> Run:
        if self.returncode != 0:
            tail = (self.stderr or self.stdout).strip().splitlines()[-5:]
            raise RuntimeError(f"{what} exited {self.returncode}: " + " | ".join(tail))
        return self


_TICK = os.sysconf("SC_CLK_TCK")


def _stats() -> dict[int, list[bytes]]:
    """The fields of /proc/<pid>/stat after the command name, for every process."""
    out: dict[int, list[bytes]] = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as f:
                stat = f.read()
        except OSError:
            continue
        # The command name may hold spaces and parentheses: fields start after the last ')'.
        out[int(name)] = stat[stat.rindex(b")") + 2 :].split()
    return out


def tree(pid: int, stats: dict[int, list[bytes]] | None = None) -> list[int]:
    """`pid` and every descendant alive now."""
    kids: dict[int, list[int]] = {}
    for p, fields in (stats if stats is not None else _stats()).items():
        kids.setdefault(int(fields[1]), []).append(p)
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(kids.get(p, ()))
    return out


class CpuSampler:
    """utime + stime of every process seen in a tree, by (pid, start time)."""

    def __init__(self) -> None:
        self._ticks: dict[tuple[int, bytes], int] = {}

    def sample(self, root: int) -> list[int]:
        stats = _stats()
        pids = tree(root, stats)
        for p in pids:
            fields = stats.get(p)
            if fields is not None:
                # Fields 14, 15 (utime, stime) and 22 (start time), counted from the state (3).
                self._ticks[(p, fields[19])] = int(fields[11]) + int(fields[12])
        return pids

    def seconds(self) -> float:
        return sum(self._ticks.values()) / _TICK


def _kb(path: str, key: bytes) -> int:
    try:
        with open(path, "rb") as f:
            for line in f:
                if line.startswith(key):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def tree_memory_mb(pids: list[int]) -> tuple[float, float]:
    """(sum of RSS, sum of PSS) of these processes, in MB."""
    rss = sum(_kb(f"/proc/{p}/status", b"VmRSS:") for p in pids)
    pss = sum(_kb(f"/proc/{p}/smaps_rollup", b"Pss:") for p in pids)
    return rss / 1024, pss / 1024


def run_measured(
    cmd: Sequence[str],
    *,
    env: Mapping[str, str] | None = None,
    cwd: str | Path | None = None,
    timeout: float = 900,
) -> Run:
    """Run `cmd` to its end. Output goes to temporary files, never pipes, so a chatty
    process cannot block on a full pipe while we sample."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        proc = subprocess.Popen(list(cmd), env=dict(env) if env else None, cwd=cwd, stdout=out, stderr=err,
                                stdin=subprocess.DEVNULL)
        peak_rss = peak_pss = 0.0
        sampler = CpuSampler()
        while proc.poll() is None:
            rss, pss = tree_memory_mb(sampler.sample(proc.pid))
            peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
            if time.perf_counter() - start > timeout:
                proc.kill()
            try:
                proc.wait(timeout=SAMPLE_S)
            except subprocess.TimeoutExpired:
                pass
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        waited = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        cpu = max(waited, sampler.seconds())
        out.seek(0)
        err.seek(0)
        return Run(wall, cpu, peak_rss, peak_pss, proc.returncode, out.read(), err.read())
