"""Run import-linter with the plugin contracts generated for every plugin under plugins/.

The static contracts live in pyproject.toml ([tool.importlinter]). The plugin contracts cannot:
import-linter needs each plugin package as a root package, and its wildcards match whole module
names only, so ``labourhub_*`` cannot be written. This script finds every plugin package
(``plugins/*/src/<package>/__init__.py``), adds them as root packages, and adds two contracts:

- the core (labourhub, tenants, cms) never imports a plugin;
- a plugin imports no core module other than ``labourhub.plugin_api``.

A new plugin is covered the moment its directory exists; nothing to edit.
"""

import sys
import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORE_ROOTS = ("labourhub", "tenants", "cms")
FACADE = "labourhub.plugin_api"


def plugin_packages(plugins_dir: Path) -> dict[str, Path]:
    """Plugin package name -> its ``src`` directory, for every plugin distribution."""
    found: dict[str, Path] = {}
    for init in sorted(plugins_dir.glob("*/src/*/__init__.py")):
        found[init.parent.name] = init.parent.parent
    return found


def core_modules_besides_facade(platform_dir: Path) -> list[str]:
    """Every first-level module of the core package except the facade."""
    names = []
    for child in sorted((platform_dir / "labourhub").iterdir()):
        if child.name.startswith(("_", ".")) or child.name == "plugin_api":
            continue
        if child.is_dir() and (child / "__init__.py").exists():
            names.append(f"labourhub.{child.name}")
        elif child.suffix == ".py":
            names.append(f"labourhub.{child.stem}")
    return names


def contracts_for(
    *, base: dict[str, Any], packages: list[str], core_modules: list[str]
) -> dict[str, Any]:
    """The full import-linter configuration: ``base`` plus the generated plugin contracts."""
    config = {**base, "contracts": list(base.get("contracts", []))}
    roots = list(base.get("root_packages", CORE_ROOTS))
    core_roots = [r for r in roots if r in CORE_ROOTS]
    config["root_packages"] = [*roots, *packages]
    if packages:
        config["contracts"] += [
            {
                "name": "The core never imports a plugin",
                "type": "forbidden",
                "source_modules": core_roots,
                "forbidden_modules": list(packages),
            },
            {
                "name": f"Plugins import the core only through {FACADE}",
                "type": "forbidden",
                "source_modules": list(packages),
                "forbidden_modules": [*core_modules, *(r for r in core_roots if r != "labourhub")],
                # The facade itself imports the core; what a plugin reaches through it is fine.
                "allow_indirect_imports": True,
            },
        ]
    return config


def _ini_value(value: Any) -> str:
    if isinstance(value, list):
        return "\n" + "\n".join(f"    {item}" for item in value)
    if isinstance(value, bool):
        return "True" if value else "False"
    return str(value)


def to_ini(config: dict[str, Any]) -> str:
    lines = ["[importlinter]"]
    lines += [f"{k} = {_ini_value(v)}" for k, v in config.items() if k != "contracts"]
    for index, contract in enumerate(config["contracts"]):
        lines += ["", f"[importlinter:contract:{index}]"]
        lines += [f"{k} = {_ini_value(v)}" for k, v in contract.items()]
    return "\n".join(lines) + "\n"


def main(root: Path = ROOT) -> int:
    base = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
        "importlinter"
    ]
    found = plugin_packages(root / "plugins")
    config = contracts_for(
        base=base,
        packages=sorted(found),
        core_modules=core_modules_besides_facade(root / "platform"),
    )
    target = root / ".run" / "importlinter.ini"
    target.parent.mkdir(exist_ok=True)
    target.write_text(to_ini(config), encoding="utf-8")
    sys.path[:0] = [str(root / "platform"), str(root), *(str(p) for p in found.values())]
    from importlinter.cli import lint_imports

    return int(lint_imports(config_filename=str(target)))


if __name__ == "__main__":
    sys.exit(main())
