"""The built wheel, installed into a fresh virtual environment, lists and checks templates.

This is what a facilitator gets from ``pipx install circlekeeper``: the built-in templates
must travel as package data, and nothing may land in site-packages under a generic name.
The same build (a source archive and a wheel) must be clean enough to publish: no warning
from setuptools, and ``twine check`` content with its metadata.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = sorted(p.stem for p in (ROOT / "templates").glob("*.md"))

# One worker builds and installs the wheel once, and runs every test of it.
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("wheel")]


def _run(args: list[str | Path], **kwargs) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, timeout=300, **kwargs
    )
    return result


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The folder holding the source archive and the wheel, and what the build said."""
    work = tmp_path_factory.mktemp("wheel")
    # Build from a copy so the build leaves no build/ or egg-info in the working tree.
    source = work / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE", "CHANGELOG.md"):
        if (ROOT / name).exists():
            shutil.copy2(ROOT / name, source / name)
    for folder in ("sessions", "tui", "templates"):
        shutil.copytree(
            ROOT / folder, source / folder, ignore=shutil.ignore_patterns("__pycache__")
        )
    dist = work / "dist"
    # Both from the source folder: building the wheel from the archive would build twice.
    # With the test environment's own backend (a test extra): an isolated build installed
    # setuptools afresh each time, three quarters of the build's time.
    build = [sys.executable, "-m", "build", "--no-isolation", "--sdist", "--wheel"]
    build += ["--outdir", dist, source]
    done = _run(build)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    return dist, done.stdout + done.stderr


@pytest.fixture(scope="module")
def installed(built: tuple[Path, str], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The ``bin`` folder of a fresh virtual environment with the wheel installed.

    The wheel goes in on its own; what it depends on is found in the test environment,
    named by a ``.pth`` file, rather than downloaded and unpacked again (that took most of
    this file's time). The environment's own packages come first on the path, so the
    program runs from the wheel; the test environment holds no copy of circlekeeper, only
    the hook of its editable install, which a ``.pth`` path line does not load. That the
    wheel's declared dependencies resolve is what ``twine check`` and a fresh clone's
    ``scripts/setup`` show.
    """
    dist, _ = built
    (wheel,) = dist.glob("circlekeeper-*.whl")
    venv = tmp_path_factory.mktemp("venv") / "venv"
    made = _run([sys.executable, "-m", "venv", "--without-pip", venv])
    assert made.returncode == 0, made.stderr
    bin_dir = venv / ("Scripts" if os.name == "nt" else "bin")
    purelib = "import sysconfig; print(sysconfig.get_path('purelib'))"
    where = _run([bin_dir / "python", "-c", purelib])
    site = Path(where.stdout.strip())
    (site / "test-dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n")
    pip = _run(
        [sys.executable, "-m", "pip", "--python", bin_dir / "python", "install", "--quiet",
         "--no-compile", "--no-deps", wheel]
    )  # fmt: skip
    assert pip.returncode == 0, pip.stdout[-2000:] + pip.stderr[-2000:]
    return bin_dir


@pytest.fixture
def elsewhere(tmp_path: Path) -> Path:
    """A folder far from the source tree to run the command in."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    return folder


def _circlekeeper(bin_dir: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return _run([bin_dir / "circlekeeper", *args], cwd=cwd, env=env)


def test_templates_list_shows_the_builtins(installed: Path, elsewhere: Path) -> None:
    result = _circlekeeper(installed, elsewhere, "templates", "list")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    rows = {line.split()[0]: line for line in result.stdout.splitlines()[1:] if line.strip()}
    for name in SHIPPED:
        assert name in rows and rows[name].rstrip().endswith("built-in"), result.stdout


def test_templates_check_from_another_folder(installed: Path, elsewhere: Path) -> None:
    good = elsewhere / "ours.md"
    good.write_text("# Ours\n\n## Welcome (10 min)\n\n- A prompt\n", encoding="utf-8")
    bad = elsewhere / "draft.md"
    bad.write_text("# Draft\n\n## Welcome\n", encoding="utf-8")
    result = _circlekeeper(installed, elsewhere, "templates", "check", "ours.md")
    assert (result.returncode, result.stdout) == (0, "ours.md: ok (1 part, 10 min)\n")
    result = _circlekeeper(installed, elsewhere, "templates", "check", "ours.md", "draft.md")
    assert result.returncode == 1
    assert "draft.md:3: a part needs its length, e.g. (10 min)" in result.stdout.splitlines()
    if SHIPPED:
        result = _circlekeeper(installed, elsewhere, "templates", "check", *SHIPPED)
        assert result.returncode == 0, result.stdout


def test_nothing_lands_under_a_generic_name(installed: Path) -> None:
    purelib = _run(
        [installed / "python", "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]
    )
    site = Path(purelib.stdout.strip())
    assert (site / "circlekeeper" / "sessions" / "templates" / "parse.py").is_file()
    assert sorted(p.stem for p in (site / "circlekeeper" / "templates").glob("*.md")) == SHIPPED
    for generic in ("tui", "sessions", "templates", "tests"):
        assert not (site / generic).exists(), f"{generic} installed at the top of site-packages"


def test_the_builtins_readings_travel_in_the_wheel(installed: Path, elsewhere: Path) -> None:
    """With no cache yet, the installed copy lists the built-in templates from the readings
    shipped with them: the parser it was made with reads the same where it is installed."""
    probe = (
        "import sys\n"
        "from pathlib import Path\n"
        "from circlekeeper.sessions.templates.library import TemplateLibrary\n"
        "entries = TemplateLibrary(Path('own'), Path('cache.json')).entries()\n"
        "print(len(entries), 'markdown_it' in sys.modules, 'yaml' in sys.modules)\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    done = _run([installed / "python", "-c", probe], cwd=elsewhere, env=env)
    assert done.stdout.split() == [str(len(SHIPPED)), "False", "False"], done.stderr


def test_the_catalogs_travel_in_the_wheel(installed: Path, elsewhere: Path) -> None:
    """A bad option in a Spanish locale is explained in Spanish by the installed program."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.update(LANG="es_ES.UTF-8", CIRCLEKEEPER_DATA_DIR=str(elsewhere / "data"))
    result = _run(
        [installed / "circlekeeper", "export", "none", "-a", "everyone"], cwd=elsewhere, env=env
    )
    assert result.returncode != 0
    assert "no conocemos 'everyone'; usa participants o facilitator" in result.stderr


def test_the_build_is_ready_to_publish(built: tuple[Path, str]) -> None:
    dist, log = built
    # Byte-compiling is off whenever PYTHONDONTWRITEBYTECODE is set: not the package's doing.
    warnings = [
        line
        for line in log.splitlines()
        if "warning" in line.lower() and "byte-compiling is disabled" not in line
    ]
    assert warnings == [], "\n".join(warnings)
    archives = sorted(p.name for p in dist.iterdir())
    assert sorted(name.rsplit(".", 1)[-1] for name in archives) == ["gz", "whl"], archives
    checked = _run([sys.executable, "-m", "twine", "check", "--strict", *dist.iterdir()])
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.count("PASSED") == 2, checked.stdout
