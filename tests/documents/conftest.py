import subprocess
import tempfile
from pathlib import Path

import pytest

from labourhub.accounts.roles import Role
from labourhub.documents.defaults import default_text
from labourhub.documents.services import document_template_save


def _run_on_pdf(args: list[str], pdf: bytes) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "doc.pdf"
        path.write_bytes(pdf)
        return subprocess.run(
            [*args, str(path), *(["-"] if args[0] == "pdftotext" else [])],
            check=True,
            capture_output=True,
            text=True,
        ).stdout


def pdf_text(pdf: bytes) -> str:
    return _run_on_pdf(["pdftotext", "-enc", "UTF-8"], pdf)


def pdf_fonts(pdf: bytes) -> str:
    return _run_on_pdf(["pdffonts"], pdf)


@pytest.fixture
def admin(user_with_role):
    return user_with_role(Role.SYSTEM_ADMIN)


@pytest.fixture
def inspector(user_with_role):
    user = user_with_role(Role.INSPECTOR)
    user.first_name, user.last_name = "Ana", "Inspectora"
    user.save(update_fields=["first_name", "last_name"])
    return user


@pytest.fixture
def template_for(admin):
    """Save a one-language English template for ``kind`` with the standard text."""

    def make(kind, languages=("en",), layout="single", body=None):
        texts = {code: default_text(kind, code) for code in languages}
        if body is not None:
            texts[languages[0]]["body"] = body
        return document_template_save(
            kind=kind, layout=layout, languages=list(languages), texts=texts, actor=admin
        )

    return make
