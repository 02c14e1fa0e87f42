"""The bundle's entry point: the same ``main`` as the ``hubdesk`` command of a pip install.

With no command it opens the learner app; with one it is the command line. ``freeze_support`` keeps
a frozen program from starting itself again should any library spawn a process (Windows does that).
"""

import multiprocessing

from hubdesk.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    raise SystemExit(main())
