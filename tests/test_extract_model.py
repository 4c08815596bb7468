"""graphkit extract --model: a scripted model registered through llm's plugin mechanism."""

from __future__ import annotations

import json
from typing import ClassVar

import pytest

llm = pytest.importorskip("llm")  # graphkit[llm]; part of graphkit[test]

from graphkit.extract import extract_edge_set
from graphkit.extract.model import parse_reply

TEXT = "Canada accused Mexico of dumping steel. Mexico praised Canada for its patience.\n"
REPLY = {"rows": []}


class Scripted(llm.Model):
    """Answers every prompt with REPLY["rows"] as JSON, and remembers the prompt."""

    model_id = "graphkit-scripted"
    prompts: ClassVar[list[str]] = []

    def execute(self, prompt, stream, response, conversation):
        Scripted.prompts.append(prompt.prompt)
        yield "Sure, here are the rows:\n```json\n" + json.dumps(REPLY["rows"]) + "\n```"


class ScriptedPlugin:
    @llm.hookimpl
    def register_models(self, register):
        register(Scripted())


@pytest.fixture
def scripted():
    from llm.plugins import pm

    pm.register(ScriptedPlugin(), name="graphkit-scripted-plugin")
    yield REPLY
    pm.unregister(name="graphkit-scripted-plugin")
    REPLY["rows"] = []


def row(source, target, quote, cameo="", action="", weight=None):
    out = {"source": source, "target": target, "cameo": cameo, "action": action, "quote": quote}
    if weight is not None:
        out["weight"] = weight
    return out


def test_rows_kept_only_when_checked(scripted):
    scripted["rows"] = [
        row("Canada", "Mexico", "Canada accused Mexico of dumping steel", cameo="112", weight=9),  # kept
        row("Ottawa", "Mexico", "Canada  accused Mexico of dumping steel", cameo="112"),  # the same row again
        row("Mexico", "Canada", "Mexico praised Canada", cameo="51"),  # 51 -> 051, kept
        row("Mexico", "Canada", "Mexico thanked Canada warmly", cameo="051"),  # quote not in text
        row("Mexico", "Brazil", "Mexico praised Canada", cameo="051"),  # Brazil not named in the text
        row("Mexico", "Canada", "Mexico praised Canada", cameo="999"),  # unknown code
        row("Canada", "Canada", "Canada accused Mexico", cameo="112"),  # same actor
        row(
            "Mexico", "Canada", "Mexico praised Canada for its patience", action="concession"
        ),  # taxonomy action
    ]
    result = extract_edge_set(TEXT, model="graphkit-scripted")
    edges = result.edge_set.edges
    assert edges[["source", "target", "action", "cameo", "quote"]].values.tolist() == [
        ["CAN", "MEX", "cameo_112", "112", "Canada accused Mexico of dumping steel"],
        ["MEX", "CAN", "cameo_051", "051", "Mexico praised Canada"],
        ["MEX", "CAN", "concession", "080", "Mexico praised Canada for its patience"],
    ]
    # weights from the codes (112 -> -2.0, 051 -> +3.4, concession 080 -> +5.0), never the model's 9
    assert edges["weight"].tolist() == [-2.0, 3.4, 5.0]
    assert set(edges["rule"]) == {"model:graphkit-scripted"} and set(edges["status"]) == {"draft"}
    assert edges["confidence"].tolist() == [0.6, 0.6, 0.6]
    assert result.dropped == [  # row 2 is row 1 again, kept once
        "row 4: quote not found in the text",
        "row 5: actor not named in the text, or not in the gazetteer",
        "row 6: unknown CAMEO code or action",
        "row 7: source and target are the same actor",
    ]
    assert "Canada accused Mexico of dumping steel." in Scripted.prompts[-1]


def test_unknown_model_names_the_parameter():
    from graphkit.errors import ArgumentError

    with pytest.raises(ArgumentError, match="model 'no-such-model-xyz'"):
        extract_edge_set(TEXT, model="no-such-model-xyz")


def test_reply_without_json_is_an_error(scripted):
    from graphkit.errors import GraphkitError

    with pytest.raises(GraphkitError, match="no JSON array"):
        parse_reply("I cannot help with that.")


def test_cli_model_option(scripted, tmp_path):
    from click.testing import CliRunner

    from graphkit.cli import main

    scripted["rows"] = [row("Canada", "Mexico", "Canada accused Mexico of dumping steel", cameo="112")]
    text = tmp_path / "article.txt"
    text.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(
        main, ["extract", str(text), "-o", str(tmp_path / "draft"), "--model", "graphkit-scripted"]
    )
    assert result.exit_code == 0, result.output
    edges = (tmp_path / "draft" / "edges.csv").read_text(encoding="utf-8").splitlines()
    assert (
        edges[1]
        == "x001,CAN,MEX,cameo_112,,112,,,Canada accused Mexico of dumping steel,0.60,model:graphkit-scripted,draft"
    )
