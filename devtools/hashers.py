"""Hash the published demo password once per `seed_demo` process instead of once per account.

Every demo account (fourteen roles, extra inspectors, portal users, in eight ministries) shares
the one published password; Django's PBKDF2 at 1,000,000 iterations costs most of a second of
CPU per account, which made hashing a large share of `make run`'s demo seeding. The hashes
written are ordinary ``pbkdf2_sha256`` ones, checked at sign-in by Django's own hasher; only
the salt is shared between accounts, which hides nothing here because the password is public.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.test.utils import override_settings
from django.utils.crypto import get_random_string

DEFAULT_HASHER = "django.contrib.auth.hashers.PBKDF2PasswordHasher"


@cache
def _shared_salt() -> str:
    return get_random_string(22)


@cache
def _encoded(password: str, salt: str, iterations: int) -> str:
    return PBKDF2PasswordHasher().encode(password, salt, iterations)


class DemoPasswordHasher(PBKDF2PasswordHasher):
    """Django's default hasher with one salt per process and each result remembered."""

    def salt(self) -> str:
        return _shared_salt()

    def encode(self, password: str, salt: str, iterations: int | None = None) -> str:
        return _encoded(password, salt, iterations or self.iterations)


@contextmanager
def demo_password_hashed_once() -> Iterator[None]:
    """Within the block, new accounts get the remembered hash (where PBKDF2 is the default).

    Other configurations (the test settings' fast hasher) are left alone: a PBKDF2 hash would
    not verify where PBKDF2 is not configured.
    """
    hashers = list(settings.PASSWORD_HASHERS)
    if not hashers or hashers[0] != DEFAULT_HASHER:
        yield
        return
    with override_settings(PASSWORD_HASHERS=["devtools.hashers.DemoPasswordHasher", *hashers]):
        yield
