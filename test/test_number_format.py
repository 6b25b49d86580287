"""Numbers as the reader's language writes them (core.number_format): the thousands and decimal
signs of Danish and English, shares in per cent, missing values as a dash; and the soil balance
report written with them."""
import datetime

import pytest

from jordressource_plugin.core.number_format import DANISH, ENGLISH, NumberFormat


@pytest.mark.parametrize("numbers, value, decimals, expected", [
    (DANISH, 273910.4, 0, "273.910"), (ENGLISH, 273910.4, 0, "273,910"),
    (DANISH, 2.5, 1, "2,5"), (ENGLISH, 2.5, 1, "2.5"),
    (DANISH, -1234.56, 1, "-1.234,6"), (ENGLISH, 1234567.0, 2, "1,234,567.00"),
    (DANISH, -0.2, 0, "0"),  # no "-0"
    (DANISH, None, 0, "–"), (DANISH, float("nan"), 0, "–"),
    (DANISH, 999.5, 0, "1.000"),
])
def test_number(numbers, value, decimals, expected):
    assert numbers.number(value, decimals) == expected


def test_shares_changes_and_parameters():
    assert DANISH.share(0.254) == "25\u00a0%" and ENGLISH.share(0.254) == "25%"
    assert DANISH.change(-0.4) == "-40\u00a0%" and ENGLISH.change(0.12) == "+12%"
    assert DANISH.trimmed(1.3) == "1,3" and DANISH.trimmed(25.0) == "25"
    assert ENGLISH.trimmed(0.225, 3) == "0.225"
    assert DANISH.share(None) == "–" and DANISH.change(float("nan")) == "–"


def test_numpy_and_pandas_values():
    import numpy as np
    import pandas as pd

    assert DANISH.whole(np.int64(12345)) == "12.345"
    assert DANISH.number(np.float32(2.5), 1) == "2,5"
    assert DANISH.share(pd.NA) == "–"


def test_a_custom_locale_is_used_as_given():
    swiss = NumberFormat(decimal=".", group="'", minus="-", percent="\u00a0%")
    assert swiss.number(1234567.891, 2) == "1'234'567.89"


def test_the_balance_report_writes_numbers_in_the_readers_language():
    import geopandas as gpd
    import numpy as np
    from shapely.geometry import Point, box

    from jordressource_plugin.core.balance.report import balance_report
    from jordressource_plugin.core.balance.soil_balance import Sites, soil_balance

    areas = gpd.GeoSeries([box(0, 0, 10, 10)])
    sources = Sites(gpd.GeoSeries([Point(5, 5)]), np.array([273910.4]))
    result = soil_balance(areas, sources, None)
    danish = balance_report(result, ["LP1"], numbers=DANISH,
                            generated=datetime.datetime(2026, 1, 1))
    english = balance_report(result, ["LP1"], numbers=ENGLISH,
                             generated=datetime.datetime(2026, 1, 1))
    neutral = balance_report(result, ["LP1"], generated=datetime.datetime(2026, 1, 1))
    assert "<td class='n'>273.910</td>" in danish and "273,910" not in danish
    assert "<td class='n'>273,910</td>" in english
    assert "<td class='n'>273\u202f910</td>" in neutral  # no language known: thin space


def test_no_user_facing_string_formats_numbers_the_english_way():
    """A translatable string carries plain {0} placeholders: the number comes in formatted by
    i18n.number_format for the user's locale, never by {0:,.0f} or {0:.0%}, which are English
    whatever the language (a Danish reader takes "273,910" for 273.91)."""
    import re
    import xml.etree.ElementTree as ElementTree
    from pathlib import Path

    catalogue = (Path(__file__).resolve().parent.parent / "jordressource_plugin" / "i18n"
                 / "jordressource_da.ts")
    spec = re.compile(r"\{\d*:[^}]*[,.%dfeg][^}]*\}")
    found = [f"{context.findtext('name')}: {message.findtext('source')}"
             for context in ElementTree.parse(catalogue).getroot().iter("context")
             for message in context.iter("message") if spec.search(message.findtext("source"))]
    assert not found, "\n".join(found)
