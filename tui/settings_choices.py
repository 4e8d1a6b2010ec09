"""What the app offers that ``config.toml`` may name: its themes and its key binding ids.

The core checks the settings file (:mod:`circlekeeper.sessions.settings.checks`) but
cannot know Textual's themes or the bindings of the screens; this module gathers them.
"""

from __future__ import annotations

from textual.theme import BUILTIN_THEMES

from circlekeeper.sessions.privacy.region_codes import known_regions
from circlekeeper.sessions.settings.checks import Choices
from circlekeeper.tui.binding_ids import BINDING_IDS


def theme_names() -> tuple[str, ...]:
    """Every theme a facilitator can choose: Textual's and the app's own."""
    from circlekeeper.tui.theme import HIGH_CONTRAST

    return tuple(sorted({*BUILTIN_THEMES, HIGH_CONTRAST.name}))


def settings_choices() -> Choices:
    """The themes, binding ids and regions ``config.toml`` is checked against."""
    return Choices(
        themes=theme_names(),
        keymap_ids=BINDING_IDS,
        region_known=lambda code: code in known_regions(),
    )
