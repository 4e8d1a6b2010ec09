"""The groups screen: each group's history as small charts, its agreements and open items.

Facilitator-only: the counts are shown as the group's report publishes them (a count of
fewer than k people is ``<k``; what would give one away is ``–``; every chart has its
n), and the participant view hides the whole screen but one line. The groups are listed
on the left; the one highlighted is shown on the right.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import OptionList, Static

from circlekeeper.sessions.groups.model import Group
from circlekeeper.sessions.groups.store import GroupStore
from circlekeeper.sessions.languages.speaking import N_, _, ngettext
from circlekeeper.tui.text import clipped
from circlekeeper.tui.widgets.keys_footer import KeysFooter
from circlekeeper.tui.widgets.title_bar import TitleBar

NO_GROUPS = N_(
    "No groups yet. Name a group in the start dialog and the session becomes its first "
    "meeting; each meeting's counts then appear here."
)


def group_widgets(group: Group) -> list[Widget]:
    """What the screen shows of ``group``: its counts over time, agreements and items."""
    from circlekeeper.sessions.groups.history import history_figures
    from circlekeeper.sessions.reports.report import build_report
    from circlekeeper.sessions.reports.series import report_charts
    from circlekeeper.tui.widgets.history_chart import HistoryChart

    k = group.min_count
    figures = history_figures(group)
    known = [f for f in figures if f is not None]
    meetings = len(group.sessions)
    shown: list[Widget] = [
        Static(
            ngettext(
                "{group}: {count} meeting. A count of fewer than {k} people shows as <{k}.",
                "{group}: {count} meetings. A count of fewer than {k} people shows as <{k}.",
                meetings,
            ).format(group=clipped(group.name, 60), count=meetings, k=k),
            classes="group-title",
            markup=False,
        )
    ]
    if len(known) < len(figures):
        missing = len(figures) - len(known)
        unavailable = ngettext(
            "{count} meeting: counts unavailable.", "{count} meetings: counts unavailable.", missing
        )
        shown.append(Static(unavailable.format(count=missing), classes="hint", markup=False))
    if known:
        report = build_report(known, k, title=group.name)
        shown += [HistoryChart(chart) for chart in report_charts(report)]
    else:
        shown.append(
            Static(
                _("No meeting has finished yet: counts come with the first."),
                classes="hint",
                markup=False,
            )
        )
    shown.append(Static(_("Agreements"), classes="group-heading", markup=False))
    agreements = [f"• {text}" for text in group.agreements] or [_("None yet.")]
    shown.append(Static("\n".join(agreements), markup=False))
    shown.append(
        Static(_("Open items (for the next meeting)"), classes="group-heading", markup=False)
    )
    items = [f"• {item.kind.label}: {item.text}{_carried(item.carried)}" for item in group.items]
    shown.append(Static("\n".join(items or [_("None open.")]), markup=False))
    return shown


def _carried(times: int) -> str:
    return " " + _("(brought {count} times)").format(count=times) if times > 1 else ""


class GroupScreen(Screen[None]):
    """The groups there are, and the highlighted one's history, agreements and items."""

    CSS_PATH = "group.tcss"
    BINDING_GROUP_TITLE = "Groups"
    BINDINGS = [Binding("escape,g", "close", N_("Back"), id="group.back")]

    def __init__(self, store: GroupStore) -> None:
        """Show the groups kept in ``store``."""
        super().__init__()
        self.store = store
        self.groups: list[Group] = []
        """The groups listed, by name."""

    def compose(self) -> ComposeResult:
        listing = self.store.list()
        self.groups = listing.groups
        yield TitleBar()
        yield Static(
            _("The groups' history is for the facilitator only."),
            classes="participant-only",
            markup=False,
            id="group-private",
        )
        with Horizontal(classes="facilitator-only", id="group-body"):
            yield OptionList(*(clipped(g.name, 18) for g in self.groups), id="group-list")
            with VerticalScroll(id="group-detail"):
                if not self.groups:
                    yield Static(_(NO_GROUPS), classes="hint", markup=False)
                for problem in listing.problems:
                    yield Static(problem, classes="hint", markup=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        if self.groups:
            self.query_one("#group-list", OptionList).highlighted = 0

    @on(OptionList.OptionHighlighted, "#group-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        detail = self.query_one("#group-detail", VerticalScroll)
        detail.remove_children()
        detail.mount_all(group_widgets(self.groups[event.option_index]))
        detail.scroll_home(animate=False)

    def action_close(self) -> None:
        self.dismiss()
