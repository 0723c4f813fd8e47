"""`python -m viewer.cli` runs songngu-cli."""

import sys

from viewer.cli.commands import main

sys.exit(main())
