"""Event data as a record to check claims against: readers for GDELT, ICEWS, POLECAT and edge sets."""

from .form import RECORD_COLUMNS, Record
from .reader import read_record

__all__ = ["RECORD_COLUMNS", "Record", "read_record"]
