"""The README and docs/ are correct Markdown, show real output, and keep step with the CLI and CI."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from markdown_it import MarkdownIt

import graphkit as gk
from graphkit.cli import main
from graphkit.cli.docgen import LIBRARY, render_reference

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
DOCS = {path.name: path.read_text(encoding="utf-8") for path in sorted((ROOT / "docs").glob("*.md"))}
PAGES = {"README.md": README, **{f"docs/{name}": text for name, text in DOCS.items()}}


def _cli(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


# --- the set-up commands and CI ---------------------------------------------------


def setup_commands() -> list[str]:
    """The README's set-up commands: the shell blocks of its set-up section."""
    section = README[README.index("## Set-up") :]
    section = section[: section.index("\n## ", 1)]
    return [block.strip() for block in re.findall(r"```sh\n(.*?)\n```", section, re.DOTALL)]


def test_the_readme_has_two_one_line_setup_commands_in_a_venv():
    commands = setup_commands()
    assert len(commands) == 2
    assert all("\n" not in c and c.startswith("python3 -m venv .venv && ") for c in commands)
    assert "graphkit render" in commands[0] and "pytest" in commands[1]


def test_ci_runs_the_readme_commands_in_a_fresh_venv():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert "set -euo pipefail" in ci[:5]  # any failure (pytest's exit 5 too) fails CI
    positions = [ci.index(command) for command in setup_commands()]  # exactly as written
    assert positions == sorted(positions)
    assert ci.index("rm -rf .venv") < positions[0]
    linters = [".venv/bin/ruff check", ".venv/bin/ruff format --check", ".venv/bin/mypy graphkit"]
    assert all(ci.index(line) > positions[-1] for line in linters)
    assert not any("|| true" in line for line in ci)


# --- Markdown that renders as written ---------------------------------------------

CODE_LANGUAGES = {"sh", "console", "python", "bash"}  # where a line may start with '#'


def markdown_problems(text: str) -> list[str]:
    """Unclosed fences, fence openers with prose after them, headings swallowed by a
    code block, as markdown-it (CommonMark) parses ``text``."""
    lines = text.splitlines()
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    problems = []
    headings = {t.map[0] for t in tokens if t.type == "heading_open" and t.map}
    for token in tokens:
        if token.type != "fence" or not token.map:
            continue
        start, end = token.map
        body = lines[start:end]
        closed = len(body) >= 2 and body[-1].strip().startswith(token.markup)
        if not closed:
            problems.append(f"line {start + 1}: code fence never closed")
        if " " in token.info.strip():
            problems.append(f"line {start + 1}: fence opener followed by prose: {token.info.strip()[:40]!r}")
        if token.info.strip() not in CODE_LANGUAGES:
            for offset, line in enumerate(body[1:-1], start + 2):
                if re.match(r"#{1,6} \S", line):
                    problems.append(f"line {offset}: heading inside a code block: {line[:40]!r}")
    in_fence = {i for t in tokens if t.type == "fence" and t.map for i in range(*t.map)}
    for number, line in enumerate(lines):
        if re.match(r"#{1,6} \S", line) and number not in headings and number not in in_fence:
            problems.append(f"line {number + 1}: '#' line that is not a heading: {line[:40]!r}")
    return problems


@pytest.mark.parametrize("name", sorted(PAGES))
def test_markdown_parses_as_written(name):
    assert markdown_problems(PAGES[name]) == []


def test_the_markdown_check_catches_what_it_is_for():
    unclosed = "# Title\n\n```sh\ngraphkit render\n\n## Next\n"
    assert markdown_problems(unclosed) == ["line 3: code fence never closed"]
    prose = "text\n\n``` The library never prints\n## Heading\n```\n"
    assert markdown_problems(prose)[0].startswith("line 3: fence opener followed by prose")
    swallowed = "```\ncode\n## Heading\n```\n"
    assert markdown_problems(swallowed) == ["line 3: heading inside a code block: '## Heading'"]
    assert markdown_problems("# A\n\n```sh\n# a comment\n```\n") == []


@pytest.mark.parametrize("name", sorted(PAGES))
def test_relative_links_point_to_files(name):
    base = ROOT if name == "README.md" else ROOT / "docs"
    for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", PAGES[name]):
        assert (base / target).exists(), f"{name}: broken link {target}"


def test_the_readme_is_short():
    assert len(README.splitlines()) <= 250


def test_the_readme_explains_its_words_before_using_them():
    words = README.index("## Three words first")
    for word in ("strain", "Goldstein", "CAMEO"):
        first_use = min(m.start() for m in re.finditer(word, README, re.IGNORECASE))
        assert first_use > words, word
    assert (ROOT / "docs" / "essay.png").is_file()


# --- the command reference --------------------------------------------------------


def test_the_command_reference_is_generated_from_the_cli():
    # regenerate with: python -m graphkit.cli.docgen > docs/cli.md
    assert DOCS["cli.md"] == render_reference()


def test_every_command_names_the_library_function_it_calls():
    assert sorted(LIBRARY) == sorted(main.commands)
    for function, module in LIBRARY.values():
        name = function.removeprefix("gk.")
        assert name in gk.__all__
        assert f"def {name}(" in (ROOT / module).read_text(encoding="utf-8"), (function, module)


def test_every_command_has_help_with_an_example():
    for name, command in main.commands.items():
        assert command.help and "Example:" in command.help, name


def test_the_api_reference_is_generated_from_the_code():
    from graphkit.cli.apidoc import render_api

    # regenerate with: python -m graphkit.cli.apidoc > docs/api.md
    assert DOCS["api.md"] == render_api()


def test_every_public_name_is_in_the_api_doc():
    missing = [
        name for name in gk.__all__ if not name.startswith("__") and f"`gk.{name}" not in DOCS["api.md"]
    ]
    assert missing == []


# --- examples show today's output -------------------------------------------------


def test_readme_examples_are_real_output(tmp_path, monkeypatch):
    assert _cli("strain", "--top", "5", "--format", "markdown").stdout in README
    centrality_head = "".join(_cli("centrality", "--format", "markdown").stdout.splitlines(keepends=True)[:6])
    assert centrality_head in README
    # essay-recoded is a second coding of the essay's first coding, kept as essay-2025-v1
    diff_head = "".join(_cli("diff", "essay-2025-v1", "essay-recoded").stdout.splitlines(keepends=True)[:4])
    assert f"$ graphkit diff essay-2025-v1 essay-recoded | head -4\n{diff_head}```" in README
    monkeypatch.chdir(tmp_path)
    init = _cli("init", "my-article")
    validate = _cli("validate", "my-article")
    assert (
        f"$ graphkit init my-article\n{init.stderr}$ graphkit validate my-article\n{validate.stderr}```"
        in README
    )
    starter = (ROOT / "graphkit" / "data" / "starter" / "edges.csv").read_text(encoding="utf-8")
    assert f"```csv\n{starter}```" in README


def test_docs_examples_are_real_output(tmp_path, monkeypatch):
    diff = DOCS["diff.md"]
    assert _cli("diff", "essay-2025-v1", "essay-recoded").stdout.strip() in diff
    diff_csv_head = "".join(
        _cli("diff", "essay-2025-v1", "essay-recoded", "--format", "csv").stdout.splitlines(keepends=True)[:6]
    )
    assert diff_csv_head in diff
    assert _cli("taxonomy", "--format", "markdown").stdout in DOCS["format.md"]
    monkeypatch.chdir(tmp_path)
    sample = str(ROOT / "tests" / "data" / "gdelt1_sample_events.tsv")
    assert _cli("import-gdelt", sample, "-o", "gdelt-sample.csv").stderr in DOCS["gdelt.md"]
    gdelt_diff = _cli("diff", "essay", "gdelt-sample.csv", "--format", "markdown").stdout.splitlines()
    assert "\n".join(gdelt_diff[:3]) + "\n...\n" in DOCS["gdelt.md"]
    # the validate example of docs/format.md: its file, then what validate prints
    example = re.search(
        r"\$ cat mycoding.csv\n(.*?)\$ graphkit validate mycoding.csv\n(.*?)```", DOCS["format.md"], re.DOTALL
    )
    Path("mycoding.csv").write_text(example.group(1), encoding="utf-8")
    result = _cli("validate", "mycoding.csv")
    assert result.exit_code == 1
    assert result.stdout + result.stderr == example.group(2)


def test_the_render_docs_minimum_strain_example_holds():
    # docs/render.md: trade plus a minimum strain of N leaves one pair, at its trade strain
    claim = re.search(
        r"with the domain `trade` and a minimum of (\d+), only\s+Canada–United States, (\d+) in trade, stays",
        DOCS["render.md"],
    )
    minimum, strain = int(claim.group(1)), float(claim.group(2))
    table = gk.strain(gk.filter_edges(gk.load_edge_set("essay"), domain="trade"))
    left = table[table["strain"] >= minimum]
    assert left[["actor_a", "actor_b", "strain"]].values.tolist() == [["CAN", "USA", strain]]


def test_no_page_points_to_a_readme_section_that_is_not_there():
    headings = {h.strip().casefold() for h in re.findall(r"^#+ (.*)$", README, re.MULTILINE)}
    for name, text in PAGES.items():
        for section in re.findall(r'README\S*\s+"([^"]+)" section', text):
            assert section.casefold() in headings, (name, section)


def _screenshot_tool():
    import importlib.util

    spec = importlib.util.spec_from_file_location("screenshot", ROOT / "tests" / "tools" / "screenshot.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_essay_picture_shows_what_todays_page_draws():
    # docs/essay.png is shot from the page whose data docs/essay.json holds; when the page
    # changes, retake both with: python tests/tools/screenshot.py
    import hashlib
    import json

    snapshot = json.loads((ROOT / "docs" / "essay.json").read_text(encoding="utf-8"))
    assert snapshot["png_sha256"] == hashlib.sha256((ROOT / "docs" / "essay.png").read_bytes()).hexdigest(), (
        "docs/essay.png is not the picture docs/essay.json was written with: run python tests/tools/screenshot.py"
    )
    today = _screenshot_tool().page_data()
    parts = {"vis_network": "vis-network version", "options": "options", "page": "panels", "nodes": "nodes"}
    for part, what in {**parts, "edges": "edges"}.items():
        assert today[part] == snapshot["page"][part], (
            f"the essay page's {what} changed since docs/essay.png was taken: run python tests/tools/screenshot.py"
        )


def test_the_readmes_robustness_claims_hold():
    import json

    records = json.loads(_cli("robustness", "essay", "essay-2025-v1", "--format", "json").stdout)
    ranks = {(r["actor_a"], r["actor_b"]): r for r in records}
    for rank, pair in enumerate([("KOR", "USA"), ("CAN", "USA"), ("UKR", "USA"), ("JPN", "USA")], start=1):
        assert (ranks[pair]["rank_min"], ranks[pair]["rank_max"], ranks[pair]["robust_top"]) == (
            rank,
            rank,
            True,
        )
    for pair in (("DEU", "USA"), ("MEX", "USA")):  # 8.0 each here (tied 5th), 6th in the first coding
        assert (ranks[pair]["rank_min"], ranks[pair]["rank_max"], ranks[pair]["robust_top"]) == (5, 6, False)
    intensity = json.loads(_cli("strain", "--intensity", "--format", "json").stdout)
    by_pair = {r["actor_a"]: r for r in intensity if r["actor_b"] == "USA"}
    assert (by_pair["KOR"]["strain"], by_pair["KOR"]["hostile"]) == (25.8, 5)
    assert by_pair["CAN"]["mean_hostility"] == 6.8  # (8.0 + 8.0 + 4.4) / 3 hostile acts
    assert by_pair["MEX"]["mean_hostility"] == 8.0  # one tariff, 163
    assert max(r["mean_hostility"] or 0 for r in intensity) == 8.0
