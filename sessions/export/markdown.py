"""The summary as Markdown: reads well as plain text and renders on any forge.

Every piece of note text goes through :func:`~.escape.markdown_text`, and template text
through :func:`~.escape.template_markdown`, so nothing typed during a session or written
in a template can become a link, an image or HTML in the rendered page. The whole text
is made safe last of all, so no control character reaches the file, whatever an old
session holds.
"""

from __future__ import annotations

from circlekeeper.sessions.engine.follow_through import FollowThrough
from circlekeeper.sessions.engine.note_model import Debrief, Note
from circlekeeper.sessions.export import wording
from circlekeeper.sessions.export.escape import (
    cell_text,
    markdown_text,
    template_markdown,
)
from circlekeeper.sessions.export.model import (
    HANDOUT_KINDS,
    PartSummary,
    RecordDetails,
    ResourceSummary,
    Summary,
)
from circlekeeper.sessions.languages.speaking import N_, _, speaking
from circlekeeper.sessions.safe_text import safe_text
from circlekeeper.sessions.structures.spoken import step_label

RECORD_WARNING = N_(
    "Facilitator-only: this record holds notes never shared with participants. "
    "Keep it private, and do not send it to the group."
)
"""The warning a record opens with, in English (translated where it is written)."""


def render_markdown(summary: Summary) -> str:
    """The handout or the record, by the summary's audience, in the summary's language."""
    with speaking(wording.summary_language(summary)):
        lines = _record(summary) if summary.record is not None else _handout(summary)
    return safe_text("\n".join(lines).rstrip("\n") + "\n")


def _resource_line(resource: ResourceSummary) -> str:
    title = markdown_text(resource.title)
    if not resource.link_ok:
        return f"- {title}: {markdown_text(resource.url)} ({wording.not_a_link()})"
    return f"- {title}: <{resource.url.replace('<', '%3C').replace('>', '%3E')}>"


def _resources(summary: Summary) -> list[str]:
    if not summary.resources:
        return []
    return ["## " + _("Resources"), "", *(_resource_line(r) for r in summary.resources), ""]


def _prompts(part: PartSummary, indent: str) -> list[str]:
    return [f"{indent}- {template_markdown(prompt)}" for prompt in part.prompts]


def _topics(part: PartSummary) -> list[str]:
    # Set apart by blank lines, so the label is not read as the last prompt's continuation.
    if not part.topics:
        return []
    words = [f"   - {markdown_text(topic)}" for topic in part.topics]
    return ["", "   " + _("Topics discussed") + ":", "", *words]


def _handout(summary: Summary) -> list[str]:
    lines = [f"# {markdown_text(summary.title)}", "", wording.day_text(summary.day), ""]
    lines += ["## " + _("Agenda"), ""]
    for part in summary.parts:
        length = wording.part_length(part.minutes, part.round_minutes)
        lines.append(f"{part.index + 1}. **{markdown_text(part.title)}** ({length})")
        lines += _prompts(part, "   ")
        lines += _topics(part)
    lines.append("")
    for kind in HANDOUT_KINDS:
        notes = summary.notes_of(kind)
        if notes:
            lines += [f"## {wording.kind_heading(kind)}", ""]
            lines += [f"- {markdown_text(note.text, indent='  ')}" for note in notes]
            lines.append("")
    return lines + _resources(summary)


def _facts(summary: Summary, record: RecordDetails) -> list[str]:
    timeline = record.timeline
    return [
        "- " + _("Date") + f": {wording.day_text(summary.day)}",
        "- " + _("Template") + f": {markdown_text(summary.template)}",
        "- " + _("Session") + f": {markdown_text(record.session_id)}"
        f" ({wording.state_text(record.state)})",
        "- " + _("Attendance") + f": {wording.number_text(record.attendance)}",
        *_group_facts(record),
        "- " + wording.started_text(timeline),
        "- " + _("Time") + f": {wording.time_text(timeline)}",
    ]


def _group_facts(record: RecordDetails) -> list[str]:
    # A group's name is the facilitator's own label: in their record, never a handout.
    if not record.group:
        return []
    lines = ["- " + _("Group") + f": {markdown_text(record.group)}"]
    if record.newcomers is not None:
        lines.append("- " + _("Newcomers") + f": {wording.number_text(record.newcomers)}")
    return lines


def _time_table(summary: Summary) -> list[str]:
    head = (_("Part"), _("Planned"), _("Actual"), _("Over"))
    lines = ["| {} | {} | {} | {} |".format(*head), "| --- | ---: | ---: | ---: |"]
    for part in summary.parts:
        details = part.details
        assert details is not None
        title = f"{part.index + 1}. {cell_text(part.title)}"
        if details.fixed:
            title += " (" + _("fixed") + ")"
        if details.skipped:
            title += " (" + _("skipped") + ")"
        planned = wording.planned_text(part.minutes * 60, details.planned_seconds)
        actual = wording.length_text(details.actual_seconds)
        over = wording.over_text(details.overrun_seconds)
        lines.append(f"| {title} | {planned} | {actual} | {over} |")
        for step in details.steps:
            name = step_label(step.name, step.who)
            lines.append(
                f"| ↳ {cell_text(name)} | {wording.length_text(step.planned_seconds)} | "
                f"{wording.length_text(step.actual_seconds)} | "
                f"{wording.over_text(max(0.0, step.actual_seconds - step.planned_seconds))} |"
            )
    return lines


def _note_line(note: Note) -> str:
    marks = ", ".join(wording.note_marks(note))
    return (
        f"- **{wording.kind_label(note.kind)}** ({marks}): {markdown_text(note.text, indent='  ')}"
    )


def _part(part: PartSummary) -> list[str]:
    details = part.details
    assert details is not None
    length = wording.part_length(part.minutes, part.round_minutes)
    lines = [f"### {part.index + 1}. {markdown_text(part.title)} ({length})", ""]
    lines += [template_markdown(text) + "\n" for text in details.text]
    if part.prompts:
        lines += [_("Prompts") + ":", "", *_prompts(part, ""), ""]
    lines += [f"> {template_markdown(text)}\n" for text in details.guidance]
    if details.round is not None:
        lines += [_("Round") + f": {wording.round_text(details.round)}.", ""]
    if part.notes:
        lines += [_("Notes") + ":", "", *(_note_line(note) for note in part.notes), ""]
    return lines


def _debrief(debrief: Debrief | None) -> list[str]:
    lines = ["## " + _("Debrief"), ""]
    if debrief is None:
        return [*lines, _("No debrief was saved."), ""]
    for label, text in wording.debrief_items(debrief):
        if text.strip():
            lines += [f"**{label}:** {markdown_text(text)}", ""]
    return lines


def _follow_throughs(records: tuple[FollowThrough, ...]) -> list[str]:
    if not records:
        return []
    lines = ["## " + _("After the crisis key"), ""]
    for record in records:
        lines += [f"- {wording.follow_through_text(record)}"]
        if record.words:
            lines += [f"  {markdown_text(record.words)}"]
    return [*lines, ""]


def _record(summary: Summary) -> list[str]:
    record = summary.record
    assert record is not None
    timeline = record.timeline
    title = _("Facilitator record: {title}").format(title=markdown_text(summary.title))
    lines = [f"# {title}", "", "*" + _(RECORD_WARNING) + "*"]
    lines += ["", *_facts(summary, record), ""]
    if record.intro:
        lines += [
            "## " + _("Opening words"),
            "",
            *(template_markdown(t) + "\n" for t in record.intro),
        ]
    lines += ["## " + _("Time per part"), "", *_time_table(summary), ""]
    lines += ["## " + _("Parts"), ""]
    for part in summary.parts:
        lines += _part(part)
    if timeline.resources_shown:
        lines += ["## " + _("Resources shown"), ""]
        for shown in timeline.resources_shown:
            lines.append(f"- {wording.shown_text(summary, shown, markdown_text)}")
        lines.append("")
    lines += _follow_throughs(timeline.follow_throughs)
    if record.pauses:
        pauses = (f"- {markdown_text(wording.pause_text(p))}" for p in record.pauses)
        lines += ["## " + _("Pauses"), "", *pauses, ""]
    if record.rebalances:
        lines += ["## " + _("Rebalances"), ""]
        for rebalance in record.rebalances:
            lines.append(f"- {markdown_text(wording.rebalance_text(summary, rebalance))}")
        lines.append("")
    lines += _resources(summary)
    return lines + _debrief(record.debrief)
