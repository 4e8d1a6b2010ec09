"""The installed ``circlekeeper`` command, run as a facilitator runs it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from probe_support import run_probe

from circlekeeper.sessions.settings import folders as paths

PROGRAM = str(Path(sys.executable).parent / "circlekeeper")
if not Path(PROGRAM).exists():
    PROGRAM = shutil.which("circlekeeper") or PROGRAM


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [PROGRAM, *args], capture_output=True, text=True, env=dict(os.environ), timeout=60
    )


def test_arguments_go_through_the_command_line() -> None:
    version = _run("--version")
    assert version.returncode == 0
    assert version.stdout.startswith("circlekeeper, version ")
    listed = _run("templates", "list")
    assert listed.returncode == 0
    assert "first-meeting" in listed.stdout
    unknown = _run("frobnicate")
    assert unknown.returncode == 2
    assert "No such command" in unknown.stderr


def test_opening_the_app_does_not_load_the_command_line_library(folders) -> None:
    # The same entry point the console script calls, stopped just before the app would
    # open (a settings file with a slip no longer stops it), then asked what it loaded.
    paths.ensure_private_dir(folders.config)
    folders.config_file.write_text("bell = yes please\n", encoding="utf-8")
    probe = (
        "import sys\n"
        "import circlekeeper.tui.app as app_module\n"
        "def stop(settings):\n"
        "    raise SystemExit(2)\n"
        "app_module.make_app = stop\n"
        "sys.argv = ['circlekeeper']\n"
        "from circlekeeper.tui.main import main\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as stop:\n"
        "    print(stop.code, 'click' in sys.modules)\n"
    )
    done = run_probe(probe)
    assert done.stdout.split() == ["2", "False"], done.stderr
    with_arguments = probe.replace("['circlekeeper']", "['circlekeeper', 'templates', 'list']")
    done = run_probe(with_arguments)
    assert done.stdout.split()[-2:] == ["0", "True"]


def test_the_app_opens_without_loading_the_engine_or_the_guard(settings) -> None:
    # The host, its session store (with TinyDB) and the flows are made just after the
    # first frame; the engine, the personal-data guard (with its phone number tables), the
    # drop-box and the run screen with its timers load when the first session opens, the
    # template parser only when a template has changed, and the markdown renderer once
    # the home screen's first frame is drawn; the structures with the first structured
    # part. The screen for a terminal too small loads when one is, the follow-up reminder
    # when a follow-up is due, and the session tabs need no lazy placeholders.
    probe = (
        "import sys\n"
        "from pathlib import Path\n"
        "from circlekeeper.sessions.settings import Folders, Settings\n"
        "from circlekeeper.tui.app import make_app\n"
        f"make_app(Settings(Folders.under(Path({str(settings.folders.data.parent)!r}))))\n"
        "heavy = ('circlekeeper.sessions.engine.session', 'phonenumbers',\n"
        "         'circlekeeper.sessions.host.session_host', 'tinydb',\n"
        "         'circlekeeper.sessions.storage.session_store',\n"
        "         'circlekeeper.sessions.dropbox', 'aiohttp',\n"
        "         'circlekeeper.tui.screens.run_session', 'circlekeeper.tui.screens.run_ticks',\n"
        "         'circlekeeper.sessions.templates.parse', 'yaml',\n"
        "         'rich.markdown', 'markdown_it', 'pygments',\n"
        "         'circlekeeper.sessions.structures.expand',\n"
        "         'circlekeeper.tui.screens.too_small', 'textual.lazy',\n"
        "         'circlekeeper.tui.widgets.follow_up_reminder')\n"
        "print(*[name for name in heavy if name in sys.modules])\n"
    )
    done = run_probe(probe)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == []


def test_the_first_frame_modules_leave_storage_and_the_settings_reader_unloaded(folders) -> None:
    # What the home screen's first frame is drawn from (the settings, the template
    # library, the labels and the follow-up reminder) and the app's side of the settings
    # file, asked what they loaded. Settings are read from folders with no settings file,
    # as on most launches, and the library lists the built-in templates from a warm
    # cache, which neither writes nor hashes anything. With no language set, no catalog
    # is read, and the package's own files are found without importlib's resource readers.
    probe = (
        "import sys\n"
        "from pathlib import Path\n"
        "import circlekeeper.tui.launch, circlekeeper.tui.settings_choices\n"
        "import circlekeeper.tui.widgets.follow_up_reminder, circlekeeper.tui.screens.home_labels\n"
        "import circlekeeper.tui.settings_file\n"
        "from circlekeeper.sessions.settings import Folders, Settings\n"
        "from circlekeeper.sessions.templates.library import TemplateLibrary\n"
        f"folders = Folders.under(Path({str(folders.data.parent)!r}))\n"
        "Settings.in_folders(folders, {})\n"
        "TemplateLibrary.in_folders(folders).entries()\n"
        "later = ('tinydb', 'circlekeeper.sessions.storage.index',\n"
        "         'circlekeeper.sessions.storage.atomic', 'circlekeeper.sessions.engine',\n"
        "         'circlekeeper.sessions.follow_ups',\n"
        "         'circlekeeper.sessions.settings.toml_lines', 'tomllib', 'tomli', 'hashlib',\n"
        "         'gettext', 'importlib.resources', 'zipfile')\n"
        "print(*[name for name in later if name in sys.modules])\n"
    )
    # The first listing fills the template cache (with the atomic writer); the second is
    # the warm launch.
    cold = run_probe(probe)
    assert cold.returncode == 0, cold.stderr
    assert "circlekeeper.sessions.storage.atomic" in cold.stdout.split()
    warm = run_probe(probe)
    assert warm.returncode == 0, warm.stderr
    assert warm.stdout.split() == []


def test_the_records_the_app_loads_with_are_not_dataclasses() -> None:
    # A dataclass writes and compiles its methods as it is defined, on every launch: a
    # frozen one costs about a millisecond. The core's records loaded with the app are
    # named tuples and plain classes instead; one more dataclass among them should be a
    # choice made knowingly, not a slip. The records named below must be among those
    # looked at, so the check cannot pass by finding no classes at all.
    probe = (
        "import dataclasses, inspect, sys\n"
        "import circlekeeper.tui.app\n"
        "seen, found = set(), []\n"
        "for name, module in sorted(sys.modules.items()):\n"
        "    if not name.startswith('circlekeeper.sessions.'):\n"
        "        continue\n"
        "    for value in vars(module).values():\n"
        "        if inspect.isclass(value) and value.__module__ == name:\n"
        "            seen.add(value.__name__)\n"
        "            if dataclasses.is_dataclass(value):\n"
        "                found.append(f'{name}.{value.__qualname__}')\n"
        "print('seen', *sorted(seen))\n"
        "print('dataclasses', *found)\n"
    )
    done = run_probe(probe)
    assert done.returncode == 0, done.stderr
    seen_line, found_line = done.stdout.splitlines()
    records = {"Language", "Folders", "Choices", "ConfigProblem", "ConfigReading", "Config"}
    records |= {"Settings", "Problem", "Part", "Agenda", "TemplateEntry", "TemplateLibrary"}
    assert records <= set(seen_line.split()[1:])
    assert found_line.split()[1:] == []
