"""graphkit's command line: a thin click layer over the library.

Each command lives in a module of this package, loads its input, calls one
library function and formats the result. pandas and networkx are imported
inside the commands, so ``graphkit --help`` stays fast.
"""

from . import (
    diff,  # noqa: F401  (registers diff)
    interop,  # noqa: F401  (registers import-gdelt, export)
    render,  # noqa: F401  (registers render)
    reports,  # noqa: F401  (registers the commands)
    starter,  # noqa: F401  (registers init)
)
from .base import main

__all__ = ["main"]
