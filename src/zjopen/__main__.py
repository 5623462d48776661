"""``python -m zjopen``: the command line."""

from zjopen.cli import main

raise SystemExit(main())
