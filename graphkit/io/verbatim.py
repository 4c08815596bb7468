"""Which of many quotes stand verbatim (white space aside) in one text, found at once.

White space is normalised as :func:`graphkit.io.text.normalize_ws` does (runs of Python's white
space become one space, none at either end), in arrow, on the text and on every
quote. Then, in bytes (UTF-8 is self-synchronising, so a byte match of two valid
strings is a character match):

- A quote with a space in it continues, after that space, at a *word start* of
  the text (a byte after a space). Every such place in a quote with 16 bytes or
  more after it is an *anchor*; the text's 16 bytes at each of its word starts
  are keyed once (one integer per word start, sorted). Each quote takes its
  anchor that is rarest in the text (an anchor found nowhere settles it: not
  found), and only the places where that anchor stands are compared with the
  whole quote, eight bytes at a time, in numpy.
- A quote whose anchors are shorter is anchored the same way on its first word
  start, on as many bytes as it has left there; a quote without a space (a word
  or part of one) is looked up with ``in``, one search of the text each.

The cost is one pass over the text's word starts, a sort of their keys, and work
proportional to the quotes' total size, instead of one search of the text per
quote. A quote compared at more than ``CANDIDATE_LIMIT`` places (its every
anchor stands that often: a text that repeats itself) falls back to ``in``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

__all__ = ["CANDIDATE_LIMIT", "found_verbatim"]

#: Places a quote is compared at before it is looked up with one search instead.
CANDIDATE_LIMIT = 256
_KEY = 16
_MIX = np.uint64(0x9E3779B97F4A7C15)
_MIX2 = np.uint64(0xBF58476D1CE4E5B9)
# exactly the characters for which str.isspace() holds (what str.split() splits on), but
# the space; a run of them that is not one plain space is what normalising replaces
_OTHER = (
    "\\t\\n\\x{0b}\\x{0c}\\r\\x{1c}-\\x{1f}\\x{85}\\x{a0}\\x{1680}\\x{2000}-\\x{200a}"
    "\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}"
)
_RUN = f"[ {_OTHER}]*(?:[{_OTHER}]|  )[ {_OTHER}]*"
_STEP = 1 << 20  # words compared per block: about 60 MB of temporary arrays


def _normalised(values: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(bytes of every value after normalising, padded with zeros; starts; ends)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if isinstance(values, (pa.Array, pa.ChunkedArray)):  # a column from arrow or DuckDB: no list of str
        array = values.cast(pa.large_string())
    else:
        array = pa.array(values, type=pa.large_string())
    array = pc.utf8_trim(pc.replace_substring_regex(array, _RUN, " "), " ")
    if isinstance(array, pa.ChunkedArray):
        array = array.combine_chunks()
    offsets = np.frombuffer(array.buffers()[1], dtype=np.int64)[array.offset : array.offset + len(array) + 1]
    data = array.buffers()[2]
    body = np.frombuffer(data, dtype=np.uint8) if data is not None else np.zeros(0, dtype=np.uint8)
    padded = np.zeros(int(offsets[-1]) + 2 * _KEY, dtype=np.uint8)
    padded[: offsets[-1] - offsets[0]] = body[offsets[0] : offsets[-1]]
    return padded, offsets[:-1] - offsets[0], offsets[1:] - offsets[0]


def _words(buffer: np.ndarray) -> np.ndarray:
    """Every (unaligned) 8 bytes of ``buffer`` as a little-endian integer, without a copy."""
    return np.ndarray((len(buffer) - 7,), dtype="<u8", buffer=buffer, offset=0, strides=(1,))


def _masks(length: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Masks keeping the first ``length`` (0..16) bytes of two little-endian words."""
    first = np.minimum(length, 8).astype(np.uint64) * np.uint64(8)
    second = np.clip(length - 8, 0, 8).astype(np.uint64) * np.uint64(8)
    full = np.uint64(0xFFFFFFFFFFFFFFFF)

    def mask(bits: np.ndarray) -> np.ndarray:
        # a shift by 64 is undefined: a full word is masked by all ones
        return np.where(bits >= 64, full, (np.uint64(1) << np.minimum(bits, 63)) - np.uint64(1))

    return mask(first), mask(second)


def _keys(words: np.ndarray, at: np.ndarray, length: int) -> np.ndarray:
    """A 64-bit hash of the ``length`` bytes at each of ``at`` (equal bytes, equal hashes)."""
    first, second = _masks(np.asarray(length, dtype=np.int64))
    out = np.empty(len(at), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for begin in range(0, len(at), _STEP):  # in blocks: a few arrays of 8 MB at a time
            part = at[begin : begin + _STEP]
            out[begin : begin + _STEP] = ((words[part] & first) * _MIX ^ (words[part + 8] & second)) * _MIX2
    return out


class _Index:
    """The text's word starts by the hash of the ``length`` bytes there: one sorted
    array of integers, each a hash's high bits above a word start's position (a
    sort in place, no second array), so that looking a hash up gives the places."""

    def __init__(self, words: np.ndarray, starts: np.ndarray, length: int, size: int):
        self.bits = max(32, int(size).bit_length())
        self.low = np.uint64((1 << self.bits) - 1)
        self.length = length
        packed = _keys(words, starts, length)
        packed >>= np.uint64(self.bits)
        packed <<= np.uint64(self.bits)
        packed |= starts.astype(np.uint64)
        packed.sort()
        self.packed = packed

    def ranges(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Where the places of each hash are in ``packed``: [low, high). The hashes are
        looked up in order (a search resumes where the last ended: fewer cache misses)."""
        high_bits = keys >> np.uint64(self.bits) << np.uint64(self.bits)
        order = np.argsort(high_bits)
        low, high = np.empty(len(keys), dtype=np.int64), np.empty(len(keys), dtype=np.int64)
        low[order] = np.searchsorted(self.packed, high_bits[order], side="left")
        high[order] = np.searchsorted(self.packed, high_bits[order] | self.low, side="right")
        return low, high

    def places(self, index: np.ndarray) -> np.ndarray:
        return (self.packed[index] & self.low).astype(np.int64)


def _same(
    text: np.ndarray, quotes: np.ndarray, at: np.ndarray, start: np.ndarray, length: np.ndarray
) -> np.ndarray:
    """True where the text's bytes at ``at`` equal the quote bytes at ``start`` (``length`` each)."""
    count = (length + 7) // 8
    result = np.ones(len(at), dtype=bool)
    ends = np.cumsum(count)
    first = 0
    while first < len(at):
        last = int(np.searchsorted(ends, ends[first - 1] + _STEP if first else _STEP, side="right"))
        last = max(last, first + 1)
        part = slice(first, last)
        n = count[part]
        owner = np.repeat(np.arange(first, last), n)
        step = np.arange(int(n.sum())) - np.repeat(np.cumsum(n) - n, n)
        left = length[owner] - 8 * step
        equal = text[at[owner] + 8 * step] == quotes[start[owner] + 8 * step]
        tail = np.flatnonzero(left < 8)  # a quote's last, partial word: its bytes only
        mask = _masks(left[tail])[0]
        equal[tail] = (text[at[owner[tail]] + 8 * step[tail]] & mask) == (
            quotes[start[owner[tail]] + 8 * step[tail]] & mask
        )
        result[part] = np.bincount(owner - first, weights=~equal, minlength=last - first) == 0
        first = last
    return result


def _firsts(sorted_values: np.ndarray) -> np.ndarray:
    """Where each run of equal values in ``sorted_values`` begins."""
    return (
        np.flatnonzero(np.r_[True, sorted_values[1:] != sorted_values[:-1]])
        if len(sorted_values)
        else sorted_values
    )


def found_verbatim(text: str, quotes: Sequence[str]) -> np.ndarray:
    """For each quote, whether it stands in ``text`` verbatim, white space aside (an
    empty quote does). Equal to ``normalize_ws(q) in normalize_ws(text)``. ``quotes``
    may be a pyarrow string array (no null)."""
    if not len(quotes):
        return np.zeros(0, dtype=bool)
    buffer, _, text_ends = _normalised([text])
    size = int(text_ends[0])
    qbuffer, qstart, qend = _normalised(quotes)
    words, qwords = _words(buffer), _words(qbuffer)
    length = qend - qstart
    found = length == 0
    fallback: list[np.ndarray] = []  # quotes looked up with one search each

    def compare(index: _Index, quote: np.ndarray, anchor: np.ndarray, keys: np.ndarray, low=None, high=None):
        """Compare each quote with the text wherever its anchor's hash stands."""
        if low is None:
            low, high = index.ranges(keys)
        many = high - low > CANDIDATE_LIMIT
        fallback.append(quote[many])
        keep = ~many & (high > low)  # an anchor that stands nowhere: not found, nothing to compare
        quote, anchor, low, high = quote[keep], anchor[keep], low[keep], high[keep]
        n = high - low
        rows = np.repeat(np.arange(len(quote)), n)
        at = index.places(np.repeat(low - np.cumsum(n) + n, n) + np.arange(int(n.sum())))
        at -= (anchor - qstart[quote])[rows]
        quote = quote[rows]
        fits = (at >= 0) & (at + length[quote] <= size)
        quote, at = quote[fits], at[fits]
        found[quote[_same(words, qwords, at, qstart[quote], length[quote])]] = True

    # word starts of the text, and the anchors of the quotes (a byte after a space)
    starts = np.flatnonzero(buffer[:size] == 32) + 1
    first_anchor = np.full(len(quotes), -1, dtype=np.int64)
    index = None
    batch = 1 << 18  # quotes at a time: bounds the anchors' arrays
    for begin in range(0, len(quotes), batch):
        stop = min(begin + batch, len(quotes))
        base = int(qstart[begin])
        anchors = np.flatnonzero(qbuffer[base : int(qend[stop - 1])] == 32) + (base + 1)
        owner = np.searchsorted(qstart, anchors, side="right") - 1
        if len(anchors):
            firsts = _firsts(owner)
            first_anchor[owner[firsts]] = anchors[firsts]  # each quote's first word start
        long = qend[owner] - anchors >= _KEY
        if not long.any():
            continue
        if index is None:
            index = _Index(words, starts, _KEY, size)
        quote, anchor = owner[long], anchors[long]
        del anchors, owner
        # up to four anchors spread over each quote; the one rarest in the text is compared
        first = _firsts(quote)
        count = np.diff(np.append(first, len(quote)))
        spread = (first[:, None] + (count[:, None] - 1) * np.arange(4) // 3).ravel()
        spread = spread[np.r_[True, spread[1:] != spread[:-1]]]  # ascending already
        quote, anchor = quote[spread], anchor[spread]
        keys = _keys(qwords, anchor, _KEY)
        low, high = index.ranges(keys)
        pick = np.lexsort((high - low, quote))
        rarest = pick[np.r_[True, quote[pick][1:] != quote[pick][:-1]]]
        compare(index, quote[rarest], anchor[rarest], keys[rarest], low[rarest], high[rarest])
        first_anchor[quote] = -2  # settled by a long anchor
    index = None

    # quotes whose anchors are all short: their first anchor, on the bytes it has
    short = ~found & (first_anchor >= 0)
    for size_left in np.unique(qend[short] - first_anchor[short]).tolist():
        group = np.flatnonzero(short & (qend - first_anchor == size_left))
        index = _Index(words, starts, size_left, size)
        compare(index, group, first_anchor[group], _keys(qwords, first_anchor[group], size_left))

    text_bytes = None
    rest = np.flatnonzero(~found & (first_anchor == -1) & (length > 0))  # no space in the quote
    for one in np.unique(np.concatenate([rest, *fallback])).tolist():
        if text_bytes is None:
            text_bytes = buffer[:size].tobytes()
        found[one] = qbuffer[qstart[one] : qend[one]].tobytes() in text_bytes
    return found
