"""The crisis keys: ``!``, and a chord that works while typing.

Both are the app's priority bindings, so they reach the crisis action from every screen
and every dialog: Textual leaves the app's ordinary keys out of a dialog, but checks its
priority keys first wherever focus is. A text box still types ``!`` (Textual never lets
a binding take a key that the focused box would type), which is why there is a chord.
``ctrl+\\`` is taken by neither a terminal (the app turns off the quit signal it sends)
nor a browser tab, so it works in tmux and in a tab through ``serve`` alike.
"""

from __future__ import annotations

from textual.binding import Binding

from circlekeeper.sessions.languages.speaking import N_

CRISIS_TIP = N_("Pause and show the crisis resource")

CRISIS_KEY = Binding(
    "exclamation_mark", "crisis", N_("Crisis"), id="app.crisis", priority=True, tooltip=CRISIS_TIP
)
"""``!``: wherever focus is not in a text box."""

CRISIS_CHORD = Binding(
    "ctrl+backslash",
    "crisis",
    N_("Crisis"),
    id="app.crisis-chord",
    priority=True,
    show=False,
    tooltip=CRISIS_TIP,
)
"""``ctrl+\\``: anywhere, a text box included. A screen's footer shows ``!`` instead."""

DIALOG_CRISIS = Binding(
    "ctrl+backslash", "app.crisis", N_("Crisis"), id="app.crisis-chord", tooltip=CRISIS_TIP
)
"""The chord as a dialog's footer shows it.

The app's priority binding answers the key first; this one puts it in the footer, which
lists only the dialog's own keys. It shares the chord's id, so a keymap moves both.
"""
