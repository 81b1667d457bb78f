"""Colours of the app, derived from the palette a widget is drawn with, so text stays readable
on a light and on a dark system palette.

Rules: no widget hard-codes a colour. It asks here for a tone (error, ok, warning, muted, a
chat sender's shade) for the palette in use, and asks again when that palette changes (the
system can switch between light and dark while the app runs). Every colour handed out keeps
a WCAG 2 contrast ratio of at least 4.5 against the background it is meant for, whatever the
palette; where the preferred shade would not, it is moved towards black or white until it does.
The app follows the system's palette; only when the system says "dark" and Qt still hands out
a light palette (some Linux desktops) does it switch to `dark_palette()` itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QStyleOptionButton,
    QStyleOptionComplex,
    QWidget,
)

MIN_CONTRAST = 4.5  # WCAG 2, level AA, normal text
MIN_GRAPHIC_CONTRAST = 3.0  # WCAG 2.1, 1.4.11: outlines of controls

Role = QPalette.ColorRole
Group = QPalette.ColorGroup


class Tone(StrEnum):
    ERROR = "error"
    OK = "ok"
    WARNING = "warning"
    MUTED = "muted"


# Preferred shades: (on a light palette, on a dark palette). Contrast is enforced on top.
_TONES: dict[Tone, tuple[str, str]] = {
    Tone.ERROR: ("#b3261e", "#ffb4ab"),
    Tone.OK: ("#1e6b2a", "#8fd19e"),
    Tone.WARNING: ("#7a4f12", "#f0c27a"),
}
# Chat senders: a dark shade for light palettes, a light shade of the same hue for dark ones.
# Ten hues far apart on the colour wheel; a chat's senders get them in the order they first
# speak (`widgets/sender_colours.py`), and only an eleventh sender gets a hue from a hash.
SENDER_SHADES: tuple[tuple[str, str], ...] = (
    ("#2f5f8f", "#9cc4f0"),  # blue
    ("#8a3b12", "#f2a67e"),  # rust
    ("#2f6e4a", "#8ed3a9"),  # green
    ("#6b3f8f", "#c9a8f0"),  # violet
    ("#8f2f5f", "#f29cc6"),  # magenta
    ("#5a651a", "#ccd67c"),  # olive
    ("#116b73", "#7fd6de"),  # teal
    ("#a0281e", "#ff9f94"),  # red
    ("#3d3fa3", "#aeb0ff"),  # indigo
    ("#7a5a00", "#f0cc6e"),  # ochre
)


# ----------------------------------------------------------------- measuring


def _channel(value: float) -> float:
    return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4


def luminance(colour: QColor) -> float:
    """Relative luminance (WCAG 2)."""
    return (
        0.2126 * _channel(colour.redF())
        + 0.7152 * _channel(colour.greenF())
        + 0.0722 * _channel(colour.blueF())
    )


def contrast(first: QColor, second: QColor) -> float:
    """WCAG 2 contrast ratio, 1 to 21."""
    a, b = sorted((luminance(first), luminance(second)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def is_dark(palette: QPalette) -> bool:
    """A dark palette: light text on a dark window."""
    return luminance(palette.color(Role.Window)) < luminance(palette.color(Role.WindowText))


def mix(first: QColor, second: QColor, amount: float) -> QColor:
    """`amount` of `second` blended into `first` (0 = first, 1 = second)."""
    keep = 1.0 - amount
    return QColor.fromRgbF(
        first.redF() * keep + second.redF() * amount,
        first.greenF() * keep + second.greenF() * amount,
        first.blueF() * keep + second.blueF() * amount,
    )


def readable(colour: QColor, background: QColor, minimum: float = MIN_CONTRAST) -> QColor:
    """`colour`, or the nearest shade of it towards black or white that reaches `minimum`."""
    if contrast(colour, background) >= minimum:
        return QColor(colour)
    target = QColor("black") if luminance(background) > 0.18 else QColor("white")
    for step in range(1, 21):
        candidate = mix(colour, target, step / 20)
        if contrast(candidate, background) >= minimum:
            return candidate
    return target


# ----------------------------------------------------------------- colours for a palette


def tone_colour(palette: QPalette, tone: Tone, background: QColor | None = None) -> QColor:
    """The colour of `tone` for text drawn on `background` (default: the palette's window)."""
    ground = palette.color(Role.Window) if background is None else background
    if tone == Tone.MUTED:
        text = palette.color(Role.WindowText)
        preferred = mix(text, ground, 0.3)
    else:
        light, dark = _TONES[tone]
        preferred = QColor(dark if is_dark(palette) else light)
    return readable(preferred, ground)


def hex_colour(colour: QColor) -> str:
    return colour.name(QColor.NameFormat.HexRgb)


@dataclass(frozen=True)
class TextColours:
    """Colours for rich text (chats, e-mails, details) shown on a palette's base colour."""

    base: QColor
    text: QColor
    muted: QColor
    link: QColor
    error: QColor
    warning: QColor
    dark: bool

    @classmethod
    def of(cls, palette: QPalette) -> TextColours:
        base = palette.color(Role.Base)
        text = readable(palette.color(Role.Text), base)
        return cls(
            base=base,
            text=text,
            muted=readable(mix(text, base, 0.3), base),
            link=readable(palette.color(Role.Link), base),
            error=tone_colour(palette, Tone.ERROR, base),
            warning=tone_colour(palette, Tone.WARNING, base),
            dark=is_dark(palette),
        )

    def bubble(self, shade: int) -> tuple[QColor, QColor]:
        """(background, sender colour) of a chat bubble: a faint tint of the sender's hue.

        `shade` below len(SENDER_SHADES) is one of the fixed hues; above it, a hue on the colour
        wheel spread by the golden angle, so that even many senders stay apart.
        """
        if 0 <= shade < len(SENDER_SHADES):
            light, dark = SENDER_SHADES[shade]
            hue = QColor(dark if self.dark else light)
        else:
            degrees = int((shade * 137.508) % 360)
            hue = QColor.fromHsl(degrees, 140, 190 if self.dark else 70)
        background = mix(self.base, hue, 0.16 if self.dark else 0.08)
        return background, readable(hue, background)

    def on(self, background: QColor) -> TextColours:
        """The same colours, made readable on another background (a bubble)."""
        return TextColours(
            base=background,
            text=readable(self.text, background),
            muted=readable(self.muted, background),
            link=readable(self.link, background),
            error=readable(self.error, background),
            warning=readable(self.warning, background),
            dark=self.dark,
        )


# ----------------------------------------------------------------- toned widgets


class _ToneKeeper(QObject):
    """Keeps a widget's text in its tone when the palette changes (light ↔ dark)."""

    def __init__(self, widget: QWidget, tone: Tone, role: Role) -> None:
        super().__init__(widget)
        self.setObjectName("toneKeeper")
        self.widget = widget
        self.tone = tone
        self.role = role
        self._applying = False
        widget.installEventFilter(self)

    def _surroundings(self) -> QPalette:
        """The palette the widget would have without our tone (its parent's, or the app's)."""
        parent = self.widget.parentWidget()
        return parent.palette() if parent is not None else QApplication.palette(self.widget)

    def apply(self) -> None:
        if self._applying:
            return
        around = self._surroundings()
        background = around.color(Role.Button if self.role == Role.ButtonText else Role.Window)
        colour = tone_colour(around, self.tone, background)
        if self.role == Role.ButtonText:
            # A tool button is drawn on the window when idle, on the button colour when pressed.
            colour = readable(colour, around.color(Role.Window))
        palette = self.widget.palette()
        groups = (Group.Active, Group.Inactive)
        if all(palette.color(group, self.role).rgba() == colour.rgba() for group in groups):
            return  # already right; setting it again would only send another PaletteChange
        for group in groups:
            palette.setColor(group, self.role, colour)
        self._applying = True
        try:
            self.widget.setPalette(palette)
        finally:
            self._applying = False
        self.widget.setProperty("tone", str(self.tone))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget and event.type() == QEvent.Type.PaletteChange:
            self.apply()
        return False


def apply_tone(widget: QWidget, tone: Tone, role: Role = Role.WindowText) -> None:
    """Draw `widget`'s text in `tone`, readable on the current palette and on any later one."""
    keeper = widget.findChild(_ToneKeeper, "toneKeeper", Qt.FindChildOption.FindDirectChildrenOnly)
    if keeper is None:
        keeper = _ToneKeeper(widget, tone, role)
    keeper.tone = tone
    keeper.role = role
    keeper.apply()


def emphasise(button: QWidget, tone: Tone) -> None:
    """A button that must stand out (Quick exit): bold text in `tone`, from the palette."""
    font = button.font()
    font.setBold(True)
    button.setFont(font)
    apply_tone(button, tone, Role.ButtonText)


# ----------------------------------------------------------------- following the system


def dark_palette() -> QPalette:
    """A dark palette for when the system asks for dark but Qt offers only a light one."""
    window, text, base = QColor("#2d2d2d"), QColor("#ececec"), QColor("#1f1f1f")
    button, disabled = QColor("#3a3a3a"), QColor("#8c8c8c")
    palette = QPalette(button, window)  # Qt derives the bevel shades from these two
    for role, colour in (
        (Role.WindowText, text),
        (Role.Text, text),
        (Role.ButtonText, text),
        (Role.BrightText, QColor("#ffffff")),
        (Role.Base, base),
        (Role.AlternateBase, QColor("#282828")),
        (Role.ToolTipBase, QColor("#3a3a3a")),
        (Role.ToolTipText, text),
        (Role.PlaceholderText, QColor("#a6a6a6")),
        (Role.Highlight, QColor("#2d64a6")),
        (Role.HighlightedText, QColor("#ffffff")),
        (Role.Link, QColor("#8ab4f8")),
        (Role.LinkVisited, QColor("#c7a3f5")),
        (Role.Shadow, QColor("#0a0a0a")),
    ):
        palette.setColor(role, colour)
    for role in (Role.WindowText, Role.Text, Role.ButtonText, Role.HighlightedText):
        palette.setColor(Group.Disabled, role, disabled)
    palette.setColor(Group.Disabled, Role.Highlight, QColor("#404040"))
    return palette


def palette_for_scheme(scheme: Qt.ColorScheme, current: QPalette) -> QPalette | None:
    """The palette to set so the app matches the system's light/dark choice; None keeps Qt's."""
    if scheme == Qt.ColorScheme.Dark and not is_dark(current):
        return dark_palette()
    return None


def indicator_outline(palette: QPalette) -> QColor:
    """The outline that makes check boxes and radio buttons visible on a dark palette."""
    text, base = palette.color(Role.Text), palette.color(Role.Base)
    return readable(mix(text, base, 0.45), base, MIN_GRAPHIC_CONTRAST)


def focus_colour(palette: QPalette) -> QColor:
    """The keyboard-focus ring: the highlight colour, with 3:1 contrast against the window."""
    return readable(palette.color(Role.Highlight), palette.color(Role.Window), MIN_GRAPHIC_CONTRAST)


PE = QStyle.PrimitiveElement
_INDICATORS = (PE.PE_IndicatorCheckBox, PE.PE_IndicatorItemViewItemCheck, PE.PE_IndicatorRadioButton)
_FIELDS = (QStyle.ComplexControl.CC_ComboBox, QStyle.ComplexControl.CC_SpinBox)


def _keyboard_focus(option: QStyleOption) -> bool:
    flags = QStyle.StateFlag
    return bool(option.state & flags.State_HasFocus and option.state & flags.State_KeyboardFocusChange)


def _ring(painter: QPainter, option: QStyleOption, width: float = 2.0) -> None:
    inset = width / 2
    rect = QRectF(option.rect).adjusted(inset, inset, -inset, -inset)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(focus_colour(option.palette), width))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(rect, 2.0, 2.0)
    painter.restore()


class VisibleIndicators(QProxyStyle):
    """Fusion (Qt's style on most Linux desktops) with what it lacks for keyboard and low-vision
    users: it draws no focus at all on a flat button, and on a dark palette its focus outline
    and the frames of check boxes and radio buttons are a shade off the background (the
    "withhold this image" boxes among them). This style draws those again with 3:1 contrast."""

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        dark = is_dark(option.palette)
        if element == PE.PE_FrameFocusRect and dark:
            _ring(painter, option, 1.0)
            return
        super().drawPrimitive(element, option, painter, widget)
        if element == PE.PE_FrameLineEdit and dark and option.state & QStyle.StateFlag.State_HasFocus:
            _ring(painter, option)
        if element not in _INDICATORS or not dark:
            return
        rect = QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(indicator_outline(option.palette), 1.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if element == PE.PE_IndicatorRadioButton:
            painter.drawEllipse(rect)
        else:
            painter.drawRoundedRect(rect, 1.5, 1.5)
        painter.restore()

    def drawControl(
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawControl(element, option, painter, widget)
        if element != QStyle.ControlElement.CE_PushButton or not _keyboard_focus(option):
            return
        flat = isinstance(option, QStyleOptionButton) and bool(
            option.features & QStyleOptionButton.ButtonFeature.Flat
        )
        if flat or is_dark(option.palette):
            _ring(painter, option)

    def drawComplexControl(
        self,
        control: QStyle.ComplexControl,
        option: QStyleOptionComplex,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if control in _FIELDS and is_dark(option.palette) and option.state & QStyle.StateFlag.State_HasFocus:
            _ring(painter, option)


def use_visible_indicators(app: QApplication) -> None:
    """Wrap Fusion so focus, check boxes and radio buttons show on every palette."""
    style = app.style()
    if style.name().lower() == "fusion" and not isinstance(style, VisibleIndicators):
        app.setStyle(VisibleIndicators("Fusion"))


class SchemeFollower(QObject):
    """Follows the system's light/dark switch where Qt's own palette does not."""

    def __init__(self, app: QGuiApplication) -> None:
        super().__init__(app)
        self.app = app
        self.overridden = False
        app.styleHints().colorSchemeChanged.connect(self.apply)
        self.apply(app.styleHints().colorScheme())

    def apply(self, scheme: Qt.ColorScheme) -> None:
        if self.overridden and scheme != Qt.ColorScheme.Dark:
            self.overridden = False
            self.app.setPalette(QPalette())  # back to the system's own palette
            return
        wanted = palette_for_scheme(scheme, self.app.palette())
        if wanted is not None:
            self.overridden = True
            self.app.setPalette(wanted)


def follow_system_look(app: QApplication) -> SchemeFollower:
    """What the app does at start: visible focus and indicators, and the system's light or dark."""
    use_visible_indicators(app)
    return SchemeFollower(app)
