"""Writing outputs: every output of one command lands whole, or none of them does.

The one writer behind every file graphkit writes. An output is checked when it is
added (so a bad path is refused before anything is written) and written when the
set of outputs is committed:

1. each regular-file output is written in full to a temporary file beside it
   (flushed to disk); a failure here (disk full, no permission, a signal)
   removes every temporary file and leaves every target untouched;
2. streams (standard output, character devices such as ``/dev/null``, FIFOs)
   are written straight into: they cannot be replaced, only written to;
3. the temporary files are renamed over their targets with SIGINT, SIGTERM and
   SIGHUP held back on every thread (while the renames run, graphkit's handlers
   only note a signal; it is acted on once the renames are done); a target that
   existed is first hard-linked to a backup name, so that a rename failing midway
   (or any exception there) puts the earlier targets back. Only a crash of the
   machine or ``SIGKILL`` between two renames can leave some outputs new and some
   old; each one is still whole.

What has landed is kept in :attr:`OutputSet.landed` (and a stream cut short in
:attr:`OutputSet.cut_short`), and every output set's in :func:`landed_log`, so
that a message after a signal can say truly what was written
(:meth:`OutputSet.written_text`, :func:`written_text`).

Paths: a symlink is followed to the file it names (as the shell's ``>`` does),
an existing file keeps its permission bits (and owner, when allowed), a new one
gets ``0o666`` less the umask. Temporary names stay within NAME_MAX bytes.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import select
import signal
import stat
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, cast

from ..errors import ArgumentError, GraphkitError

__all__ = [
    "NAME_MAX",
    "OutputSet",
    "StreamError",
    "landed_log",
    "new_mode",
    "note_landed",
    "signals_held",
    "temp_prefix",
    "write_all",
    "write_atomic",
    "written_text",
]

#: The longest file name (in bytes) most file systems accept.
NAME_MAX = 255
_HELD_SIGNALS = {signal.SIGINT, signal.SIGTERM, getattr(signal, "SIGHUP", signal.SIGTERM)}


@dataclass
class _Output:
    shown: str  # the path as the user gave it (for messages)
    target: Path  # the file actually written, symlinks followed
    data: bytes | Iterable[str | bytes]  # pieces are written one by one, never joined
    stream: BinaryIO | None = None  # standard output
    device: bool = False  # a character device or FIFO: written into, never replaced
    mode: int | None = None  # an existing regular file's permission bits
    owner: tuple[int, int] | None = None
    make_parents: bool = False
    exclusive: bool = False  # a new file only: never replaces one (graphkit init)
    temp: Path | None = None
    backup: Path | None = None
    made: list[Path] = field(default_factory=list)  # folders made for it (make_parents), deepest last


class StreamError(GraphkitError):
    """Standard output (or another open stream) refused the data; ``errno`` says why."""

    def __init__(self, shown: str, err: OSError):
        self.errno = err.errno
        super().__init__(f"cannot write {shown}: {err.strerror or err}")


Data = str | bytes | Iterable[str | bytes]


def _payload(data: Data) -> bytes | Iterable[str | bytes]:
    if isinstance(data, str):
        return data.encode("utf-8")
    return bytes(data) if isinstance(data, (bytes, bytearray, memoryview)) else data


def _pieces(data: bytes | Iterable[str | bytes]):
    for piece in [data] if isinstance(data, bytes) else data:
        yield piece.encode("utf-8") if isinstance(piece, str) else piece


_LOG: list[str] = []  # every output (as shown) any OutputSet wrote whole, in order


def landed_log() -> list[str]:
    """Every output written whole so far by any :class:`OutputSet` of this process;
    take ``len()`` of it before a step to learn later what that step wrote."""
    return _LOG


def written_text(landed: list[str], cut_short: str | None = None, left: Sequence[str] = ()) -> str:
    """``landed`` (and a stream ``cut_short``, outputs ``left`` unwritten) in words:
    ``nothing written``, ``wrote a.txt and page.html; not b.txt``..."""
    parts = []
    if landed:
        listed = landed[0] if len(landed) == 1 else ", ".join(landed[:-1]) + " and " + landed[-1]
        parts.append(f"wrote {listed}")
    if cut_short is not None:
        parts.append(f"{cut_short} cut short")
    if not parts:
        return "nothing written"
    if left:
        parts.append("not " + ", ".join(left))
    return "; ".join(parts)


def note_landed(shown: str) -> None:
    """Add ``shown`` to :func:`landed_log` (a folder renamed into place whole)."""
    _LOG.append(shown)


def new_mode(*, folder: bool = False) -> int:
    """The permission bits a new file (0o666) or folder (0o777) gets here: less the umask."""
    return (0o777 if folder else 0o666) & ~_umask()


def write_all(stream: BinaryIO, data: bytes) -> None:
    """Write all of ``data`` to ``stream``, looping on ``write``'s return value: an
    unbuffered stream (``python -u``) may take part of it (a pipe after a stop and
    continue, a signal mid-write), and a non-blocking one may take none for now."""
    view = memoryview(data)
    while view:
        count = stream.write(view)
        if count is None:  # non-blocking and full: wait until it can take more
            select.select([], [stream], [])
            continue
        if count <= 0:
            raise OSError(0, "the stream took no bytes")
        view = view[count:]


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def temp_prefix(name: str, room: int = 24) -> str:
    """``.NAME.``, or ``.graphkit-HASH.`` when that would leave less than ``room``
    bytes of NAME_MAX for what follows: a legal long name is never refused for its
    temporary's sake."""
    prefix = f".{name}."
    if len(os.fsencode(prefix)) + room > NAME_MAX:
        prefix = f".graphkit-{hashlib.sha256(os.fsencode(name)).hexdigest()[:16]}."
    return prefix


def _temp_name(target: Path) -> str:
    return f"{temp_prefix(target.name)}{secrets.token_hex(4)}.tmp"


def _create_beside(target: Path) -> tuple[int, Path]:
    for _ in range(100):
        temp = target.parent / _temp_name(target)
        try:
            return os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), temp
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {target}")


def _fail(shown: str, err: OSError, hint: str = "") -> GraphkitError:
    return GraphkitError(f"cannot write {shown}: {err.strerror or err}{hint}")


class OutputSet:
    """The outputs of one command, written together by :meth:`commit`.

    ``guard``, if given, is called with each output's resolved path and may raise
    :class:`GraphkitError` to refuse it (the command line refuses its inputs).
    """

    def __init__(self, guard: Callable[[Path, str], None] | None = None, *, log: bool = True):
        self.guard = guard
        self.log = log  # False for files staged inside a folder that lands later as a whole
        self.outputs: list[_Output] = []
        #: the outputs (as shown) written whole so far, in the order they landed
        self.landed: list[str] = []
        #: a stream that took part of its data before a failure or a signal
        self.cut_short: str | None = None

    def written_text(self) -> str:
        """What this set has written so far, in words (see :func:`written_text`)."""
        done = {*self.landed, self.cut_short}
        return written_text(
            self.landed, self.cut_short, [o.shown for o in self.outputs if o.shown not in done]
        )

    def __len__(self) -> int:
        return len(self.outputs)

    def add_stream(self, stream: BinaryIO, data: Data, shown: str = "standard output") -> None:
        """Write ``data`` to an open binary ``stream`` (standard output) at commit."""
        self.outputs.append(_Output(shown, Path(shown), _payload(data), stream=stream))

    def add(
        self, path: str | os.PathLike, data: Data, *, make_parents: bool = False, exclusive: bool = False
    ) -> Path:
        """Check ``path`` now and write ``data`` there at commit; returns the path as given.
        With ``exclusive``, the file must not exist (then or at commit): it is linked
        into place, never renamed over another."""
        shown = os.fspath(path)
        if not isinstance(shown, str) or shown == "":
            raise ArgumentError("output", "is empty: give a file name, or - for standard output")
        if shown.endswith(("/", os.sep, "/.", "/..")) or shown in (".", ".."):
            raise GraphkitError(
                f"cannot write {shown}: it names a folder; give a file name such as "
                f"{shown.rstrip('/') or '.'}/output.txt"
            )
        target = Path(os.path.realpath(shown))  # follows symlinks, dangling ones too
        try:
            if stat.S_ISCHR(os.stat(shown).st_mode) or stat.S_ISFIFO(os.stat(shown).st_mode):
                # opened by the name given: /dev/stdout resolves to "pipe:[...]", no path at all
                target = Path(os.path.abspath(shown))
        except OSError:
            pass
        output = _Output(shown, target, _payload(data), make_parents=make_parents, exclusive=exclusive)
        try:
            info = os.stat(target)
        except (FileNotFoundError, NotADirectoryError):
            self._check_folder(output)
        except OSError as err:
            raise _fail(shown, err) from err
        else:
            if exclusive:
                raise GraphkitError(f"cannot write {shown}: it exists, and graphkit never overwrites it")
            self._check_existing(output, info)
        if self.guard is not None:
            self.guard(target, shown)
        for other in self.outputs:
            if other.stream is None and other.target == target:
                raise GraphkitError(
                    f"cannot write {shown}: it is also {other.shown}; give each output its own path"
                )
        self.outputs.append(output)
        return Path(shown)

    @staticmethod
    def _check_existing(output: _Output, info: os.stat_result) -> None:
        kind = info.st_mode
        if stat.S_ISDIR(kind):
            raise GraphkitError(
                f"cannot write {output.shown}: it is a folder; give a file name such as "
                f"{Path(output.shown) / 'output.txt'}"
            )
        if stat.S_ISCHR(kind) or stat.S_ISFIFO(kind):
            output.device = True
        elif stat.S_ISREG(kind):
            output.mode = stat.S_IMODE(kind)
            output.owner = (info.st_uid, info.st_gid)
        else:
            what = (
                "a block device" if stat.S_ISBLK(kind) else "a socket" if stat.S_ISSOCK(kind) else "special"
            )
            raise GraphkitError(
                f"cannot write {output.shown}: it is {what}; graphkit writes files, character "
                "devices and FIFOs only"
            )

    @staticmethod
    def _check_folder(output: _Output) -> None:
        folder = output.target.parent
        if folder.is_dir():
            return
        given = Path(output.shown).parent
        if given.is_symlink() and not given.exists():
            raise GraphkitError(f"cannot write {output.shown}: {given} is a broken symlink; fix or remove it")
        if folder.exists() or folder.is_symlink():
            raise GraphkitError(f"cannot write {output.shown}: {folder} is not a folder; choose another path")
        if not output.make_parents:
            raise GraphkitError(
                f"cannot write {output.shown}: folder {folder} does not exist; create it first"
            )

    def commit(self) -> list[str]:
        """Write every output (see the module's description); returns the paths written."""
        files = [o for o in self.outputs if o.stream is None and not o.device]
        try:
            for output in files:
                self._stage(output)
            for output in self.outputs:
                if output not in files:
                    self.cut_short = output.shown  # until every byte is in
                    self._write_stream(output)
                    self.cut_short = None
                    self.landed.append(output.shown)
                    if self.log:
                        _LOG.append(output.shown)
            self._rename_all(files)
        except BaseException:
            with signals_held():  # a second signal (Ctrl-C twice) must not stop the cleaning midway
                self._clean(files, failed=True)
            raise
        self._clean(files, failed=False)
        written = [o.shown for o in self.outputs if o.stream is None]
        self.outputs = []
        return written

    @staticmethod
    def _clean(files: list[_Output], *, failed: bool) -> None:
        """Remove every temporary and backup file left, and after a failure the folders
        made for outputs that did not land (when still empty)."""
        for output in files:
            for leftover in (output.temp, output.backup):
                if leftover is not None:
                    leftover.unlink(missing_ok=True)
            output.temp = output.backup = None
        for output in files:
            if failed and not output.target.exists():
                for folder in reversed(output.made):
                    try:
                        folder.rmdir()
                    except OSError:
                        break  # not empty (another output of the set landed there), or gone
            output.made = []

    def discard(self) -> None:
        """Forget every output not written yet (nothing is written before :meth:`commit`)."""
        self.outputs = []

    @staticmethod
    def _stage(output: _Output) -> None:
        try:
            if output.make_parents:
                missing = [f for f in [output.target.parent, *output.target.parent.parents] if not f.exists()]
                output.target.parent.mkdir(parents=True, exist_ok=True)
                output.made = missing[::-1]  # outermost first
            fd, output.temp = _create_beside(output.target)
            with os.fdopen(fd, "wb") as handle:
                for piece in _pieces(output.data):
                    handle.write(piece)
                handle.flush()
                os.fsync(handle.fileno())
                os.fchmod(handle.fileno(), output.mode if output.mode is not None else 0o666 & ~_umask())
                if output.owner is not None and output.owner != (os.geteuid(), os.getegid()):
                    try:
                        os.fchown(handle.fileno(), *output.owner)
                    except PermissionError:
                        pass  # not ours to give away: the file becomes ours, its bits stay
        except OSError as err:
            raise _fail(output.shown, err) from err

    @staticmethod
    def _write_stream(output: _Output) -> None:
        if output.stream is not None:
            try:
                for piece in _pieces(output.data):
                    write_all(output.stream, piece)
                output.stream.flush()
            except OSError as err:
                raise StreamError(output.shown, err) from err
            return
        try:
            fd = os.open(output.target, os.O_WRONLY | getattr(os, "O_NOCTTY", 0))
            with os.fdopen(fd, "wb", buffering=0) as handle:
                for piece in _pieces(output.data):
                    write_all(handle, piece)
        except OSError as err:
            raise _fail(output.shown, err) from err

    def _rename_all(self, files: list[_Output]) -> None:
        if not files:
            return
        with signals_held():
            done: list[_Output] = []
            try:
                for output in files:
                    if output.target.exists():
                        try:
                            fd, backup = _create_beside(output.target)
                            os.close(fd)
                            os.unlink(backup)
                            os.link(output.target, backup)
                            output.backup = backup
                        except OSError:
                            output.backup = None  # no hard links here: no rollback for this one
                for output in files:
                    if output.exclusive:  # link: fails if the file appeared meanwhile
                        os.link(cast(Path, output.temp), output.target)
                        done.append(output)
                        os.unlink(cast(Path, output.temp))
                    else:
                        os.replace(cast(Path, output.temp), output.target)
                        done.append(output)
                    output.temp = None
                self.landed += [o.shown for o in files]  # before a held signal is acted on
                if self.log:
                    _LOG.extend(o.shown for o in files)
            except BaseException as err:
                # whatever stops the renames midway (an error, an exception raised by
                # a signal on a thread that does not hold them) puts the earlier targets back
                for previous in reversed(done):
                    if previous.backup is not None:
                        os.replace(previous.backup, previous.target)
                        previous.backup = None
                    elif previous.mode is None:
                        previous.target.unlink(missing_ok=True)
                if isinstance(err, OSError):
                    failed = next((o for o in files if o not in done), files[-1])
                    raise _fail(failed.shown, err) from err
                raise
            finally:
                for output in files:
                    if output.backup is not None:
                        output.backup.unlink(missing_ok=True)
                        output.backup = None
            for folder in {o.target.parent for o in files}:
                _sync_folder(folder)


class signals_held:
    """Hold SIGINT, SIGTERM and SIGHUP back on every thread while the block runs,
    and act on them after it.

    ``pthread_sigmask`` holds a signal back on the calling thread only: the kernel
    then hands a process-directed signal to another thread (pyarrow's, Dask's), and
    Python runs the handler on the main thread at once. So on the main thread the
    handlers themselves are swapped for one that notes the signal; after the block
    the old handlers come back and each noted signal is raised again."""

    def __enter__(self) -> None:
        self.noted: list[int] = []
        self.previous: dict[int, object] = {}
        if threading.current_thread() is threading.main_thread():
            for signum in _HELD_SIGNALS:
                try:
                    old = signal.signal(signum, self._note)
                except (OSError, ValueError):
                    continue
                # None: a handler installed outside Python, which cannot be put back
                self.previous[signum] = signal.SIG_DFL if old is None else old
        self.mask = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD_SIGNALS)

    def _note(self, signum, frame) -> None:
        self.noted.append(signum)

    def __exit__(self, *exc) -> None:
        for signum, handler in self.previous.items():
            signal.signal(signum, handler)  # type: ignore[arg-type]
        signal.pthread_sigmask(signal.SIG_SETMASK, self.mask)  # pending ones reach the old handlers
        for signum in dict.fromkeys(self.noted):
            signal.raise_signal(signum)


def _sync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_atomic(path: str | os.PathLike, data: Data, *, make_parents: bool = False) -> Path:
    """Write ``data`` (str as UTF-8; or pieces of text, written one by one) to ``path`` as one :class:`OutputSet` of one
    output: a regular file is replaced whole, a device or FIFO written into.
    Returns the path as given."""
    outputs = OutputSet()
    shown = outputs.add(path, data, make_parents=make_parents)
    outputs.commit()
    return shown
