"""What the benchmark scripts share: finding the executables and timing whole processes."""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    """An executable of the running environment (its venv first), else from PATH."""
    found = BIN / name
    return str(found) if found.exists() else (shutil.which(name) or name)


def run_times(command: list[str], runs: int, *, expect: int = 0) -> list[float]:
    """Wall-clock seconds of `runs` runs of `command`, after one run to warm the caches."""
    subprocess.run(command, capture_output=True, check=False)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        times.append(time.perf_counter() - start)
        if done.returncode != expect:
            raise SystemExit(f"{' '.join(command[:3])}… exited {done.returncode}:\n"
                             f"{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    return times


def median_seconds(command: list[str], runs: int) -> float:
    return statistics.median(run_times(command, runs))


def alternating_medians(commands: list[tuple[list[str], dict[str, str] | None]],
                        runs: int) -> list[float]:
    """Median seconds of each (command, environment), the commands run in turn `runs` times:
    on a shared machine, load that comes and goes then weighs on every command alike."""
    for command, env in commands:
        subprocess.run(command, capture_output=True, check=False, env=env)  # warm the caches
    times: list[list[float]] = [[] for _ in commands]
    for _ in range(runs):
        for index, (command, env) in enumerate(commands):
            start = time.perf_counter()
            subprocess.run(command, capture_output=True, check=False, env=env)
            times[index].append(time.perf_counter() - start)
    return [statistics.median(t) for t in times]
