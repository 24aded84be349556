"""Optional libraries: pandas and pyarrow come with `pip install 'govkg[data]'`."""
from __future__ import annotations

import importlib
import importlib.util
from types import ModuleType

__all__ = ["MissingExtra", "require", "installed"]

# module -> the extra that installs it
EXTRAS = {"pandas": "data", "pyarrow": "data"}


class MissingExtra(ImportError):
    """An optional library a feature needs is not installed: the message says how to get it."""


def installed(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def require(module: str, feature: str) -> ModuleType:
    """Import `module`, or raise MissingExtra naming `feature` and the pip command."""
    if not installed(module):
        extra = EXTRAS.get(module)
        how = f"pip install 'govkg[{extra}]'" if extra else f"pip install {module}"
        raise MissingExtra(f"{feature} needs {module}, which is not installed: {how}")
    return importlib.import_module(module)
