"""Run every `$ graphkit ...` example of README.md and docs/*.md and compare its output with the page.

    python tests/tools/doc_examples.py            # every console block; exit 1 on a mismatch

Each ```console block's `$ ` lines are run by the shell (pipes such as `| head -4`
and `| cut` as written) in a fresh temporary folder that links the checkout's
edges/ and tests/, with the checkout's graphkit first on PATH. An example passes
when every line the page shows after it is in what the command printed (standard
output and error together: a page may show either, and may show a part). One
that names a file the reader makes first (`mycoding.csv`, an event export) says
so and is counted apart, not as a mismatch.

The docs tests (tests/test_docs.py, tests/test_docs_time.py) pin the examples a
newcomer meets first; this runs them all, which takes minutes, so it is a tool and
not a test.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BLOCK = re.compile(r"```console\n(.*?)```", re.DOTALL)
MISSING = ("no such file", "No such file")


def examples(page: Path) -> list[tuple[str, str]]:
    """(command, the lines shown after it) for every `$ ` line of the page's console blocks."""
    found = []
    for block in BLOCK.findall(page.read_text(encoding="utf-8")):
        for part in re.split(r"^\$ ", block, flags=re.MULTILINE)[1:]:
            command, _, shown = part.partition("\n")
            found.append((command, shown))
    return found


def run(command: str, folder: Path) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "PATH": f"{ROOT / '.venv' / 'bin'}{os.pathsep}{os.environ['PATH']}",
        "COLUMNS": "200",
    }
    return subprocess.run(
        command, shell=True, capture_output=True, text=True, env=env, cwd=folder, timeout=600, check=False
    )


def main() -> int:
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    passed, needs_file, wrong = 0, [], []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name in ("edges", "tests", "docs"):
            (folder / name).symlink_to(ROOT / name)
        for page in pages:
            for command, shown in examples(page):
                if not command.lstrip().startswith("graphkit"):
                    continue  # `cat`, `python tests/bench/...`: the reader's own steps
                done = run(re.sub(r"\s+#.*$", "", command), folder)
                printed = done.stdout + done.stderr
                lines = [
                    line.strip() for line in shown.splitlines() if line.strip() and line.strip() != "..."
                ]
                if any(m in printed for m in MISSING) and done.returncode != 0:
                    needs_file.append(f"{page.name}: $ {command}")
                elif all(line in printed for line in lines):
                    passed += 1
                else:
                    missing = next(line for line in lines if line not in printed)
                    wrong.append(f"{page.name}: $ {command}\n    shown, not printed: {missing}")
    print(f"{passed} examples print what the docs show")
    for item in needs_file:
        print(f"needs a file the reader makes first: {item}")
    for item in wrong:
        print(f"MISMATCH {item}")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
