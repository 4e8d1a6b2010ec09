"""Where a package of circlekeeper's own lies on disk, for the files shipped inside it.

circlekeeper is installed as plain folders (a wheel or an editable checkout), never run
from a zip archive, so a package's files are found beside its ``__init__``.
:mod:`importlib.resources` would find the same folder, but it loads ``zipfile`` and its
readers to do so, which the app's first frame would wait for.
"""

from __future__ import annotations

import importlib
from pathlib import Path


def package_folder(package: str) -> Path:
    """The folder of the package named ``package`` (``circlekeeper.templates``).

    Raises:
        ModuleNotFoundError: when there is no such package.
    """
    module = importlib.import_module(package)
    if module.__file__ is None:
        raise ModuleNotFoundError(f"{package} is not a package of files", name=package)
    return Path(module.__file__).parent
