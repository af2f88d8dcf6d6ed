"""spyne, imported in one place: its 2.14 release vendors six 1.14, whose meta-path importer
predates PEP 451 (``find_spec``), so Python 3.11 would warn on every later import of the process.
six 1.16 solved it with the three methods given here to spyne's copy. Import spyne from here.
"""

import importlib.util
import warnings
from importlib.machinery import ModuleSpec
from types import ModuleType
from typing import Any

with warnings.catch_warnings():
    # Only spyne's own first imports pass through the old importer before it is fixed below.
    warnings.simplefilter("ignore", ImportWarning)
    from spyne.util import six


def _find_spec(self: Any, fullname: str, path: Any = None, target: Any = None) -> ModuleSpec | None:
    if fullname in self.known_modules:
        return importlib.util.spec_from_loader(fullname, self)
    return None


def _create_module(self: Any, spec: ModuleSpec) -> ModuleType:
    module: ModuleType = self.load_module(spec.name)
    return module


def _exec_module(self: Any, module: ModuleType) -> None:
    return None


_importer = six._SixMetaPathImporter
if not hasattr(_importer, "find_spec"):
    _importer.find_spec = _find_spec
    _importer.create_module = _create_module
    _importer.exec_module = _exec_module

with warnings.catch_warnings():
    # spyne's SOAP module imports ``cgi`` (removed in Python 3.13, see ADR 0027); 3.11 has it.
    warnings.filterwarnings("ignore", "'cgi' is deprecated", DeprecationWarning)
    from spyne import Application, Array, ComplexModel, Date, DateTime, Fault, ServiceBase, Unicode
    from spyne.decorator import rpc
    from spyne.interface.wsdl import Wsdl11
    from spyne.protocol.soap import Soap11
    from spyne.server.django import DjangoServer

__all__ = [
    "Application",
    "Array",
    "ComplexModel",
    "Date",
    "DateTime",
    "DjangoServer",
    "Fault",
    "ServiceBase",
    "Soap11",
    "Unicode",
    "Wsdl11",
    "rpc",
]
