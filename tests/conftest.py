from __future__ import annotations

import pytest
from django.utils import translation


@pytest.fixture
def russian():
    with translation.override("ru"):
        yield
