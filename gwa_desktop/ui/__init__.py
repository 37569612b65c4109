"""ui layer.

The layers below are imported here, before anything imports PySide6: once loaded,
shiboken replaces `__import__` and reads the source of every Python module imported
after it (looking for `from __feature__` uses, PYSIDE-2029), which made importing
SQLAlchemy, the models and the services at start about a sixth slower.
"""

from gwa_desktop.services import backup, registry  # noqa: F401
