"""Start the Briefing desktop app from a checkout: ``python main.py [--db PATH_OR_URL]``."""

import sys

from briefing.ui.app import main

if __name__ == "__main__":
    sys.exit(main())
