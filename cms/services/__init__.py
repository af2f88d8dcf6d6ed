from cms.services.data import (
    cache_bump,
    dataset_approve,
    dataset_publish_due,
    dataset_return,
    dataset_submit,
    observations_apply,
)
from cms.services.demo import cms_demo_seed
from cms.services.site import DEFAULT_INTRO, site_bootstrap

__all__ = [
    "DEFAULT_INTRO",
    "cache_bump",
    "cms_demo_seed",
    "dataset_approve",
    "dataset_publish_due",
    "dataset_return",
    "dataset_submit",
    "observations_apply",
    "site_bootstrap",
]
