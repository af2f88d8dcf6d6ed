"""Demo content for a ministry's LMI site: agencies, 13 indicators, 7 years of data, pages.

The numbers are plausible, generated from a seed per ministry; they are not official statistics."""

from devtools.demo.cms.seed import cms_demo_seed
from devtools.demo.cms.specs import (
    AGENCIES,
    CNT,
    DIMENSIONS,
    FACTORS,
    PCT,
    RAT,
    SPECS,
    THO,
    YEARS,
    A,
    C,
    S,
    Spec,
)

__all__ = [
    "AGENCIES",
    "CNT",
    "DIMENSIONS",
    "FACTORS",
    "PCT",
    "RAT",
    "SPECS",
    "THO",
    "YEARS",
    "A",
    "C",
    "S",
    "Spec",
    "cms_demo_seed",
]
