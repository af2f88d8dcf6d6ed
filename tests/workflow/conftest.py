# Shared with the other case suites; see tests/case_fixtures.py.
from tests.case_fixtures import api_client_for, client_for, staff  # noqa: F401
