from decimal import Decimal

import pytest

from reliefsite.quantities import Qualifier, format_quantity


@pytest.mark.parametrize(
    ("value", "unit", "qualifier", "printed"),
    [
        ("6957400", "元", Qualifier.YU, "695.74万余元"),
        ("16980000", "元", Qualifier.EXACT, "1698万元"),
        ("44000", "人", Qualifier.YU, "4.4万余人"),
        ("44000", "名", Qualifier.DUO, "4.4万多名"),
        ("96596", "名", Qualifier.EXACT, "96596名"),  # not rounded to 万: the source gave every digit
        ("200", "个", Qualifier.DUO, "200多个"),
        ("1597", "份", Qualifier.EXACT, "1597份"),
        ("75000", "人", Qualifier.ABOUT, "约7.5万人"),
        ("223200", "元", Qualifier.UP_TO, "最高22.32万元"),
        ("2", "名", Qualifier.AT_LEAST, "不少于2名"),
        ("1000", "元", Qualifier.EXACT, "1000元"),
        ("1.2", "倍", Qualifier.EXACT, "1.2倍"),
        ("1250000.00", "元", Qualifier.EXACT, "125万元"),
        ("300000000", "元", Qualifier.EXACT, "3亿元"),
    ],
)
def test_figures_print_as_the_source_printed_them(value, unit, qualifier, printed):
    assert format_quantity(Decimal(value), unit, qualifier) == printed


def test_missing_value_prints_nothing():
    assert format_quantity(None, "元") == ""
