"""Mutation testing of chosen modules with mutmut, in a scratch copy of the tree.

Not part of CI (it runs the chosen tests once per mutant, which takes minutes). Usage:

    .venv/bin/pip install -e '.[mutation]'
    .venv/bin/python tools/mutation.py src/intake_tui/privacy/masking.py --tests tests/privacy

The copy keeps the working tree untouched and holds only the tracked files (plus uncommitted
edits to them). mutmut 3 rewrites the modules under ``mutants/`` and runs pytest there; the
project's editable install would otherwise shadow that copy, so the run puts ``mutants/src``
first on ``PYTHONPATH`` (child processes such as the installed command inherit it).
Prints the score per module and the name of every surviving mutant; ``mutmut show NAME``
inside the printed scratch folder shows its diff. mutmut picks the tests to run for a mutant
from the calls it saw in the test process itself, so a function reached only through a child
process (the installed command) counts as "no tests": kill it with an in-process test.
"""

from __future__ import annotations

import argparse
import collections
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# Files the tests read besides the package and the tests themselves.
ALSO_COPY = ["docs", "README.md", "sample_config.toml", "benchmarks", "tools"]
_RESULT = re.compile(r"^\s*(?P<name>[\w.]+__mutmut_\d+): (?P<status>.+)$")


def _tracked_files() -> list[str]:
    listing = subprocess.run(
        ["git", "ls-files", "-z"], cwd=REPO, check=True, capture_output=True
    ).stdout
    return [name for name in listing.decode().split("\0") if name]


def _scratch_copy() -> Path:
    scratch = Path(tempfile.mkdtemp(prefix="intake-tui-mutation-"))
    for name in _tracked_files():
        source = REPO / name
        if source.is_file():
            target = scratch / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    return scratch


def _toml_list(items: list[str]) -> str:
    return "[" + ", ".join(f'"{item}"' for item in items) + "]"


def _configure(scratch: Path, modules: list[str], tests: list[str]) -> None:
    package = sorted(str(p.relative_to(scratch)) for p in (scratch / "src").rglob("*.py"))
    keep = {str(Path(m)) for m in modules}
    unknown = keep - set(package)
    if unknown:
        raise SystemExit(f"not a module of the package: {', '.join(sorted(unknown))}")
    frozen = [path for path in package if path not in keep]
    table = (
        "\n[tool.mutmut]\n"
        'source_paths = ["src/"]\n'
        f"do_not_mutate = {_toml_list(frozen)}\n"
        f"also_copy = {_toml_list(ALSO_COPY)}\n"
        f"pytest_add_cli_args_test_selection = {_toml_list(tests)}\n"
        'pytest_add_cli_args = ["-q", "-p", "no:cacheprovider", "-x"]\n'
    )
    pyproject = scratch / "pyproject.toml"
    pyproject.write_text(pyproject.read_text(encoding="utf-8") + table, encoding="utf-8")


def _module_of(mutant: str) -> str:
    dotted = mutant.split("__mutmut_")[0]
    return dotted.rsplit(".", 1)[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="+", help="source files to mutate (src/intake_tui/…)")
    parser.add_argument("--tests", nargs="+", required=True, help="test files or folders to run")
    parser.add_argument("--max-children", type=int, default=2)
    args = parser.parse_args()

    mutmut = Path(sys.executable).parent / "mutmut"
    if not mutmut.exists():
        raise SystemExit("mutmut is not installed: .venv/bin/pip install -e '.[mutation]'")
    scratch = _scratch_copy()
    _configure(scratch, args.modules, args.tests)
    mutated_tree = scratch / "mutants" / "src"
    # The folder must exist before Python starts, or the import system caches it as absent.
    mutated_tree.mkdir(parents=True)
    env = dict(os.environ, PYTHONPATH=str(mutated_tree))
    run = [str(mutmut), "run", "--max-children", str(args.max_children)]
    subprocess.run(run, cwd=scratch, env=env, check=False, stdout=subprocess.DEVNULL)
    listing = subprocess.run(
        [str(mutmut), "results", "--all", "true"],
        cwd=scratch,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    ).stdout

    counts: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    survivors: list[str] = []
    for line in listing.splitlines():
        found = _RESULT.match(line)
        if not found:
            continue
        status = found["status"].strip()
        counts[_module_of(found["name"])][status] += 1
        if status == "survived":
            survivors.append(found["name"])
    for module, tally in sorted(counts.items()):
        total = sum(tally.values())
        killed = tally["killed"] + tally["timeout"]
        details = ", ".join(f"{n} {status}" for status, n in sorted(tally.items()))
        print(f"{module}: {killed}/{total} killed ({details})")
    for name in survivors:
        print(f"survived: {name}")
    print(f"scratch copy (for `mutmut show NAME`): {scratch}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
