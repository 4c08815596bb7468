"""Fuzzing the commands (issue 15): whatever the files and flags, a command ends
with exit status 0, 1 or 2, never a traceback or an internal error, and every
line on stderr is graphkit's: ``graphkit: ...``, ``FILE:LINE: ...`` or one of
the few progress and summary lines the commands print on purpose.

Deterministic (derandomized, a fixed number of examples), so that a failure
shows again on the next run.
"""

from __future__ import annotations

import os
import re
import string
import tempfile
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graphkit.cli import main

# the lines a command prints on stderr on purpose that are neither kinds of message
INFORMATION = [
    r"wrote .*",  # an output written
    r"\d+ problem\(s\) found",  # validate's count
    r".*: valid \(\d+ edges, \d+ actors\)",  # validate's verdict
    r"read \d+ rows from \d+ files?:",  # import-gdelt's summary
    r"kept \d+ events as edges, dropped \d+:",
    r"\s+\d+  .*",  # import-gdelt's summary rows
    r"\.\.\. and \d+ more .*",  # truncated lists
]
MESSAGE = re.compile(r"graphkit: .*|[^\n]*:\d+: .*|[^\n:]+: .*|" + "|".join(INFORMATION))

CELLS = st.one_of(
    st.sampled_from(
        [
            "USA",
            "CAN",
            "CHN",
            "tariff",
            "sanction",
            "cooperation",
            "-3",
            "11",
            "nan",
            "2024",
            "2024-02-30",
            "0000",
            "\u0662\u0660\u0662\u0664",
            "Caf\u00e9",
            "Cafe\u0301",
            "=1+1",
            "",
            " ",
            "key",
            "id",
        ]
    ),
    st.text(alphabet=string.printable + '\x00\x1b\x07\u202e\u00e9"', max_size=12),
)
RANDOM_HEADERS = st.lists(
    st.sampled_from(
        [
            "id",
            "source",
            "target",
            "action",
            "weight",
            "cameo",
            "domain",
            "date",
            "quote",
            "key",
            "",
            "source",
            "extra",
            "u_of_edge",
        ]
    ),
    min_size=1,
    max_size=8,
)
# half the files have the required columns, so that the commands get past validation
HEADERS = st.one_of(
    st.builds(
        lambda extra: ["source", "target", "action", *extra],
        st.lists(st.sampled_from(["weight", "date", "quote", "domain", "id", "key", "note"]), unique=True),
    ),
    RANDOM_HEADERS,
)


# plausible values per column: most rows pass validation, so the commands run past it
VALID = {
    "source": ["USA", "CAN", "CHN", "Caf\u00e9", "Cafe\u0301", "EU"],
    "target": ["USA", "CAN", "CHN", "Caf\u00e9", "RUS"],
    "action": ["tariff", "sanction", "criticism", "cooperation", "meeting"],
    "weight": ["-3", "2.5", "", "-10", "0"],
    "date": ["2024", "2024-02", "2023-12-31", ""],
    "domain": ["trade", "security", ""],
    "quote": ["said so", "=1+1", "a, b", 'he said "no"', "line\nbreak"],
    "id": ["e1", "e2", "e3", "e4"],
}


@st.composite
def csv_files(draw) -> bytes:
    header = draw(HEADERS)
    width = len(header) + draw(st.sampled_from([0, 0, 0, 0, 1, -1]))  # a few rows of the wrong width

    def value(column: str) -> str:
        if column in VALID and draw(st.integers(0, 9)) > 1:
            return draw(st.sampled_from(VALID[column]))
        return draw(CELLS)

    rows = [
        [value(header[i]) if i < len(header) else draw(CELLS) for i in range(max(width, 0))]
        for _ in range(draw(st.sampled_from([3, 1, 2, 5, 8, 0])))
    ]
    quote = draw(st.booleans())

    def cell(text: str) -> str:
        needs = any(c in text for c in ',"\n\r')
        return '"' + text.replace('"', '""') + '"' if needs or (quote and draw(st.booleans())) else text

    lines = [",".join(header)] + [",".join(cell(c) for c in row) for row in rows]
    if draw(st.booleans()):
        lines.insert(draw(st.integers(0, len(lines))), "")  # a blank line
    text = draw(st.sampled_from(["\n", "\n", "\r\n", "\r"])).join(lines) + draw(st.sampled_from(["", "\n"]))
    data = text.encode("utf-8", "surrogatepass")
    if draw(st.integers(0, 9)) == 9 and data:
        at = draw(st.integers(0, len(data) - 1))
        data = data[:at] + draw(st.binary(max_size=4)) + data[at:]  # a few stray bytes
    return data


FLAGS = st.lists(
    st.sampled_from(
        [
            ["--top", "2"],
            ["--top", "0"],
            ["--top", "x"],
            ["--since", "2024"],
            ["--since", "0000"],
            ["--until", "2024-13"],
            ["--domain", "trade"],
            ["--actor", "USA"],
            ["--actor", "Cafe\u0301"],
            ["--format", "csv"],
            ["--format", "json"],
            ["--format", "markdown"],
            ["--safe-csv"],
            ["-o", ""],
            ["-o", "{tmp}/out/"],
            ["-o", "{tmp}/out.txt"],
            ["-o", "{tmp}/set/actors.csv"],
            ["-o", "-"],
        ]
    ),
    max_size=3,
)
FILTERS = {"--since", "--until", "--domain", "--actor", "-o"}
ALLOWED = {
    "strain": FILTERS | {"--top", "--format", "--safe-csv"},
    "centrality": FILTERS | {"--format", "--safe-csv"},
    "export": FILTERS | {"--safe-csv"},
    "render": FILTERS | {"--top"},
    "diff": FILTERS | {"--format", "--safe-csv"},
}
COMMANDS = st.sampled_from(
    [
        ["strain"],
        ["centrality"],
        ["validate"],
        ["export", "--format", "graphml"],
        ["export", "--format", "gexf"],
        ["export", "--format", "json", "--level", "action"],
        ["export", "--format", "csv", "--level", "action"],
        ["render"],
        ["diff", "essay"],
        ["import-gdelt"],
    ]
)


def check(result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in (0, 1, 2), (result.exit_code, result.stderr)
    assert "Traceback" not in result.stderr and "report it" not in result.stderr, result.stderr
    for line in result.stderr.splitlines():
        assert MESSAGE.fullmatch(line), line


@settings(
    max_examples=int(os.environ.get("GRAPHKIT_FUZZ_EXAMPLES", "300")),
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=csv_files(), command=COMMANDS, flags=FLAGS, folder=st.booleans(), stdin=st.booleans())
def test_commands_on_hostile_files_end_in_one_of_three_ways(data, command, flags, folder, stdin):
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "set" / "edges.csv" if folder else Path(tmp) / "edges.csv"
        target.parent.mkdir(exist_ok=True)
        target.write_bytes(data)
        spec = "-" if stdin else str(target.parent if folder else target)
        # mostly flags the command takes (an unknown one is a usage error, also checked)
        takes = ALLOWED.get(command[0], set())
        options = [
            part.format(tmp=tmp)
            for flag in flags
            if flag[0] in takes or flags.index(flag) == 2
            for part in flag
        ]
        if command[0] == "diff":
            args = [*command, spec]
        else:
            args = [command[0], spec, *command[1:]]
        if command[0] in ("validate", "import-gdelt"):
            options = []  # they take no filters
        if command[0] == "render" and "-o" not in options:
            options += ["-o", f"{tmp}/page.html"]
        result = CliRunner().invoke(main, [*args, *options], input=data if stdin else None)
        check(result)
