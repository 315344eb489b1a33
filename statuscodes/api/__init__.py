"""Everything that needs Django REST framework; nothing outside this package imports it."""

from statuscodes.api.handlers import exception_handler

__all__ = ["exception_handler"]
