"""Check boxes and radio buttons whose state shows in their mark, not only in colour.

Textual draws the same mark on and off and tells them apart by colour alone, which
vanishes with NO_COLOR, on a washed-out projector or for a colour-blind facilitator. These
draw the mark only when the box is ticked or the button chosen.
"""

from __future__ import annotations

from textual.widgets import Checkbox, RadioButton


class MarkedCheckbox(Checkbox):
    """A check box that shows ``X`` when ticked and a blank when not."""

    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]  # noqa: N802 - read per draw
        return "X" if self.value else " "


class MarkedRadioButton(RadioButton):
    """A radio button that shows a dot when chosen and a blank when not."""

    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]  # noqa: N802 - read per draw
        return "●" if self.value else " "
