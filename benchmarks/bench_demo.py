"""Time `framing demo` end to end, as a user runs it after the README's install command.

Runs the installed ``framing`` command (or ``python -m framing.cli`` where the
command is not on PATH) in a subprocess, so interpreter start-up, imports,
resource loading, the analysis, the comparison and the report are all
counted. The issue's budget is one minute on this machine.

Run: python benchmarks/bench_demo.py [--runs 3]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BUDGET_SECONDS = 60.0


def command(out: Path) -> list[str]:
    exe = shutil.which("framing")
    if exe is None:
        return [sys.executable, "-m", "framing.cli", "demo", "-o", str(out), "--quiet"]
    return [exe, "demo", "-o", str(out), "--quiet"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="how many times to run the demo")
    args = parser.parse_args()
    times = []
    for run in range(1, args.runs + 1):
        with tempfile.TemporaryDirectory() as folder:
            out = Path(folder) / "framing-demo"
            start = time.perf_counter()
            subprocess.run(command(out), check=True, stdout=subprocess.DEVNULL)
            seconds = time.perf_counter() - start
            report = out / "report.html"
            size = report.stat().st_size / 1e6
            n_csv = len(list(out.glob("*.csv")))
        times.append(seconds)
        print(f"run {run}: framing demo took {seconds:.1f} s "
              f"(report.html {size:.1f} MB, {n_csv} CSV files)")
    best = min(times)
    print(f"framing demo: best {best:.1f} s, slowest {max(times):.1f} s "
          f"(budget {BUDGET_SECONDS:.0f} s)")
    return 0 if max(times) < BUDGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
