"""Draft an edge set from a plain text: rule-based and offline, or through an ``llm`` model.

>>> from graphkit.extract import extract_edge_set
>>> extract_edge_set("Japan praised Australia.").edge_set.edges["action"].tolist()
['praise']
"""

from __future__ import annotations

from .draft import ExtractResult, extract_edge_set, write_draft
from .gazetteer import Gazetteer, load_gazetteer

__all__ = ["ExtractResult", "Gazetteer", "extract_edge_set", "load_gazetteer", "write_draft"]
