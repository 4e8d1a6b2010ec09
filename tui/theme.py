"""The app's own high-contrast theme, for a projector in a bright room or a low-vision reader.

Black behind everything, white text, and colours chosen so that every word is at least
7:1 against black and every border and large digit well above 3:1. Pick it in
``config.toml`` with ``theme = "circlekeeper-high-contrast"``.
"""

from __future__ import annotations

from textual.theme import Theme

HIGH_CONTRAST = Theme(
    name="circlekeeper-high-contrast",
    primary="#4cc2ff",
    secondary="#ffd75f",
    accent="#ffffff",
    warning="#ffd700",
    error="#ff8080",
    success="#5fff87",
    foreground="#ffffff",
    background="#000000",
    surface="#000000",
    panel="#1c1c1c",
    boost="#000000",
    dark=True,
    variables={
        "text-muted": "#ffffff",
        "text-disabled": "#d0d0d0",
        "border": "#ffffff",
        "border-blurred": "#c0c0c0",
        "footer-foreground": "#ffffff",
        "footer-background": "#000000",
        "footer-key-foreground": "#ffd75f",
        "footer-description-foreground": "#ffffff",
        "block-cursor-foreground": "#000000",
        "block-cursor-background": "#ffffff",
        "block-cursor-blurred-foreground": "#ffffff",
        "block-cursor-blurred-background": "#404040",
        "input-selection-background": "#ffffff 40%",
        "scrollbar": "#c0c0c0",
        "scrollbar-hover": "#ffffff",
        "scrollbar-active": "#ffffff",
        "scrollbar-background": "#000000",
        "warning-muted": "#000000",
        "text-warning": "#ffd700",
        "text-error": "#ff8080",
        "text-success": "#5fff87",
        "text-primary": "#4cc2ff",
        "text-secondary": "#ffd75f",
        "text-accent": "#ffffff",
    },
)
"""The high-contrast theme, registered by the app."""
