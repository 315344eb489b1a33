"""Who may do what in the status code API."""

from __future__ import annotations

from typing import Any

from rest_framework.permissions import SAFE_METHODS, DjangoModelPermissions
from rest_framework.request import Request

__all__ = ["ReadOrModelPermissions"]


class ReadOrModelPermissions(DjangoModelPermissions):
    """Anyone reads; writing needs the model permission (add, change or delete)."""

    def has_permission(self, request: Request, view: Any) -> bool:
        # Reads never look at the user: no session lookup, and no Vary: Cookie on shared data.
        return request.method in SAFE_METHODS or super().has_permission(request, view)
