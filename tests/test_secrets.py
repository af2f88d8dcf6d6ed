"""Secret references resolve to an environment variable or a file, never to the database."""

import stat

import pytest

from labourhub.common.secrets import (
    SecretMissingError,
    secret_env_name,
    secret_resolve,
    secret_store_file,
)


def test_a_reference_resolves_from_a_file_then_the_environment_wins(
    settings, tmp_path, monkeypatch
):
    settings.SECRETS_DIR = tmp_path
    path = secret_store_file("hn/trade-unions/registry_api_key", b"from-file")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert secret_resolve({"$secret": "hn/trade-unions/registry_api_key"}) == b"from-file"
    name = secret_env_name("hn/trade-unions/registry_api_key")
    assert name == "LABOURHUB_SECRET_HN_TRADE_UNIONS_REGISTRY_API_KEY"
    monkeypatch.setenv(name, "from-env")
    assert secret_resolve("hn/trade-unions/registry_api_key") == b"from-env"


def test_a_missing_secret_says_so(settings, tmp_path):
    settings.SECRETS_DIR = tmp_path
    with pytest.raises(SecretMissingError):
        secret_resolve("hn/nothing/here")


@pytest.mark.parametrize("ref", ["../etc/passwd", "hn/../../etc/passwd", "/etc/passwd", "A"])
def test_a_reference_cannot_leave_the_secrets_directory(settings, tmp_path, ref):
    settings.SECRETS_DIR = tmp_path
    with pytest.raises(ValueError, match="not a secret reference"):
        secret_resolve(ref)
