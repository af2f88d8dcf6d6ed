from cms.services.data import (
    cache_bump,
    dataset_approve,
    dataset_publish_due,
    dataset_return,
    dataset_submit,
    observations_apply,
)
from cms.services.records import dataset_build_from_records
from cms.services.site import DEFAULT_INTRO, lmi_editor_group_ensure, site_bootstrap

__all__ = [
    "DEFAULT_INTRO",
    "cache_bump",
    "dataset_approve",
    "dataset_build_from_records",
    "dataset_publish_due",
    "dataset_return",
    "dataset_submit",
    "lmi_editor_group_ensure",
    "observations_apply",
    "site_bootstrap",
]
