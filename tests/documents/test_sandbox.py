"""Templates that try to leave the sandbox are refused at save time with a clear message."""

import pytest
from django.core.exceptions import ValidationError

from labourhub.audit.models import AuditEvent
from labourhub.documents.models import DocumentTemplate, TemplateVersion
from labourhub.documents.services import document_template_save

HOSTILE = [
    ("{{ settings.SECRET_KEY }}", "Unknown field"),
    ("{{ config }}", "Unknown field"),
    ("{{ request.user }}", "Unknown field"),
    ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "is not a field"),
    ("{{ ministry.__class__ }}", "is not a field"),
    ("{{ ministry['__class__'] }}", "is not a field"),
    ("{{ lipsum.__globals__ }}", "is not a field"),
    ("{{ cycler.__init__.__globals__.os.popen('id').read() }}", "is not a field"),
    ("{{ self._TemplateReference__context }}", "is not a field"),
    ("{% include '/etc/passwd' %}", "include"),
    ("{% import 'os' as os %}", "import"),
    ("{% extends 'base.html' %}", "extends"),
    ("{{ '{0.__class__.__init__.__globals__}'.format(ministry) }}", "may not do"),
    ("{{ 'x' * 100000000 }}", "may not do"),
    ("{{ 9 ** 999999 }}", "may not do"),
    ("{% for i in range(100000000) %}x{% endfor %}", "failed"),
    ("<script>alert(1)</script>", "no scripts"),
    ('<img src="file:///etc/passwd">', "no scripts"),
    ('<a href="javascript:alert(1)">x</a>', "no scripts"),
    ("<p onclick=alert(1)>x</p>", "no scripts"),
    ("<style>@import 'http://169.254.169.254/'</style>", "no scripts"),
    ("{% if %}", "syntax error"),
    ("{{ establishment.objects.all() }}", "does not have"),
]


@pytest.mark.parametrize(("body", "message"), HOSTILE)
def test_hostile_template_is_refused_and_nothing_is_saved(in_ministry, admin, body, message):
    before_versions = TemplateVersion.objects.count()
    before_audit = AuditEvent.objects.count()
    with pytest.raises(ValidationError) as exc:
        document_template_save(
            kind="fine_decision",
            layout="single",
            languages=["en"],
            texts={"en": {"title": "Fine", "body": body}},
            actor=admin,
        )
    errors = exc.value.message_dict
    assert "body_en" in errors, errors
    assert message in " ".join(errors["body_en"]), errors
    assert TemplateVersion.objects.count() == before_versions
    assert AuditEvent.objects.count() == before_audit
    assert not DocumentTemplate.objects.filter(kind="fine_decision").exists()


@pytest.mark.parametrize(
    ("layout", "languages", "field"),
    [
        ("single", ["en", "es"], "languages"),
        ("columns", ["en"], "languages"),
        ("columns", ["en", "en"], "languages"),
        ("single", ["xx"], "languages"),
        ("zigzag", ["en"], "layout"),
    ],
)
def test_inconsistent_languages_are_refused(in_ministry, admin, layout, languages, field):
    with pytest.raises(ValidationError) as exc:
        document_template_save(
            kind="certificate",
            layout=layout,
            languages=languages,
            texts={c: {"title": "T", "body": "B"} for c in languages},
            actor=admin,
        )
    assert field in exc.value.message_dict


def test_missing_second_language_text_is_refused(in_ministry, admin):
    with pytest.raises(ValidationError) as exc:
        document_template_save(
            kind="certificate",
            layout="columns",
            languages=["en", "si"],
            texts={"en": {"title": "T", "body": "B"}},
            actor=admin,
        )
    assert set(exc.value.message_dict) == {"title_si", "body_si"}


def test_conditionals_loops_and_fields_are_allowed(in_ministry, admin):
    body = (
        "<p>{{ establishment.name }}</p>{% if findings %}<table>{% for f in findings %}"
        "<tr><td>{{ loop.index }}</td><td>{{ f.provision }}</td><td>{{ f.description|upper }}"
        "</td></tr>{% endfor %}</table>{% else %}<p>None</p>{% endif %}"
        "{% set total = findings|length %}<p>{{ total }}</p>"
    )
    version = document_template_save(
        kind="minutes",
        layout="single",
        languages=["en"],
        texts={"en": {"title": "Minutes", "body": body}},
        actor=admin,
    )
    assert version.number == 1
