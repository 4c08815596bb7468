"""Model-assisted drafting through the ``llm`` library: the model proposes, graphkit checks.

The model is asked for rows with verbatim quotes. graphkit keeps a row only when its
quote is in the text, both actors map through the gazetteer to actors the text names,
and its CAMEO code (or taxonomy action) is known; weights come from the code or the
taxonomy, never from the model. Quality depends on the model.
"""

from __future__ import annotations

import json
import re

from ..actions import action_defaults, goldstein
from ..errors import ArgumentError, GraphkitError
from ..io.text import normalize_ws
from .gazetteer import Gazetteer
from .rules_alg import Draft

__all__ = ["PROMPT", "extract_with_model", "parse_reply"]

MODEL_CONFIDENCE = 0.6  # quote verified and actors named in it
MODEL_CONFIDENCE_WEAK = 0.4  # quote verified, but an actor is not named in the quote itself

PROMPT = """You code international relations events from a text, for a human reviewer.
List every act that one actor (a state, bloc, institution or company) takes towards another,
as the text alleges it. Rules:
- Copy the quote EXACTLY from the text (a short phrase or clause that carries the act).
- Use actor names as written in the text (e.g. "Beijing", "the European Commission").
- Give a CAMEO event code (a string with leading zeros, e.g. "112" accuse, "051" praise,
  "1312" threaten with sanctions, "163" impose embargo or sanctions, "042" make a visit,
  "057" sign formal agreement, "100" demand, "020" appeal), or one of these actions: {actions}.
- Do not code negated acts ("did not summon"). What an actor says should happen
  ("X said Y should impose tariffs") is a statement by X: code "010" towards the actor it is about;
  a threat, demand or appeal is coded as such (13x, 10x, 02x).
- One row per act and per target.
Answer with a JSON array only, each element {{"source": ..., "target": ..., "cameo": ...,
"action": ..., "quote": ...}}.

TEXT:
{text}
"""


def _load_model(name: str):
    if not name.strip():  # llm.get_model("") is llm's default model, a remote one: never by accident
        raise ArgumentError(
            "model", "is empty: name a model (see 'llm models list'), or leave it out for the offline rules"
        )
    try:
        import llm
    except ImportError as err:
        raise GraphkitError("model: needs the llm library: pip install 'graphkit[llm]'") from err
    try:
        return llm.get_model(name)
    except llm.UnknownModelError as err:
        raise ArgumentError("model", f"{name!r} is not a model llm knows: see 'llm models list'") from err


def _ask(name: str, prompt: str) -> str:
    """The model's reply; any failure of the model or its service (no key, no network,
    a quota) is one line naming the model, not an internal error."""
    model = _load_model(name)
    import llm

    try:
        return model.prompt(prompt).text()
    except llm.NeedsKeyException as err:
        raise GraphkitError(f"model {name!r} needs a key: {err}") from err
    except Exception as err:  # a remote service fails in many ways (httpx, openai, quota errors)
        text = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise GraphkitError(f"model {name!r} failed: {text}") from err


def parse_reply(reply: str) -> list[dict]:
    """The JSON array of rows in a model's reply (code fences and text around it ignored).

    >>> parse_reply('Here:\\n```json\\n[{"source": "Canada"}]\\n```')
    [{'source': 'Canada'}]
    """
    start, end = reply.find("["), reply.rfind("]")
    if start < 0 or end < start:
        raise GraphkitError("model: the reply holds no JSON array of rows; try another model")
    try:
        rows = json.loads(reply[start : end + 1])
    except json.JSONDecodeError as err:
        raise GraphkitError(f"model: the reply's JSON does not parse ({err.msg}); try another model") from err
    if not isinstance(rows, list):
        raise GraphkitError("model: the reply is not a JSON array of rows; try another model")
    return [row for row in rows if isinstance(row, dict)]


def _actor(name: object, gazetteer: Gazetteer, named: set[str]) -> str | None:
    """The actor id for a name the model wrote, if the gazetteer knows it and the text names it."""
    if not isinstance(name, str) or not name.strip():
        return None
    name = name.strip()
    entry = gazetteer.entries.get(name) or gazetteer.entries.get(
        re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)
    )
    if entry is not None and entry[0]:
        actor = entry[0]
    elif name in named:
        actor = name  # the model wrote an actor id
    else:
        found = {m.actor for m in gazetteer.find(name)}
        if len(found) != 1:
            return None
        actor = found.pop()
    return actor if actor in named else None


def _code(row: dict) -> tuple[str, str] | None:
    """(action, cameo) from the model's action and code; None when neither is known."""
    codes, actions = goldstein(), action_defaults()
    action = str(row.get("action") or "").strip()
    cameo = str(row.get("cameo") or "").strip()
    if cameo and cameo not in codes and "0" + cameo in codes:
        cameo = "0" + cameo
    if cameo and cameo not in codes:
        return None
    if action in actions:
        return action, cameo
    if not cameo:
        return None
    slug = re.sub(r"[^a-z0-9]+", "_", action.lower()).strip("_")
    return slug or f"cameo_{cameo}", cameo


def extract_with_model(text: str, model: str, gazetteer: Gazetteer) -> tuple[list[Draft], list[str]]:
    """Rows proposed by the llm model ``model`` and kept after graphkit's checks, and why
    each refused row was refused."""
    reply = _ask(model, PROMPT.format(actions=", ".join(action_defaults()), text=text))
    haystack = normalize_ws(text)
    named = {m.actor for m in gazetteer.find(text)}
    kept: list[Draft] = []
    dropped: list[str] = []
    for number, row in enumerate(parse_reply(reply), start=1):
        quote = normalize_ws(str(row.get("quote") or ""))
        if not quote or quote not in haystack:
            dropped.append(f"row {number}: quote not found in the text")
            continue
        source, target = (
            _actor(row.get("source"), gazetteer, named),
            _actor(row.get("target"), gazetteer, named),
        )
        if source is None or target is None:
            dropped.append(f"row {number}: actor not named in the text, or not in the gazetteer")
            continue
        if source == target:
            dropped.append(f"row {number}: source and target are the same actor")
            continue
        code = _code(row)
        if code is None:
            dropped.append(f"row {number}: unknown CAMEO code or action")
            continue
        in_quote = {m.actor for m in gazetteer.find(quote)}
        confidence = MODEL_CONFIDENCE if {source, target} <= in_quote else MODEL_CONFIDENCE_WEAK
        draft = Draft(source, target, code[0], code[1], quote, confidence, f"model:{model}")
        if draft not in kept:
            kept.append(draft)
    return kept, dropped
