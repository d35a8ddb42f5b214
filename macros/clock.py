"""The build's date. Reproducible builds set SOURCE_DATE_EPOCH (from the commit), so the same commit
always yields the same site, past workshop dates included."""

from __future__ import annotations

import datetime
import os


def build_date() -> datetime.date:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC).date()
    return datetime.date.today()
