"""The commented settings file ``circlekeeper config init`` writes.

Every line is a comment, so the new file changes nothing until a facilitator takes the
``#`` off a setting; each says what it does and what values it takes.
"""

from __future__ import annotations

from circlekeeper.sessions.settings.checks import WARNING_MINUTES

STARTER = f"""\
# circlekeeper settings. Every setting is optional: take the '#' off a line to use it.
# `circlekeeper config check` says what is wrong, line by line, after an edit.

# Ring the terminal bell when a part or a speaker's turn ends: true or false.
# bell = true

# Minutes before a part ends when its timer turns to the warning colour
# ({WARNING_MINUTES[0]} to {WARNING_MINUTES[1]}; a shorter part warns for a fifth of its length).
# warning_minutes = 2

# The region local phone numbers in notes are read in, as two letters (GB, US, DE...).
# Left out, it follows your computer's locale.
# phone_region = "GB"

# The colours: "textual-dark", "textual-light", "circlekeeper-high-contrast" (white on
# black, for a projector) and others; a theme picked in the app's palette is saved here.
# theme = "textual-light"

# Remap a key by its binding id (`circlekeeper config check --ids` lists them).
# keymap = {{ "run.new-note" = "m", "run.end" = "ctrl+e" }}
"""
