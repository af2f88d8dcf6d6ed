"""The import's limits and the translated messages it shows people."""

import re

from django.conf import settings
from django.utils.translation import gettext_noop

CHUNK = 1000
DEFAULT_MAX_BYTES = 100 * 1024 * 1024

FILE_TOO_LARGE = gettext_noop(
    "The file is %(size)s MB; the limit is %(limit)s MB. Split it and upload the parts."
)
FILE_TYPE = gettext_noop("Only .csv and .xlsx files can be imported.")
FILE_EMPTY = gettext_noop("The file has no header row.")
FILE_UNREADABLE = gettext_noop(
    "The file could not be read as %(format)s. Check that it is not damaged."
)
BAD_ENCODING = gettext_noop("Unknown text encoding.")
MISSING_COLUMN = gettext_noop("The file has no column for “%(field)s”, which is required.")
COLUMN_NOT_IN_FILE = gettext_noop("Column “%(column)s” is not in the file.")
ROW_UNREADABLE = gettext_noop("This row could not be read: %(detail)s")
ROW_ENCODING = gettext_noop(
    "This row contains bytes that are not valid %(encoding)s text. "
    "Save the file as UTF-8 (or choose its encoding) and upload it again."
)
FORMULA = gettext_noop(
    "Cells may not start with =, +, - or @: spreadsheet formulas are refused for safety. "
    "Type the plain value instead."
)
REQUIRED = gettext_noop("A value is required.")
TOO_LONG = gettext_noop("At most %(max)d characters.")
UNKNOWN_OFFICE = gettext_noop("No office has the code or name “%(value)s”.")
NOT_A_COUNT = gettext_noop("Expected a whole number, 0 or more.")
BAD_DATE = gettext_noop("Expected a date such as 2024-03-31 or 31/03/2024.")
FUTURE_DATE = gettext_noop("This date is in the future.")
DUPLICATE_IN_FILE = gettext_noop("The same value already appears in row %(row)d of this file.")
BAD_CHOICE = gettext_noop("Expected one of: %(choices)s.")
BAD_COORDINATE = gettext_noop(
    "Expected a latitude between -90 and 90 or a longitude between -180 and 180."
)
UNKNOWN_ESTABLISHMENT = gettext_noop(
    "No establishment in the registry has registration number “%(value)s”."
)
WRONG_STATUS = gettext_noop("This import is “%(status)s”; that step is not possible now.")
NOTHING_VALID = gettext_noop("No row passed the check, so there is nothing to import.")
UNEXPECTED = gettext_noop(
    "The import stopped because of an internal error. The team has been notified."
)

_ENCODINGS = {"utf-8": "utf-8-sig", "windows-1252": "cp1252", "latin-1": "latin-1"}
ENCODING_CHOICES = [
    ("utf-8", "UTF-8"),
    ("windows-1252", "Windows-1252 (Excel, Western)"),
    ("latin-1", "ISO-8859-1 (Latin-1)"),
]
# Leading characters that make spreadsheets evaluate a cell (OWASP "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?\d+([.,]\d+)?$")


def max_import_bytes() -> int:
    return int(getattr(settings, "REGISTRY_IMPORT_MAX_BYTES", DEFAULT_MAX_BYTES))
