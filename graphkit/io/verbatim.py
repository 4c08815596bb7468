"""Which of many quotes stand verbatim (white space aside) in one text, found at once.

White space is normalised as :func:`graphkit.io.text.normalize_ws` does (runs of Python's white
space become one space, none at either end), in arrow, on the text and on every
quote. Then, in bytes (UTF-8 is self-synchronising, so a byte match of two valid
strings is a character match):

- A quote with a space in it continues, after that space, at a *word start* of
  the text (a byte after a space). Every such place in a quote with 16 bytes or
  more after it is an *anchor*; its *key* is a 64-bit hash of those 16 bytes.
- One pass over the text's word starts counts their keys by *bucket* (the key's
  high bits, about as many buckets as word starts): a bucket's count bounds how
  often any key in it stands in the text. Each quote takes, of four anchors spread
  over it, the one whose bucket is emptiest (an empty bucket settles it: not found).
- A second pass looks each word start's bucket up: where no chosen anchor is, it is
  dropped; where some are, the keys are compared, and where a key is equal the
  whole quote is compared with the text there, eight bytes at a time, in numpy.
- A quote whose anchors are shorter is anchored the same way on its first word
  start, on up to 8 bytes it has left there; a quote without a space (a word
  or part of one) is looked up with ``find``, one search of the text each.

The cost is two passes over the text's word starts, a block at a time (no array of
all of them), a sort of the quotes' chosen anchors, and work proportional to the
quotes' total size, instead of one search of the text per quote. A quote whose
anchors' buckets all hold more than ``CANDIDATE_LIMIT`` word starts (a text that
repeats itself) is looked up with ``find`` instead.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

__all__ = ["CANDIDATE_LIMIT", "found_verbatim"]

#: Word starts an anchor's bucket may hold (a bound on the places its quote is compared
#: at) before the quote is looked up with one search instead.
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
_PAIRS = 1 << 19  # places compared at a time: a few arrays of 4 MB
_BLOCK = 8 << 20  # bytes of text looked at a time
_BITS = 23  # at most 8 million buckets of the text's keys: a count of 16 MB
# str.isspace()'s ASCII characters (\t \n \v \f \r, \x1c to \x1f) made spaces
_SPACES = bytes.maketrans(bytes([9, 10, 11, 12, 13, 28, 29, 30, 31]), b" " * 9)


def _normalised(values: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(bytes of every value after normalising, not copied when normalising leaves them
    alone; starts; ends)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if isinstance(values, (pa.Array, pa.ChunkedArray)):  # a column from arrow or DuckDB: no list of str
        array = values.combine_chunks() if isinstance(values, pa.ChunkedArray) else values
        if not pa.types.is_string(array.type):
            array = array.cast(pa.large_string())
    else:
        array = pa.array(values, type=pa.large_string())
    if not _unchanged(*_body(array)):
        array = pc.utf8_trim(pc.replace_substring_regex(array, _RUN, " "), " ")
        if isinstance(array, pa.ChunkedArray):
            array = array.combine_chunks()
    body, offsets = _body(array)
    return body, offsets[:-1], offsets[1:]


def _body(array) -> tuple[np.ndarray, np.ndarray]:
    """The bytes of a (large) string array's values, and their offsets from 0 (int64)."""
    wide = array.type.equals("large_string")
    offsets = np.frombuffer(array.buffers()[1], dtype=np.int64 if wide else np.int32)
    offsets = offsets[array.offset : array.offset + len(array) + 1].astype(np.int64)
    data = array.buffers()[2]
    body = np.frombuffer(data, dtype=np.uint8) if data is not None else np.zeros(0, dtype=np.uint8)
    body = body[offsets[0] : offsets[-1]]
    return body, offsets - offsets[0]


def _unchanged(body: np.ndarray, offsets: np.ndarray) -> bool:
    """True when normalising changes none of the values: printable ASCII only (so the
    space is their only white space), no value with a space at either end, no two
    spaces in a row. A cheap look at the bytes, spared the regex (quotes from a plain
    CSV file, graphkit.io.plain, are printable ASCII)."""
    if not len(body):
        return True
    if int(body.min()) < 0x20 or int(body.max()) > 0x7E:
        return False
    filled = offsets[:-1] < offsets[1:]
    if np.any(body[offsets[:-1][filled]] == 32) or np.any(body[offsets[1:][filled] - 1] == 32):
        return False
    for begin in range(0, len(body) - 1, _BLOCK):  # in blocks: small temporary arrays
        part = body[begin : begin + _BLOCK + 1]
        if np.any((part[1:] == 32) & (part[:-1] == 32)):
            return False
    return True


def _padded(size: int) -> bytearray:
    """Zeros for a text of ``size`` bytes and the padding read past its end: a bytearray,
    searched with ``find`` without a copy, its bytes an array (``np.frombuffer``)."""
    return bytearray(size + 2 * _KEY)


def _ascii_text(text: bytes) -> tuple[bytearray, int]:
    """An ASCII text normalised (``normalize_ws``: runs of white space to one space, none
    at either end), padded with zeros, and its size: white space made spaces by
    ``bytes.translate``, runs of spaces cut in numpy a block at a time (no regex)."""
    raw = _padded(len(text))
    out = np.frombuffer(raw, dtype=np.uint8)
    size, after_space = 0, True  # white space at the start is dropped
    for begin in range(0, len(text), _BLOCK):  # a block at a time: no second copy of the text
        block = np.frombuffer(text[begin : begin + _BLOCK].translate(_SPACES), dtype=np.uint8)
        space = block == 32
        if (after_space and space[0]) or np.any(space[1:] & space[:-1]):
            keep = ~space
            keep[1:] |= ~space[:-1]  # the first space of a run stays
            keep[0] |= not after_space
            block = block[keep]
        out[size : size + len(block)] = block
        size += len(block)
        after_space = bool(space[-1])
    if size and out[size - 1] == 32:
        size -= 1
        out[size] = 0
    return raw, size


class _Words:
    """Every (unaligned) 8 bytes of a buffer as a little-endian integer, without a copy,
    read at given places; bytes past the buffer's end read as zeros (the quotes' bytes
    are not copied to be padded). A read starts inside the buffer."""

    def __init__(self, buffer: np.ndarray):
        if len(buffer) < _KEY:
            buffer = np.concatenate([buffer, np.zeros(_KEY, dtype=np.uint8)])
        self.words = np.ndarray((len(buffer) - 7,), dtype="<u8", buffer=buffer, offset=0, strides=(1,))
        self.keys = np.ndarray(
            (len(buffer) - _KEY + 1,), dtype=f"V{_KEY}", buffer=buffer, offset=0, strides=(1,)
        )
        self.last = len(buffer) - 8

    def __getitem__(self, at: np.ndarray) -> np.ndarray:
        if not at.size or int(at.max()) <= self.last:
            return self.words[at]
        over = np.maximum(at - self.last, 0).astype(np.uint64) * np.uint64(8)
        return self.words[np.minimum(at, self.last)] >> over

    def two(self, at: np.ndarray) -> np.ndarray:
        """The two words (16 bytes, inside the buffer) at each of ``at``, a row each: one
        gather of 16-byte items, not two of 8."""
        return self.keys[at].view("<u8").reshape(-1, 2)


def _mask(length: np.ndarray) -> np.ndarray:
    """Masks keeping the first ``length`` (0..8: 8 or more keeps all) bytes of a little-endian word."""
    bits = np.clip(length, 0, 8).astype(np.uint64) * np.uint64(8)
    # a shift by 64 is undefined: a full word is masked by all ones
    full = np.uint64(0xFFFFFFFFFFFFFFFF)
    return np.where(bits >= 64, full, (np.uint64(1) << np.minimum(bits, np.uint64(63))) - np.uint64(1))


def _keys(words: _Words, at: np.ndarray, length: int) -> np.ndarray:
    """A 64-bit hash of the ``length`` (1 to 8, or 16) bytes at each of ``at`` (equal
    bytes, equal hashes)."""
    with np.errstate(over="ignore"):
        if length == _KEY:
            two = words.two(at)
            out = two[:, 0] * _MIX
            out ^= two[:, 1]
        else:
            out = words[at]
            if length < 8:
                out &= _mask(np.int64(length))
            out *= _MIX
        out *= _MIX2
    return out


def _word_starts(buffer: np.ndarray, size: int):
    """The text's word starts (each byte after a space), a block of the text at a time."""
    for begin in range(0, size, _BLOCK):
        yield np.flatnonzero(buffer[begin : min(begin + _BLOCK, size)] == 32) + (begin + 1)


class _Buckets:
    """The text's word starts counted by bucket: the high bits of the hash of the
    ``length`` bytes there. A bucket's count bounds how often any key in it stands in
    the text (at ``CANDIDATE_LIMIT + 1``: more is all a quote needs to know)."""

    def __init__(self, words: _Words, buffer: np.ndarray, size: int, length: int):
        self.bits = min(_BITS, max(10, (size >> 3).bit_length()))
        self.shift = np.uint64(64 - self.bits)
        self.length = length
        count = np.zeros(1 << self.bits, dtype=np.int64)
        held: list[np.ndarray] = []  # buckets counted a few blocks at a time: fewer sums of the table
        for starts in _word_starts(buffer, size):
            held.append(self.of(_keys(words, starts, length)))
            if sum(map(len, held)) >= len(count) // 2:
                count += np.bincount(np.concatenate(held), minlength=len(count))
                held.clear()
        if held:
            count += np.bincount(np.concatenate(held), minlength=len(count))
        self.count = np.minimum(count, CANDIDATE_LIMIT + 1).astype(np.uint16)

    def of(self, keys: np.ndarray) -> np.ndarray:
        return (keys >> self.shift).astype(np.intp)


def _same(text: _Words, quotes: _Words, at: np.ndarray, start: np.ndarray, length: np.ndarray) -> np.ndarray:
    """True where the text's bytes at ``at`` equal the quote bytes at ``start`` (``length``
    each): eight bytes at a time, the pairs of as many words at once (a row of words each)."""
    words = (length + 7) // 8
    order = np.argsort(words, kind="stable")
    bounds = np.searchsorted(words[order], np.arange(int(words.max(initial=0)) + 2)).tolist()
    result = np.ones(len(at), dtype=bool)
    for count in range(1, len(bounds) - 1):
        group = order[bounds[count] : bounds[count + 1]]
        step = max(1, _PAIRS // count)
        for begin in range(0, len(group), step):  # a few at a time: bounded arrays
            part = group[begin : begin + step]
            columns = np.arange(0, 8 * count, 8)
            diff = text[at[part, None] + columns] ^ quotes[start[part, None] + columns]
            diff[:, -1] &= _mask(length[part] - 8 * (count - 1))  # the last word: its bytes only
            result[part] = ~diff.any(axis=1)
    return result


class _Anchors:
    """The anchors chosen for some quotes: for each, the quote and the anchor's offset
    into it; and ``packed``, sorted, each anchor's key with its low bits replaced by its
    place in those arrays (so ordered by bucket, with no sort of a second array), and
    where each bucket begins in it."""

    def __init__(self, buckets: _Buckets, parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]]):
        self.quote, self.offset, packed = (np.concatenate(arrays) for arrays in zip(*parts))
        parts.clear()  # no second copy of the anchors
        self.bits = max(1, len(packed).bit_length())  # under 41: the bucket's high bits stay
        self.low = np.uint64((1 << self.bits) - 1)
        packed &= ~self.low
        packed |= np.arange(len(packed), dtype=np.uint64)
        packed.sort()
        self.packed = packed
        counts = np.bincount(buckets.of(packed), minlength=1 << buckets.bits)
        self.wanted = counts > 0
        np.cumsum(counts, out=counts)  # in place: no second table of 8-byte integers
        self.first = np.zeros(len(counts) + 1, dtype=np.int32 if len(packed) < 1 << 31 else np.int64)
        self.first[1:] = counts


def _match(
    words: _Words,
    qwords: _Words,
    buffer: np.ndarray,
    size: int,
    buckets: _Buckets,
    anchors: _Anchors,
    qstart: np.ndarray,
    length: np.ndarray,
    found: np.ndarray,
) -> None:
    """Mark found each of ``anchors``' quotes that stands in the text, compared wherever
    the text's key at a word start equals its anchor's. One pass over the text's word
    starts: those in a bucket no anchor is in are dropped at a look-up, the others are
    paired with the anchors of their bucket."""
    first, packed, low_bits = anchors.first, anchors.packed, anchors.low
    for starts in _word_starts(buffer, size):
        at_keys = _keys(words, starts, buckets.length)
        at_bucket = buckets.of(at_keys)
        keep = np.flatnonzero(anchors.wanted[at_bucket])
        starts, at_keys, at_bucket = starts[keep], at_keys[keep], at_bucket[keep]
        low = first[at_bucket].astype(np.int64)
        n = first[at_bucket + 1] - low
        ends = np.cumsum(n)
        begin = 0
        while begin < len(starts):  # word starts a few at a time: pairs in bounded arrays
            done = int(ends[begin - 1]) if begin else 0
            end = max(int(np.searchsorted(ends, done + _PAIRS, side="right")), begin + 1)
            part = n[begin:end]
            rows = np.repeat(np.arange(begin, end), part)
            pair = np.repeat(low[begin:end] - ends[begin:end] + part, part) + np.arange(
                done, int(ends[end - 1])
            )
            pair = packed[pair]
            same = (pair ^ at_keys[rows]) <= low_bits  # the same key, but for its low bits
            rows, pair = rows[same], (pair[same] & low_bits).astype(np.intp)
            which = anchors.quote[pair]
            todo = ~found[which]  # a quote found already is not compared again
            which, at = which[todo], starts[rows[todo]] - anchors.offset[pair[todo]]
            fits = (at >= 0) & (at + length[which] <= size)
            which, at = which[fits], at[fits]
            found[which[_same(words, qwords, at, qstart[which], length[which])]] = True
            begin = end


def found_verbatim(text: str | bytes, quotes: Sequence[str]) -> np.ndarray:
    """For each quote, whether it stands in ``text`` verbatim, white space aside (an
    empty quote does). Equal to ``normalize_ws(q) in normalize_ws(text)``. ``text`` may
    be UTF-8 bytes; ``quotes`` may be a pyarrow string array (no null)."""
    if not len(quotes):
        return np.zeros(0, dtype=bool)
    if isinstance(text, str) and text.isascii():
        text = text.encode("ascii")
    if isinstance(text, bytes) and text.isascii():
        raw, size = _ascii_text(text)  # an ASCII text: normalised in numpy
    else:
        body = _normalised([text.decode("utf-8") if isinstance(text, bytes) else text])[0]
        raw, size = _padded(len(body)), len(body)
        np.frombuffer(raw, dtype=np.uint8)[:size] = body
        del body
    buffer = np.frombuffer(raw, dtype=np.uint8)
    qbuffer, qstart, qend = _normalised(quotes)
    words, qwords = _Words(buffer), _Words(qbuffer)
    length = qend - qstart
    found = length == 0
    fallback: list[np.ndarray] = []  # quotes looked up with one search each

    def chosen(quote: np.ndarray, anchor: np.ndarray, keys: np.ndarray, count: np.ndarray):
        """A quote whose anchor's bucket is empty stands nowhere; one in a full bucket is
        looked up with a search; the others are compared where their key stands."""
        fallback.append(quote[count > CANDIDATE_LIMIT])
        keep = (count > 0) & (count <= CANDIDATE_LIMIT)
        return quote[keep], anchor[keep] - qstart[quote[keep]], keys[keep]

    # each quote's anchors (a byte after a space): its first, and up to four spread over
    # those with _KEY bytes or more after them, of which the one in the emptiest bucket
    first_anchor = np.full(len(quotes), -1, dtype=np.int64)
    long_buckets = None
    parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    batch = 1 << 18  # quotes at a time: bounds the arrays of their spaces
    for begin in range(0, len(quotes), batch):
        low, high = qstart[begin : begin + batch], qend[begin : begin + batch]
        spaces = np.flatnonzero(qbuffer[int(low[0]) : int(high[-1])] == 32) + int(low[0])
        first = np.searchsorted(spaces, low)  # a quote's first space, if it has one
        after = spaces[np.minimum(first, len(spaces) - 1)] if len(spaces) else first
        has = np.flatnonzero((first < len(spaces)) & (after < high))
        first_anchor[begin + has] = after[has] + 1
        count = np.searchsorted(spaces, high - _KEY) - first  # anchors with _KEY bytes left
        long = np.flatnonzero(count > 0)
        if not len(long):
            continue
        if long_buckets is None:
            long_buckets = _Buckets(words, buffer, size, _KEY)
        spread = first[long, None] + (count[long, None] - 1) * np.arange(4) // 3
        anchor = spaces[spread.ravel()] + 1
        keys = _keys(qwords, anchor, _KEY)
        counts = long_buckets.count[long_buckets.of(keys)].reshape(-1, 4)
        pick = np.arange(len(long)) * 4 + np.argmin(counts, axis=1)
        parts.append(chosen(begin + long, anchor[pick], keys[pick], counts.ravel()[pick]))
        first_anchor[begin + long] = -2  # settled by a long anchor
    if long_buckets is not None:
        _match(
            words, qwords, buffer, size, long_buckets, _Anchors(long_buckets, parts), qstart, length, found
        )
    del long_buckets

    # quotes whose anchors are all short: their first anchor, on its first bytes (up to 8)
    short = np.flatnonzero(~found & (first_anchor >= 0))
    width = np.minimum(qend[short] - first_anchor[short], 8)
    for key_length in np.unique(width).tolist():
        group = short[width == key_length]
        buckets = _Buckets(words, buffer, size, key_length)
        keys = _keys(qwords, first_anchor[group], key_length)
        anchors = _Anchors(
            buckets, [chosen(group, first_anchor[group], keys, buckets.count[buckets.of(keys)])]
        )
        _match(words, qwords, buffer, size, buckets, anchors, qstart, length, found)
        del anchors, buckets

    rest = np.flatnonzero(~found & (first_anchor == -1) & (length > 0))  # no space in the quote
    for one in np.unique(np.concatenate([rest, *fallback])).tolist():
        found[one] = raw.find(qbuffer[qstart[one] : qend[one]].tobytes(), 0, size) >= 0
    return found
