"""Typed hook calls: every result is checked against its hookspec's return annotation.

pluggy's own call drops ``None`` results and does not say which plugin returned what, so a
plugin that returns, say, a dict where a ``ChecklistDefinition`` is due would be silently
ignored or fail far away. ``TypedCaller`` calls each implementation itself (newest first, as
pluggy does), checks its result, and raises ``HookResultError`` naming the plugin and the hook.
"""

import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from labourhub.extensions import hookspecs


class HookResultError(TypeError):
    """A hook implementation returned a value of the wrong type."""


@dataclass(frozen=True)
class ResultShape:
    """``many``: the hook returns a list of ``accepts``; otherwise one value (or None)."""

    many: bool
    accepts: tuple[type, ...]
    firstresult: bool


def _classes(annotation: Any) -> tuple[type, ...]:
    if annotation is None or annotation is type(None):
        return ()
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return tuple(c for arg in typing.get_args(annotation) for c in _classes(arg))
    return (typing.get_origin(annotation) or annotation,)


@cache
def result_shape(hook_name: str) -> ResultShape:
    spec = getattr(hookspecs, hook_name)
    returns = typing.get_type_hints(spec)["return"]
    firstresult = bool(spec.labourhub_spec.get("firstresult"))
    if typing.get_origin(returns) is list:
        (item,) = typing.get_args(returns)
        return ResultShape(many=True, accepts=_classes(item), firstresult=firstresult)
    return ResultShape(many=False, accepts=_classes(returns), firstresult=firstresult)


def _describe(value: Any) -> str:
    return type(value).__name__


def check_result(*, plugin: str, hook_name: str, value: Any) -> None:
    """Raise ``HookResultError`` unless ``value`` matches the hookspec's return type."""
    shape = result_shape(hook_name)
    if value is None:
        return
    expected = " | ".join(c.__name__ for c in shape.accepts) or "None"
    if shape.many:
        if not isinstance(value, list | tuple):
            raise HookResultError(
                f"Plugin {plugin!r}: hook {hook_name!r} must return a list of {expected}, "
                f"not {_describe(value)}."
            )
        for index, item in enumerate(value):
            if not isinstance(item, shape.accepts):
                raise HookResultError(
                    f"Plugin {plugin!r}: hook {hook_name!r} returned {_describe(item)} at "
                    f"position {index}; expected {expected}."
                )
        return
    if not shape.accepts or not isinstance(value, shape.accepts):
        raise HookResultError(
            f"Plugin {plugin!r}: hook {hook_name!r} must return {expected}, not {_describe(value)}."
        )


class TypedCaller:
    """Calls the implementations of one hook (a pluggy caller's subset) and checks results."""

    def __init__(self, hook_name: str, caller: Any) -> None:
        self.name = hook_name
        self._caller = caller

    def get_hookimpls(self) -> list[Any]:
        return list(self._caller.get_hookimpls())

    def __call__(self, **kwargs: Any) -> Any:
        shape = result_shape(self.name)
        results: list[Any] = []
        for impl in reversed(self.get_hookimpls()):
            function: Callable[..., Any] = impl.function
            missing = [arg for arg in impl.argnames if arg not in kwargs]
            if missing:
                raise TypeError(f"Hook {self.name!r} was called without {', '.join(missing)}.")
            value = function(*[kwargs[arg] for arg in impl.argnames])
            check_result(plugin=str(impl.plugin_name), hook_name=self.name, value=value)
            if value is None:
                continue
            if shape.firstresult:
                return value
            results.append(value)
        return None if shape.firstresult else results
