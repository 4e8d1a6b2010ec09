"""The participant view as screens read it: whether the screen is being shared now.

The app marks itself with :data:`PARTICIPANT_VIEW` while the participant view is on; the
same class hides everything facilitator-only through the styles, so what a screen
checks and what the room sees never disagree.
"""

from __future__ import annotations

from textual.dom import DOMNode

from circlekeeper.sessions.languages.speaking import N_

PARTICIPANT_VIEW = "-participant-view"
"""The app's class while the participant view is on."""

FACILITATOR_TITLE = N_("FACILITATOR VIEW · not for sharing · v switches")
"""The title bar's words in the facilitator view, in English: translated when shown."""

PARTICIPANT_TITLE = N_("PARTICIPANT VIEW")
"""The title bar's words in the participant view, in English: translated when shown."""


def is_shared(node: DOMNode) -> bool:
    """Whether the participant view is on in ``node``'s app."""
    return node.app.has_class(PARTICIPANT_VIEW)
