"""Each mutated module's kill rate, from `mutmut results --all true` (run after `mutmut run`).

A mutant counts as killed when a test failed, timed out or the type checker caught it; the rest
(survived, no tests, suspicious) are listed by name so `mutmut show NAME` can explain
them."""

import subprocess
import sys
from collections import defaultdict
from pathlib import Path

MUTMUT = Path(sys.executable).with_name("mutmut")
KILLED = {"killed", "timeout", "caught by type check"}
NOT_RUN = "not checked"  # a run limited to some mutants (make mutate MUTANTS='offers.*')


def main() -> int:
    output = subprocess.run(
        [str(MUTMUT), "results", "--all", "true"], capture_output=True, text=True, check=True
    ).stdout
    by_module: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for line in output.splitlines():
        name, _, status = line.strip().rpartition(": ")
        if "__mutmut_" not in name:
            continue
        module = name.split(".x")[0] if ".x" in name else name.rsplit(".", 1)[0]
        by_module[module][status].append(name)
    if not by_module:
        print('No mutation results: run "mutmut run" first.')
        return 1
    print(f"{'module':32} {'killed':>8} {'total':>6} {'rate':>7}")
    for module, statuses in sorted(by_module.items()):
        total = sum(len(names) for names in statuses.values())
        killed = sum(len(names) for status, names in statuses.items() if status in KILLED)
        unrun = len(statuses.get(NOT_RUN, []))
        if unrun == total:
            print(f"{module:32} {'(not run)':>23}")
        else:
            print(f"{module:32} {killed:>8} {total:>6} {killed / total:>7.1%}")
    print("\nNot killed (`.venv/bin/mutmut show NAME` shows the change):")
    for statuses in by_module.values():
        for status, names in sorted(statuses.items()):
            if status not in KILLED and status != NOT_RUN:
                for name in sorted(names):
                    print(f"  {status}: {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
