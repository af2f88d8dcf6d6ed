"""Bulk import of establishments and historical inspection records from CSV and Excel.

``import_batch_create`` keeps the original file in object storage and reads its header;
``import_batch_check`` (the dry run) validates every row and records each problem in the
uploader's language without writing registry data; ``import_batch_run`` then writes the valid
rows in chunks of ``CHUNK``. Both passes stream a local temporary copy of the file, so memory
stays flat as files grow. Re-running is idempotent: a row whose natural key (registration number,
archive reference) already exists is counted as existing and never written twice."""

from labourhub.registry.imports.batches import (
    import_batch_check,
    import_batch_check_start,
    import_batch_create,
    import_batch_run_start,
    import_batch_set_columns,
    import_mapping_save,
)
from labourhub.registry.imports.cleaning import Cleaner, RowResult, _csv_safe
from labourhub.registry.imports.fields import (
    ESTABLISHMENT_FIELDS,
    INSPECTION_FIELDS,
    ImportField,
    import_fields,
    suggest_columns,
)
from labourhub.registry.imports.messages import (
    BAD_CHOICE,
    BAD_COORDINATE,
    BAD_DATE,
    BAD_ENCODING,
    CHUNK,
    COLUMN_NOT_IN_FILE,
    DEFAULT_MAX_BYTES,
    DUPLICATE_IN_FILE,
    ENCODING_CHOICES,
    FILE_EMPTY,
    FILE_TOO_LARGE,
    FILE_TYPE,
    FILE_UNREADABLE,
    FORMULA,
    FUTURE_DATE,
    MISSING_COLUMN,
    NOT_A_COUNT,
    NOTHING_VALID,
    REQUIRED,
    ROW_ENCODING,
    ROW_UNREADABLE,
    TOO_LONG,
    UNEXPECTED,
    UNKNOWN_ESTABLISHMENT,
    UNKNOWN_OFFICE,
    WRONG_STATUS,
    max_import_bytes,
)
from labourhub.registry.imports.reading import FileUnreadableError
from labourhub.registry.imports.running import (
    import_batch_run,
    import_error_report_rows,
    import_template_header,
)

__all__ = [
    "BAD_CHOICE",
    "BAD_COORDINATE",
    "BAD_DATE",
    "BAD_ENCODING",
    "CHUNK",
    "COLUMN_NOT_IN_FILE",
    "DEFAULT_MAX_BYTES",
    "DUPLICATE_IN_FILE",
    "ENCODING_CHOICES",
    "ESTABLISHMENT_FIELDS",
    "FILE_EMPTY",
    "FILE_TOO_LARGE",
    "FILE_TYPE",
    "FILE_UNREADABLE",
    "FORMULA",
    "FUTURE_DATE",
    "INSPECTION_FIELDS",
    "MISSING_COLUMN",
    "NOTHING_VALID",
    "NOT_A_COUNT",
    "REQUIRED",
    "ROW_ENCODING",
    "ROW_UNREADABLE",
    "TOO_LONG",
    "UNEXPECTED",
    "UNKNOWN_ESTABLISHMENT",
    "UNKNOWN_OFFICE",
    "WRONG_STATUS",
    "Cleaner",
    "FileUnreadableError",
    "ImportField",
    "RowResult",
    "_csv_safe",
    "import_batch_check",
    "import_batch_check_start",
    "import_batch_create",
    "import_batch_run",
    "import_batch_run_start",
    "import_batch_set_columns",
    "import_error_report_rows",
    "import_fields",
    "import_mapping_save",
    "import_template_header",
    "max_import_bytes",
    "suggest_columns",
]
