"""Object storage: real S3 calls (moto's server), keys prefixed by the active ministry's schema."""

import os

import boto3
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from tenants.context import ministry_context

pytestmark = pytest.mark.multi_tenant


def bucket_keys():
    s3 = boto3.client(
        "s3",
        endpoint_url=os.environ["S3_ENDPOINT_URL"],
        aws_access_key_id="dev",
        aws_secret_access_key="dev",
        region_name="us-east-1",
    )
    listing = s3.list_objects_v2(Bucket=os.environ.get("S3_BUCKET", "labourhub"), Prefix="tenants/")
    return {obj["Key"] for obj in listing.get("Contents", [])}


def test_files_are_stored_under_the_ministry_prefix_and_invisible_to_others(
    ministry, second_ministry
):
    with ministry_context(ministry):
        name = default_storage.save("evidence/secret-report.txt", ContentFile(b"only for test"))
    try:
        assert f"tenants/test/{name}" in bucket_keys()
        with ministry_context(second_ministry):
            assert not default_storage.exists(name)
            with pytest.raises(FileNotFoundError):
                default_storage.open(name).read()
        with ministry_context(ministry):
            assert default_storage.open(name).read() == b"only for test"
    finally:
        with ministry_context(ministry):
            default_storage.delete(name)


def test_a_traversal_name_cannot_escape_the_ministry_prefix(ministry, second_ministry):
    from django.core.exceptions import SuspiciousFileOperation

    with ministry_context(second_ministry), pytest.raises(SuspiciousFileOperation):
        default_storage.save("../test/evidence/planted.txt", ContentFile(b"x"))
    assert not any(key.endswith("planted.txt") for key in bucket_keys())
