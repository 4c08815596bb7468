"""Actor names in running text: the gazetteer of aliases and the search for mentions."""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import cached_property
from importlib import resources
from pathlib import Path

from ..checks import require_path
from ..errors import EdgeSetError, Problem, use_one_of
from ..schema import ACTOR_KINDS, ID_CONTROL

__all__ = ["ROLES", "Gazetteer", "Mention", "load_gazetteer", "role_name", "with_full_names", "with_roles"]

GAZETTEER_COLUMNS = ("alias", "actor", "kind")
# a word before a mention that makes it part of a prepositional phrase, not a subject
PREPOSITIONS = frozenset(
    [
        "in",
        "at",
        "to",
        "from",
        "with",
        "on",
        "against",
        "for",
        "of",
        "by",
        "over",
        "into",
        "toward",
        "towards",
        "after",
        "near",
        "between",
        "about",
        "than",
        "like",
        "within",
        "across",
        "under",
        "through",
        "without",
        "via",
        "amid",
        "despite",
        "behind",
        "beyond",
        "among",
        "upon",
        "onto",
    ]
)


# "the government in Skopje", "officials in Islamabad": a seat of power names its state, the
# actor itself (subject or target), never a place where something happens
_SEAT_OF = re.compile(
    r"\b(?:government|authorities|officials|regime|administration|leadership|rulers|junta|ministry)"
    r"\s+in\s+(?:the\s+)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Mention:
    """One actor named in the text: ``text[start:end]`` is the alias as written."""

    start: int
    end: int
    actor: str
    kind: str
    alias: str
    possessive: bool
    preposition: str  # the preposition the mention follows ("in", "against"), "" when none

    @property
    def after_preposition(self) -> bool:
        """True when the mention is the object of a preposition ("to Japan", "against the EU")."""
        return bool(self.preposition)


@dataclass(frozen=True)
class Gazetteer:
    """Aliases (case-sensitive, as written in text) -> (actor id, kind). An alias whose actor
    is empty blocks the shorter aliases inside it ("British Columbia" is not Britain).
    Actor ids follow the codebook (docs/codebook.md, rule 6): ISO 3166 for states, EUR for
    Europe, EEC for the European Union's institutions, NAT for NATO."""

    entries: dict[str, tuple[str, str]]
    display: dict[str, str] = field(default_factory=dict)  # actor id -> the gazetteer's name for it

    @property
    def names(self) -> dict[str, str]:
        """Actor id -> a readable name: the gazetteer's ``name`` column, else the longest alias."""
        names: dict[str, str] = {}
        for alias, (actor, _) in self.entries.items():
            if actor and (actor not in names or len(alias) > len(names[actor])):
                names[actor] = alias
        return {**names, **self.display}

    def kind(self, actor: str) -> str:
        """The kind of ``actor`` (state, bloc, company, ...), ``other`` when unknown."""
        for known, kind in self.entries.values():
            if known == actor:
                return kind
        return "other"

    @cached_property
    def pattern(self) -> re.Pattern:
        """One regular expression for every alias, longest first, on word boundaries."""
        aliases = sorted(self.entries, key=lambda a: (-len(a), a))
        body = "|".join(re.escape(a) for a in aliases)
        return re.compile(rf"(?<![\w-])(?:{body})(?![\w])")

    def find(self, text: str) -> list[Mention]:
        """Every mention in ``text``, longest alias first at each place, left to right."""
        mentions = []
        for match in self.pattern.finditer(text):
            actor, kind = self.entries[match.group(0)]
            if not actor:
                continue
            start, end = match.span()
            possessive = bool(re.match(r"['\u2019]s?\b", text[end : end + 2]))
            # "the"/"its" between a preposition and the name still makes a prepositional phrase
            prep_text = text[max(0, start - 30) : start].lower().split()
            words = [w for w in prep_text[-3:] if w not in ("the", "its", "their", "a", "an")]
            word = words[-1].strip("\"'(") if words else ""
            preposition = word if word in PREPOSITIONS else ""
            if preposition == "in" and _SEAT_OF.search(text, max(0, start - 40), start):
                preposition = ""  # "the government in Skopje": the state, not a place
            mentions.append(Mention(start, end, actor, kind, match.group(0), possessive, preposition))
        return mentions


def _shipped_rows() -> list[dict[str, str]]:
    text = (resources.files("graphkit") / "data" / "gazetteer.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def _country_rows() -> list[tuple[str, str]]:
    """ISO 3166 names from pycountry (name, common and official name, where not inverted with a comma)."""
    import pycountry

    rows = []
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            name = getattr(country, attr, None)
            if name and "," not in name and "(" not in name:
                rows.append((name, country.alpha_3))
    return rows


MAX_GAZETTEER_BYTES = 16 << 20  # a gazetteer of 100,000 aliases is about 4 MB


def _read_user_rows(path: Path) -> list[dict[str, str]]:
    try:
        with path.open("rb") as handle:  # bounded: a gazetteer is read whole into one pattern
            data = handle.read(MAX_GAZETTEER_BYTES + 1)
        if len(data) > MAX_GAZETTEER_BYTES:
            raise EdgeSetError(
                [
                    Problem(
                        str(path),
                        None,
                        f"the gazetteer is larger than {MAX_GAZETTEER_BYTES >> 20} MiB: "
                        "keep only the aliases your texts use",
                    )
                ]
            )
        if b"\x00" in data:
            line = data[: data.index(b"\x00")].count(b"\n") + 1
            raise EdgeSetError(
                [
                    Problem(
                        str(path), line, "binary data (a NUL byte), not text: save the gazetteer as UTF-8 CSV"
                    )
                ]
            )
        text = data.decode("utf-8-sig")
    except OSError as err:
        raise EdgeSetError([Problem(str(path), None, f"cannot read the gazetteer: {err.strerror}")]) from err
    except UnicodeDecodeError as err:
        raise EdgeSetError([Problem(str(path), None, "not UTF-8 text: save the gazetteer as UTF-8")]) from err
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in ("alias", "actor") if c not in (reader.fieldnames or [])]
    if missing:
        raise EdgeSetError(
            [
                Problem(
                    str(path), 1, f"missing column {missing[0]!r}: a gazetteer has alias,actor,kind columns"
                )
            ]
        )
    rows, problems = [], []
    spelt = {_id_key(actor): (actor, "graphkit's own gazetteer") for actor in _known_ids()}
    for line, row in enumerate(reader, start=2):
        alias, kind = (row.get("alias") or "").strip(), (row.get("kind") or "").strip()
        actor = (row.get("actor") or "").strip()
        first, where = spelt.setdefault(_id_key(actor), (actor, f"line {line}"))
        if _CONTROL.search(actor) or _CONTROL.search(alias):
            problems.append(
                Problem(
                    str(path),
                    line,
                    f"{'actor' if _CONTROL.search(actor) else 'alias'} holds a control character: remove it",
                )
            )
        elif actor and actor != first:
            # the draft would hold both spellings, which validate refuses: the fault is here
            problems.append(
                Problem(
                    str(path),
                    line,
                    f"actor {actor!r} differs from {first!r} ({where}) only by case: write {first!r}",
                )
            )
        elif not alias:
            problems.append(
                Problem(str(path), line, "empty 'alias': give the name as it is written in texts")
            )
        elif kind and kind not in ACTOR_KINDS and kind != "ignore":
            problems.append(
                Problem(str(path), line, f"unknown kind {kind!r}: {use_one_of(ACTOR_KINDS)} or ignore")
            )
        rows.append(row)
    if problems:
        raise EdgeSetError(problems)
    return rows


_CONTROL = re.compile(ID_CONTROL)  # as validate refuses in an actor id


def _id_key(actor: str) -> str:
    """An actor id as validate compares spellings: NFC, case folded."""
    return unicodedata.normalize("NFC", actor).casefold()


def _known_ids() -> list[str]:
    """The actor ids graphkit's own gazetteer gives (countries, then data/gazetteer.csv)."""
    ids = dict.fromkeys(code for _, code in _country_rows())
    ids.update(dict.fromkeys((row.get("actor") or "").strip() for row in _shipped_rows()))
    return [actor for actor in ids if actor]


def load_gazetteer(path: str | Path | None = None) -> Gazetteer:
    """The gazetteer: ISO 3166 country names (pycountry), then graphkit's own
    ``data/gazetteer.csv`` (short names, adjectives, capitals, institutions, leaders,
    firms), then the file at ``path`` if given; a later alias replaces an earlier one.

    Parameters
    ----------
    path : str or Path, optional
        A CSV with columns ``alias``, ``actor`` and ``kind`` (state, bloc, company,
        person, other; ``ignore`` with an empty actor blocks an alias), and optionally
        ``name`` (the actor's name in ``actors.csv``).

    Raises
    ------
    EdgeSetError
        When the file cannot be read or a row is malformed (file and line named).
    """
    if path is not None:
        require_path(path, "path")
    entries: dict[str, tuple[str, str]] = {name: (code, "state") for name, code in _country_rows()}
    display: dict[str, str] = {}
    rows = _shipped_rows() + (_read_user_rows(Path(path)) if path is not None else [])
    for row in rows:
        alias = row["alias"].strip()
        actor = (row.get("actor") or "").strip()
        entries[alias] = (actor, (row.get("kind") or "").strip() or ("other" if actor else "ignore"))
        if actor and (row.get("name") or "").strip():
            display[actor] = row["name"].strip()
    return Gazetteer(entries, display)


# The codebook's role codes (rule 6): a state's firms, media, military or legislature act
# under the state's id plus the role ("the Japanese steel company" -> JPNBUS).
ROLES = {
    "BUS": (
        "business",
        "company",
        (
            r"compan(?:y|ies)|firms?|carmakers?|automakers?|exporters?|importers?|producers?|"
            r"manufacturers?|giants?|businesses|industry|chipmakers?|steelmakers?|banks?|"
            r"tankers?|trawlers?|freighters?|cargo\s+ships?|fishing\s+(?:vessels?|boats?|fleets?)|"
            r"hauliers|haulage\s+(?:firms|companies)"
        ),
    ),
    "MED": ("media", "other", r"media|press|newspapers?|broadcasters?|television"),
    "MIL": (
        "military",
        "other",
        # "a Rwandan general" is the army's; "NATO's secretary general" is no soldier
        (
            r"military|army|armies|navy|air\s+force|armed\s+forces|troops|soldiers|forces|units|rangers|"
            r"commanders|marines|warships|fighter\s+jets|warplanes|air\s+defen[cs]es"
            r"|(?<!secretary\s)(?<!attorney\s)(?<!director\s)(?<!consul\s)(?<!inspector\s)generals?"
        ),
    ),
    "LEG": ("legislature", "other", r"parliament|legislature|lawmakers|congress|senate|national\s+assembly"),
}
_ROLE_AFTER = {
    # up to two modifiers between ("the Japanese steel company"), never an article or a verb in
    # -ed: "Estonia detained a tanker" is Estonia acting on a firm, not Estonia's firms
    code: re.compile(
        rf"(?:['\u2019]s|-flagged|-owned)?\s+(?:(?!(?:an?|the|its|their|his|her|this|that)\s)(?![a-z]+(?:ed|ing)\s)"
        r"(?!(?:for|to|of|in|on|at|with|from|by|against|over|into)\s)"
        rf"[a-z][\w-]*\s+){{0,2}}?(?:{words})(?![\w-])"  # "army-led government" is no army
        # "welcomed Canada's firm stand": "firm" as an adjective names no firm
        r"(?!\s+(?:stand|stance|position|response|line|commitment|support|resolve|message|answer|warning|no)\b)"
        # "Niger's military government", "the army junta": the government is the state (rule 5)
        r"(?![\s-]+(?:government|junta|regime|rulers|authorities|administration|leadership)\b)"
    )
    for code, (_, _, words) in ROLES.items()
}


def with_roles(mentions: list[Mention], text: str) -> list[Mention]:
    """``mentions`` read with the text's full names (:func:`with_full_names`), and with a state
    or region named before a role noun turned into that role's actor: "German media" -> DEUMED, "US energy giants" -> USABUS, "the Polish parliament" -> POLLEG."""
    out = []
    for m in with_full_names(mentions):
        if m.kind in ("state", "bloc") and len(m.actor) == 3:
            for code, pattern in _ROLE_AFTER.items():
                if pattern.match(text, m.end):
                    m = replace(m, actor=m.actor + code, kind=ROLES[code][1])
                    break
        out.append(m)
    return _shared_roles(out, text)


# "Thai and Cambodian soldiers": a demonym coordinated with one that takes a role shares it
_DEMONYM = re.compile(r"[A-Z][a-z]*(?:an|ese|i|sh|ch|ek|ic)$")
_AND_BETWEEN = re.compile(r"(?:,\s*|\s+)(?:and|or)\s+|,\s*")


def _shared_roles(mentions: list[Mention], text: str) -> list[Mention]:
    """``mentions`` with a demonym right before "and"/"or" and a mention that took a role code
    given the same role ("Thai and Cambodian soldiers" -> THAMIL and KHMMIL)."""
    out = list(mentions)
    for i in range(len(out) - 2, -1, -1):
        m, n = out[i], out[i + 1]
        code = n.actor[3:]
        if (
            len(m.actor) == 3
            and m.kind == "state"
            and code in ROLES
            and _DEMONYM.fullmatch(m.alias)
            and _AND_BETWEEN.fullmatch(text, m.end, n.start)
        ):
            out[i] = replace(m, actor=m.actor + code, kind=n.kind)
    return out


# a short name two states share ("Congo", "Congolese"): it names whichever of them the text
# names in full (its full name or its capital); with neither, the gazetteer's own reading
_SHARED_SHORT = {"Congo": ("COD", "COG"), "Congolese": ("COD", "COG")}


def with_full_names(mentions: list[Mention]) -> list[Mention]:
    """``mentions`` with each shared short name read as the state the text names in full."""
    full = [m.actor for m in mentions if m.alias not in _SHARED_SHORT and m.actor in ("COD", "COG")]
    if not full:
        return mentions
    return [replace(m, actor=full[0]) if m.alias in _SHARED_SHORT else m for m in mentions]


def role_name(actor: str, names: dict[str, str]) -> str | None:
    """A readable name for a role actor ("JPNBUS" -> "Japan (business)"), None for other ids."""
    base, code = actor[:3], actor[3:]
    if code not in ROLES or base not in names:
        return None
    return f"{names[base]} ({ROLES[code][0]})"
