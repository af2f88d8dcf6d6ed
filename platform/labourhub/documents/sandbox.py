"""The template language administrators write: Jinja2 in its sandbox, fed plain dicts.

Templates never see a model, a queryset, settings or a loader; they get JSON-like data built by
the context providers. On top of Jinja's sandbox (which blocks ``__class__`` and friends) this
module refuses, at save time, anything that could reach outside the data: includes, imports,
unknown names, and expressions that would allocate absurd amounts of memory.
"""

from collections.abc import Iterator, Mapping
from typing import Any

from django.utils.translation import gettext as _
from jinja2 import StrictUndefined, TemplateSyntaxError, nodes
from jinja2.exceptions import SecurityError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment

MAX_SOURCE_CHARS = 50_000
MAX_OUTPUT_CHARS = 500_000
_MAX_SEQUENCE = 10_000

FORBIDDEN_NODES: dict[type[nodes.Node], str] = {
    nodes.Include: "include",
    nodes.Import: "import",
    nodes.FromImport: "from … import",
    nodes.Extends: "extends",
    nodes.Macro: "macro",
    nodes.CallBlock: "call",
}


class TemplateRefusedError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class _LetterSandbox(SandboxedEnvironment):
    # "x" * 10**9 would otherwise allocate a gigabyte before any output limit could apply.
    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        if operator == "**":
            raise SecurityError("power operator refused")
        if isinstance(left, int | float) and isinstance(right, int | float):
            return left * right
        size = len(left) * int(right) if hasattr(left, "__len__") else len(right) * int(left)
        if size > _MAX_SEQUENCE:
            raise SecurityError("sequence too long")
        return super().call_binop(context, operator, left, right)

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        # Context data is dicts, lists and scalars; the only attributes worth reading on them are
        # the safe string/dict helpers Jinja's sandbox already allows.
        if attr.startswith("_") or attr in {"format", "format_map", "mro"}:
            return False
        return bool(super().is_safe_attribute(obj, attr, value))


def _make_env() -> _LetterSandbox:
    env = _LetterSandbox(autoescape=True, undefined=StrictUndefined, loader=None)
    # No lipsum/cycler/joiner/namespace/dict; range stays (the sandbox caps it).
    env.globals = {"range": env.globals["range"]}
    return env


_ENV = _make_env()


def _walk(node: nodes.Node) -> Iterator[nodes.Node]:
    yield node
    for child in node.iter_child_nodes():
        yield from _walk(child)


def check_source(source: str, *, known_names: set[str]) -> None:
    """Refuse a template that uses a forbidden construct or a field that does not exist.

    Raises TemplateRefusedError with a translated message naming the problem.
    """
    if len(source) > MAX_SOURCE_CHARS:
        raise TemplateRefusedError(
            _("The template is too long (at most %(n)s characters).") % {"n": MAX_SOURCE_CHARS}
        )
    try:
        tree = _ENV.parse(source)
    except TemplateSyntaxError as exc:
        raise TemplateRefusedError(
            _("Template syntax error on line %(line)s: %(error)s")
            % {"line": exc.lineno, "error": exc.message}
        ) from exc
    assigned = {n.name for n in _walk(tree) if isinstance(n, nodes.Name) and n.ctx in ("store",)}
    for node in _walk(tree):
        for node_type, label in FORBIDDEN_NODES.items():
            if isinstance(node, node_type):
                raise TemplateRefusedError(
                    _("Templates may not use “%(tag)s”: letters can only use the fields listed.")
                    % {"tag": label}
                )
        if isinstance(node, nodes.Getattr | nodes.Getitem):
            attr = node.attr if isinstance(node, nodes.Getattr) else None
            if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
                attr = str(node.arg.value)
            if attr is not None and attr.startswith("_"):
                raise TemplateRefusedError(
                    _("“%(name)s” is not a field a template may read.") % {"name": attr}
                )
        if (
            isinstance(node, nodes.Name)
            and node.ctx == "load"
            and node.name not in known_names
            and node.name not in assigned
        ):
            raise TemplateRefusedError(
                _("Unknown field “%(name)s”. Available: %(known)s.")
                % {"name": node.name, "known": ", ".join(sorted(known_names))}
            )


def render_source(source: str, context: Mapping[str, Any]) -> str:
    """Render in the sandbox; any escape attempt or missing field becomes TemplateRefusedError."""
    try:
        output = _ENV.from_string(source).render(dict(context))
    except SecurityError as exc:
        raise TemplateRefusedError(
            _("The template tried something letters may not do (%(error)s).") % {"error": exc}
        ) from exc
    except UndefinedError as exc:
        raise TemplateRefusedError(
            _("The template uses a field this record does not have: %(error)s") % {"error": exc}
        ) from exc
    except TemplateSyntaxError as exc:
        raise TemplateRefusedError(
            _("Template syntax error on line %(line)s: %(error)s")
            % {"line": exc.lineno, "error": exc.message}
        ) from exc
    except (TypeError, ValueError, ArithmeticError, OverflowError) as exc:
        raise TemplateRefusedError(
            _("The template failed on this record: %(error)s") % {"error": exc}
        ) from exc
    if len(output) > MAX_OUTPUT_CHARS:
        raise TemplateRefusedError(_("The letter this template produces is far too long."))
    return output
