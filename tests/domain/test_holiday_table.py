"""The federal holidays kept beside the code are the `holidays` library's, year by year."""

from datetime import date

import holidays

from planner.domain import holiday_table
from planner.domain.calendar import federal_holidays


def test_the_table_lists_what_the_library_lists_for_every_year_it_holds() -> None:
    for year in range(holiday_table.FIRST_YEAR, holiday_table.LAST_YEAR + 1):
        library = dict(holidays.country_holidays("US", years=year).items())
        assert federal_holidays(date(year, 1, 1), date(year, 12, 31)) == library, year


def test_years_outside_the_table_come_from_the_library() -> None:
    year = holiday_table.FIRST_YEAR - 3
    library = dict(holidays.country_holidays("US", years=year).items())
    assert library
    assert federal_holidays(date(year, 1, 1), date(year, 12, 31)) == library


def test_the_forecast_reads_no_holiday_library() -> None:
    """Neither `planner forecast` nor the window's first forecast pays for importing it."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from datetime import date\n"
        "from planner.domain.calendar import federal_holidays\n"
        "assert federal_holidays(date(2026, 10, 1), date(2027, 9, 30))\n"
        "print('holidays' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
