"""The build's date: today, the day the build or the check runs, so that past intakes and workshop sessions leave
the site. SOURCE_DATE_EPOCH, when set, stands for another day: the tests set it from the commit, so that the same
commit always yields the same site."""

from __future__ import annotations

import datetime
import os


def build_date() -> datetime.date:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.UTC).date()
    return datetime.date.today()
