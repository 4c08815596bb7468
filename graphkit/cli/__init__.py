"""graphkit's command line: a thin click layer over the library.

Each command lives in a module of this package, loads its input, calls one
library function and formats the result. pandas and networkx are imported
inside the commands, so ``graphkit --help`` stays fast.
"""

from . import (
    balance,  # noqa: F401  (registers balance)
    cameo,  # noqa: F401  (registers cameo)
    diff,  # noqa: F401  (registers diff)
    dyads,  # noqa: F401  (registers import-dyads)
    extract,  # noqa: F401  (registers extract, score)
    interop,  # noqa: F401  (registers import-gdelt, export)
    periods,  # noqa: F401  (registers timeline, summary)
    render,  # noqa: F401  (registers render)
    reports,  # noqa: F401  (registers the commands)
    robustness,  # noqa: F401  (registers robustness)
    starter,  # noqa: F401  (registers init)
    verify,  # noqa: F401  (registers verify)
)
from .group import main

__all__ = ["main"]
