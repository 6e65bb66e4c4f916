"""media_assets.models sits at the bottom of its app: nothing it imports imports it.

Read from the source (every import, function bodies too), because a cycle
hidden in a function body works at run time until the day it does not.
"""

import ast
from pathlib import Path

import media_assets
import media_assets.models

APP = Path(media_assets.__file__).parent
MODELS = Path(media_assets.models.__file__)


def imported_modules(path, package):
    """Absolute names of every module `path` imports, at any depth."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")
            if node.level:
                base = base[: len(base) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def app_modules():
    """media_assets' own modules outside the models package: name -> imports."""
    found = {}
    for path in APP.glob("*.py"):
        name = f"media_assets.{path.stem}"
        found[name] = imported_modules(path, "media_assets")
    return found


def test_models_import_no_module_that_imports_them():
    users_of_models = {
        name
        for name, imports in app_modules().items()
        if any(
            i == "media_assets.models" or i.startswith("media_assets.models.")
            for i in imports
        )
    }
    assert "media_assets.renditions" in users_of_models  # the check sees real users
    package = MODELS.name == "__init__.py"
    for path in sorted(MODELS.parent.glob("*.py")) if package else [MODELS]:
        imports = imported_modules(
            path, "media_assets.models" if package else "media_assets"
        )
        assert not imports & users_of_models, (
            f"{path.name} imports {imports & users_of_models}"
        )


def test_renditions_depend_on_the_models():
    imports = imported_modules(APP / "renditions.py", "media_assets")
    assert "media_assets.models.Rendition" in imports
