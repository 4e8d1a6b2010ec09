"""An app whose terminal has gone ends even when its shutdown waits for ever."""

from __future__ import annotations

from probe_support import run_probe


def test_a_process_that_never_ends_on_its_own_is_ended_with_the_code_given() -> None:
    # A shutdown stuck on a writer thread that never wakes, as Textual's was seen to be
    # after its terminal closed: the process still ends, with the hang-up's exit code.
    probe = (
        "import threading\n"
        "from circlekeeper.tui.hangup import HANGUP_EXIT_CODE, end_within\n"
        "end_within(0.2, HANGUP_EXIT_CODE)\n"
        "print('saved', flush=True)\n"
        "threading.Event().wait()\n"
    )
    done = run_probe(probe)
    assert done.stdout.strip() == "saved", done.stderr
    assert done.returncode == 129
