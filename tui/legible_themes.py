"""Textual's dark and light themes, retouched so every word and border can be read.

Measured on the rendered screen, Textual's own themes fall short in places: an unfocused
frame is 1.7-1.9:1 against the background, muted and disabled text 2.6-3.5:1, a
highlighted row's text 3.8:1 on its bar, and rich's magenta headings 4.47:1. The app
registers these copies under the same names, so a facilitator's ``theme =
"textual-dark"`` still picks the dark theme, now with text at least 4.5:1 and borders
and large digits at least 3:1 against what is behind them.
"""

from __future__ import annotations

from dataclasses import replace

from rich.terminal_theme import TerminalTheme
from textual.theme import BUILTIN_THEMES, Theme

DARK = replace(
    BUILTIN_THEMES["textual-dark"],
    # Frames and their titles take these colours: the defaults are 3.3:1 and 1.7:1.
    primary="#4ca0e0",
    secondary="#6aa6d8",
    variables={
        "border-blurred": "#9a9a9a",
        "text-muted": "#b4b4b4",
        "text-disabled": "#a8a8a8",
        # A lighter primary is too light behind white text: the bar keeps a deep blue.
        "block-cursor-background": "#005a9e",
        "block-cursor-foreground": "#ffffff",
        "scrollbar": "#6a8aa8",
        "scrollbar-hover": "#8aaac8",
        "scrollbar-active": "#4ca0e0",
    },
)
"""Textual's dark theme with legible frames, muted text, highlight bar and scrollbars."""

LIGHT = replace(
    BUILTIN_THEMES["textual-light"],
    # Orange frames and titles on light grey were 1.5:1, the secondary blue 3.2:1.
    secondary="#005a9e",
    warning="#7a5200",
    accent="#7a5200",
    variables={
        "border-blurred": "#5e5e5e",
        "text-muted": "#505050",
        "text-success": "#286238",
        "text-disabled": "#595959",
        "scrollbar": "#4f6b82",
        "scrollbar-hover": "#455f74",
        "scrollbar-active": "#004578",
    },
)
"""Textual's light theme with legible frames, warnings, muted text and scrollbars."""

DARK_ANSI = TerminalTheme(
    (12, 12, 12),
    (217, 217, 217),
    # Textual's Monokai, with red, magenta, blue and grey lifted to 4.5:1 on the surface.
    [
        (26, 26, 26), (246, 56, 130), (152, 224, 36), (253, 151, 31),
        (159, 104, 255), (246, 56, 130), (88, 209, 235), (196, 197, 181),
    ],
    [
        (139, 136, 123), (246, 56, 130), (152, 224, 36), (224, 213, 97),
        (159, 104, 255), (246, 56, 130), (88, 209, 235), (246, 246, 239),
    ],
)  # fmt: skip
"""The colours rich's renderables (the agenda preview's headings) draw with in a dark theme."""

LIGHT_ANSI = TerminalTheme(
    (240, 240, 240),
    (0, 0, 0),
    # Textual's Alabaster, each colour darkened to 4.5:1 on the light theme's panels.
    [
        (0, 0, 0), (156, 51, 45), (48, 98, 27), (114, 81, 0),
        (45, 83, 173), (122, 62, 157), (0, 94, 128), (247, 247, 247),
    ],
    [
        (88, 88, 88), (154, 51, 51), (46, 97, 0), (112, 83, 41),
        (0, 90, 151), (138, 46, 138), (0, 95, 114), (247, 247, 247),
    ],
)  # fmt: skip
"""The colours rich's renderables draw with in a light theme."""

RETOUCHED_BY_NAME: dict[str, Theme] = {theme.name: theme for theme in (DARK, LIGHT)}
"""The themes the app registers in place of Textual's own of the same name."""
