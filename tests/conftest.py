"""What every test folder may use: a recorder of progress reports."""

from __future__ import annotations

import pytest
from progress_reports import Reports


@pytest.fixture
def reports() -> Reports:
    return Reports()
