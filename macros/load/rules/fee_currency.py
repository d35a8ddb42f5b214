"""A fee's amount written with ₹ or a currency code in front (`₹4,50,000`, `INR 4,50,000`) names the fee's own
`currency`: ₹ is `INR`."""

from __future__ import annotations

from collections.abc import Iterator

from ...model import DATA_FILES_BY_NAME, amount_currency
from ...problems import Problem
from ..reading import Loaded

ID = "fee-currency"


def check(loaded: Loaded) -> Iterator[Problem]:
    admissions = DATA_FILES_BY_NAME["admissions"]
    document = loaded.documents.get("admissions")
    for index, admission in loaded.valid["admissions"]:
        written = document[index].get("fee", {}).get("amount") if admission.fee else None
        named = amount_currency(written) if isinstance(written, str) else None
        if named is not None and named != admission.fee.currency:
            yield loaded.problem(
                admissions,
                (index, "fee", "amount"),
                f"the amount is written in {named}, but the fee's currency is {admission.fee.currency}: write the "
                f"amount as {admission.fee.amount} and the currency it is in",
            )
