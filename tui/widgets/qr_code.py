"""The QR code widget: one link drawn as a code a phone can scan from across a room.

Usage::

    yield QrCode("https://findahelpline.com", id="resource-code")
    ...
    self.query_one(QrCode).url = "tel:+441234567890"   # redraws at once

What it needs:
    ``QrCode.cells_for(url)`` gives the (width, height) in character cells the code for
    a link takes, quiet zone included: width is the module count plus 8, height half of
    that rounded up (two module rows per cell). The longest link we accept
    (:data:`~circlekeeper.sessions.templates.link_rules.MAX_URL_BYTES`) needs 77x39 at
    error correction M.

How it sizes:
    By default it fills the space it is given (``1fr`` both ways) and centres the code.
    With ``width: auto; height: auto`` it takes exactly the code's size, but never more
    than its container offers.

What it shows instead of a code:
    * nothing, while ``url`` is empty;
    * the reason, when the link is refused by
      :func:`~circlekeeper.sessions.templates.link_rules.check_url` (bad scheme, too long...);
    * when the space is smaller than the code, a message with the terminal size needed,
      e.g. "This code needs 77x39 characters; the window is 70x30. Enlarge the window to
      at least 77x39 or use a shorter link." A partial or squashed code is never drawn:
      one that does not scan is worse than none. While the screen is shared, that advice
      is the facilitator's: the room sees the word "Link" and the link itself, in bold.

    Read ``code``, ``problem`` and ``fits`` to know which is shown; the CSS classes
    ``-refused`` and ``-too-small`` mark the two messages. It posts no messages.

Colours:
    The code is always light modules ``#FFFFFF`` and dark modules ``#000000``, whatever
    the theme. Its glyphs are the light modules (see :mod:`circlekeeper.sessions.qr`), so
    under ``NO_COLOR`` it still reads dark-on-light: Textual turns the two colours to
    their greyscale selves, which are the same, and with an ANSI theme, where Textual drops
    the colours, the glyphs take the terminal's own foreground (light on the usual dark
    terminal; on a light one, in that case only, the code shows inverted). Keep ``opacity``
    and ``tint`` off this widget and its parents: they blend the two colours into the theme.
"""

from __future__ import annotations

from functools import lru_cache

from rich.segment import Segment
from rich.style import Style
from textual.content import Content
from textual.geometry import Size
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from circlekeeper.sessions.languages.speaking import _
from circlekeeper.sessions.qr import (
    DARK,
    DEFAULT_EC,
    EC_LEVELS,
    LIGHT,
    LinkRefused,
    QrMatrix,
    half_block_rows,
    make_qr,
)
from circlekeeper.tui.view import is_shared

CODE_STYLE = Style(color=LIGHT, bgcolor=DARK)
"""Light glyphs on a dark background: the half blocks are the light modules."""


@lru_cache(maxsize=64)
def _encode(url: str, ec: str) -> tuple[QrMatrix | None, str | None]:
    """The code for a link, or why there is none; cached as encoding takes a few ms."""
    if not url:
        return None, None
    try:
        return make_qr(url, ec), None
    except LinkRefused as error:
        return None, str(error)


@lru_cache(maxsize=64)
def _rows(url: str, ec: str) -> list[str]:
    """The half-block lines of a link's code, kept while it is on screen."""
    code = _encode(url, ec)[0]
    return [] if code is None else half_block_rows(code)


class QrCode(Widget):
    """A link as a QR code in half blocks, or a clear message saying why it is not shown."""

    DEFAULT_CSS = """
    QrCode {
        width: 1fr;
        height: 1fr;
        content-align: center middle;
        text-align: center;
        &.-refused { color: $text-error; }
        &.-too-small { color: $text-warning; }
    }
    .-participant-view QrCode.-too-small {
        color: $foreground;
        text-style: bold;
    }
    """

    url: reactive[str] = reactive("", layout=True)
    """The link to show; an empty string shows nothing."""

    ec: reactive[str] = reactive(DEFAULT_EC, layout=True)
    """Error correction level: ``"L"``, ``"M"`` (the default), ``"Q"`` or ``"H"``."""

    def __init__(
        self,
        url: str = "",
        *,
        ec: str = DEFAULT_EC,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        """Make a code for a link.

        Args:
            url: The link to show.
            ec: Error correction level letter.
            name: The widget's name.
            id: The widget's id in the DOM.
            classes: Space-separated CSS classes.
        """
        super().__init__(name=name, id=id, classes=classes)
        self.set_reactive(QrCode.url, self.validate_url(url))
        self.set_reactive(QrCode.ec, self.validate_ec(ec))
        self._told_window: Size | None = None
        """The window size the too-small message last quoted."""
        self._told_shared = False
        """Whether the too-small message was last worded for the room."""

    @staticmethod
    def cells_for(url: str, ec: str = DEFAULT_EC) -> Size:
        """The character cells the code for ``url`` needs, quiet zone included.

        Raises:
            LinkRefused: The link cannot become a code.
        """
        return Size(*make_qr(url, ec).cells)

    @property
    def code(self) -> QrMatrix | None:
        """The encoded link, or ``None`` when there is no link or it is refused."""
        return _encode(self.url, self.ec)[0]

    @property
    def problem(self) -> str | None:
        """Why the link cannot be shown as a code, or ``None`` when it can."""
        return _encode(self.url, self.ec)[1]

    @property
    def fits(self) -> bool:
        """Whether a code is drawn now: there is one and the widget has room for it."""
        code = self.code
        if code is None:
            return False
        width, height = code.cells
        return self.size.width >= width and self.size.height >= height

    def validate_url(self, url: str) -> str:
        return url.strip()

    def validate_ec(self, ec: str) -> str:
        if ec.upper() not in EC_LEVELS:
            raise ValueError(f"unknown error correction level {ec!r}; use one of L, M, Q, H")
        return ec.upper()

    def watch_url(self) -> None:
        self._update_classes()

    def watch_ec(self) -> None:
        self._update_classes()

    def on_resize(self) -> None:
        self._update_classes()

    def on_mount(self) -> None:
        self._update_classes()
        # A widget of fixed size gets no resize event when the window changes, yet
        # its message quotes the window's size.
        self.screen.screen_layout_refresh_signal.subscribe(self, self._window_changed)

    def _window_changed(self, screen: object) -> None:
        if self._told_window is not None and (
            self._told_window != self.app.size or self._told_shared != is_shared(self)
        ):
            self.refresh()

    def _update_classes(self) -> None:
        self.set_class(self.problem is not None, "-refused")
        self.set_class(self.code is not None and not self.fits, "-too-small")

    def get_content_width(self, container: Size, viewport: Size) -> int:
        code = self.code
        if code is None:
            return super().get_content_width(container, viewport)
        return min(code.cells[0], container.width)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        code = self.code
        if code is None or width < code.cells[0]:
            return super().get_content_height(container, viewport, width)
        return min(code.cells[1], container.height)

    def render(self) -> Content:
        """The message shown in place of a code (the code itself is drawn by lines)."""
        problem = self.problem
        if problem is not None:
            return Content(
                _("This link can't be shown as a QR code: {problem}.").format(problem=problem)
            )
        code = self.code
        if code is None or self.fits:
            self._told_window = None
            return Content("")
        need_w, need_h = code.cells
        have_w, have_h = self.size
        screen_w, screen_h = self._told_window = self.app.size
        self._told_shared = is_shared(self)
        if self._told_shared:
            # Advice on the window is for the facilitator, not for the room.
            link = _("Link")
            return Content(f"{link}\n{self.url}")
        # The widget shares the window with the rest of the screen, so the window must
        # grow by what the widget lacks.
        window_w = screen_w + max(0, need_w - have_w)
        window_h = screen_h + max(0, need_h - have_h)
        return Content(
            _(
                "This code needs {need_w}x{need_h} characters; the window is "
                "{screen_w}x{screen_h}. Enlarge the window to at least {window_w}x{window_h} "
                "or use a shorter link."
            ).format(
                need_w=need_w,
                need_h=need_h,
                screen_w=screen_w,
                screen_h=screen_h,
                window_w=window_w,
                window_h=window_h,
            )
        )

    def render_line(self, y: int) -> Strip:
        code = self.code
        if code is None or not self.fits:
            return super().render_line(y)
        width, height = self.size
        code_w, code_h = code.cells
        top = (height - code_h) // 2
        base = self.visual_style.rich_style
        if not top <= y < top + code_h:
            return Strip.blank(width, base)
        left = (width - code_w) // 2
        right = width - code_w - left
        segments = [Segment(_rows(self.url, self.ec)[y - top], CODE_STYLE)]
        if left:
            segments.insert(0, Segment(" " * left, base))
        if right:
            segments.append(Segment(" " * right, base))
        return Strip(segments, width)
