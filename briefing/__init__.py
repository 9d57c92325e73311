"""Briefing: an offline tool that turns collected news into a briefing.

The package is layered (see README, "Design"): a Qt-free core (``domain``, ``ingest``,
``store``, ``export``, ``cli``) and ``briefing.ui``, the only package that imports Qt.
"""

__version__ = "0.1.0"
