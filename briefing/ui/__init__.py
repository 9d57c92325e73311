"""The desktop GUI: the only package that imports PySide6 and pyqtgraph.

Widgets get a :class:`briefing.store.Store` and a :class:`briefing.view_state.ViewState`; they
never run SQL and never block on long work (imports run in :mod:`briefing.ui.workers`).
"""
