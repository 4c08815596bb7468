"""python -m graphkit.cli"""

from . import main

main()
