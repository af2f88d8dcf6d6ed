"""Bulk import of establishments and historical inspection records from CSV and Excel.

Flow: ``import_batch_create`` stores the original file in object storage and reads its header;
``import_batch_check`` (dry run) validates every row and records each problem in the uploader's
language without writing registry data; ``import_batch_run`` writes the valid rows in chunks.
Both passes stream the file from a local temporary copy, so memory stays flat as files grow.
Re-running is idempotent: rows whose natural key (registration number, archive reference)
already exists are counted as existing and never written twice.
"""

import csv
import datetime as dt
import hashlib
import io
import re
import tempfile
import unicodedata
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing IO, Any
