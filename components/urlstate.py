"""Widget values kept in the URL, one way for every page: a shared link reproduces the view.

Why not Streamlit's own binding? ``bind="query-params"`` (Streamlit 1.67) writes a widget's
*display label* (``format_func(option)``) under a parameter named after the widget's key. Our
URLs carry ids: ``actor=RU_MOD``, ``claim=VIDEO_GAME``, ``place=GN:RAQQA``,
``cell=DILLON|COALITION_PARTY_TO_DEAL``, ``doc=b1``, ``present=1``. Ids are short, survive a
relabelled codebook or a changed mention count, and are what the links between pages carry, so
every widget shown by a label is synchronised here. (A widget whose value is its own label,
such as Compare's similarity slider, uses ``bind="query-params"`` directly.) Keeping a value
across page switches is Streamlit's job: the sidebar's widgets use ``persist_state="session"``.

The rule, for a :class:`Param` (a widget key mirrored in a query parameter):

- before the widget is drawn, :func:`seed` gives it the URL's value when the URL says something
  this session did not write itself (a new session, an opened or shared link, back/forward) or
  when the widget has no value yet; values the widget does not offer are dropped, and a value no
  longer offered (a changed filter, a rebuilt corpus) falls back to the default;
- after it is drawn, :func:`publish` writes its value to the URL (left out when it is the
  default, unless ``keep_default``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Mapping, Sequence

import streamlit as st

_WRITTEN = "urlstate__written"  # {parameter: the values this session last wrote to the URL}


@dataclass(frozen=True)
class Param:
    """The widget ``key`` mirrored in the query parameter ``name``.

    ``options``: the values the widget offers, as a sequence of str ids (in the URL as they are)
    or a mapping {URL value: widget value} (``{"1": True}`` for a toggle). A list or tuple
    ``default`` makes it multi-valued (a multiselect: the parameter repeated). ``keep_default``
    writes the value even when it is the default (an article, the outlets compared: a link
    must not depend on what the default is when it is opened).
    """

    name: str
    key: str
    options: Sequence[str] | Mapping[str, Any]
    default: Any = None
    keep_default: bool = False
    _values: dict[str, Any] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not isinstance(self.key, str):
            raise TypeError(f"Param: expected str name and key, got {self.name!r}, {self.key!r}")
        opts = self.options
        if isinstance(opts, Mapping):
            values = dict(opts)
        elif isinstance(opts, Iterable) and not isinstance(opts, str):
            values = {o: o for o in opts}
        else:
            raise TypeError(f"Param {self.name!r}: expected a sequence of str ids or a mapping "
                            f"{{URL value: widget value}} as options, got {opts!r}")
        if not all(isinstance(k, str) for k in values):
            raise TypeError(f"Param {self.name!r}: URL values must be str, got {list(values)!r}")
        object.__setattr__(self, "_values", values)

    @property
    def multi(self) -> bool:
        return isinstance(self.default, (list, tuple))

    @property
    def shows_default_unasked(self) -> bool:
        """Whether a widget drawn with :meth:`choices` and no index or default of its own
        shows ``default`` (a radio's or select box's first option; a multiselect's none)."""
        if self.multi:
            return not list(self.default)
        values = self.choices()
        return self.default is not None and bool(values) and values[0] == self.default

    def choices(self) -> list[Any]:
        """The widget's options, in order."""
        return list(self._values.values())

    def from_url(self, raw: Sequence[str]) -> Any:
        """The widget value the URL's ``raw`` values mean (unknown ones dropped); the default
        when they mean nothing."""
        found = [self._values[r] for r in dict.fromkeys(raw) if r in self._values]
        if self.multi:
            return found or list(self.default)
        return found[-1] if found else self.default

    def to_url(self, value: Any) -> list[str]:
        """The URL values of a widget value (none for the default)."""
        if not self.keep_default and _same(value, self.default):
            return []
        urls = {v: k for k, v in self._values.items()}
        items = list(value or ()) if self.multi else [value]
        return [urls[v] for v in items if v in urls]

    def valid(self, value: Any) -> Any:
        """``value`` without what the widget no longer offers (a multiselect), or the default."""
        offered = self.choices()
        if self.multi:
            return [v for v in (value or ()) if v in offered]
        return value if value in offered else self.default


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return list(a) == list(b)
    return a == b


def _written() -> dict[str, tuple[str, ...]]:
    return st.session_state.setdefault(_WRITTEN, {})


def in_url(name: str) -> tuple[str, ...]:
    """The URL's values of the query parameter ``name``."""
    return tuple(st.query_params.get_all(name))


def is_news(name: str) -> bool:
    """Whether the URL's ``name`` is not what this session last wrote there: an opened or shared
    link, a new session, back/forward, a page opened without it."""
    return in_url(name) != _written().get(name, ())


def linked(name: str) -> str | None:
    """The URL's (last) value of ``name`` when it is news to this session, else None."""
    now = in_url(name)
    return now[-1] if now and is_news(name) else None


def seed(params: Sequence[Param], *, sticky: bool = False, drawn_next: bool = False) -> None:
    """Before drawing the widgets of ``params``: take their values from the URL when it is news,
    or when a widget has no value yet. ``sticky`` params are one group that lives across pages
    (the filter, presentation mode): a URL naming none of them (a page opened by its address)
    leaves them as they are, and a URL naming any sets all of them (a link is a whole view).
    ``drawn_next``: each param's widget is drawn right after, with its choices and no index or
    default of its own (nothing reads the key before it).
    """
    news = any(is_news(p.name) for p in params)
    if sticky and not any(in_url(p.name) for p in params):
        news = False
    from_url = news or any(p.key not in st.session_state for p in params)
    first_run_here = _first_run_here(params)
    for p in params:
        # Otherwise a value no longer offered must not reach the widget.
        value = p.from_url(in_url(p.name)) if from_url else p.valid(st.session_state[p.key])
        # Assigned only when it changes the widget, or on the first run of a page: there a
        # widget kept from the page before (persist_state="session", or one drawn on every
        # page) would return its default once (Streamlit 1.67), although it shows the kept value. A value assigned is sent back to the browser with
        # the widget, whose frontend then re-renders it twice after the run: assigned on every
        # run, the sidebar's four multiselects, slider and toggle were a fifth of what React
        # re-rendered for a filter (benchmarks/filter_cost.py, "React: ... renders"). A sticky
        # group's widgets are drawn with their Param's default as their own: their default is
        # not assigned either (a new session, a page switch with no filter), so the widgets
        # sent stay the same run after run; nor is a widget's first value when it is the one
        # the widget shows unasked (:attr:`Param.shows_default_unasked`): assigned on its
        # first run only, the widget sent on the next run (a reader's first filter) differed
        # from the first and was re-rendered.
        quiet_default = sticky and _same(value, p.default)
        if p.key in st.session_state:
            assign = not _same(st.session_state[p.key], value) or (first_run_here and not quiet_default)
        else:   # a widget drawn for the first time shows its first option by itself
            assign = not (quiet_default or (drawn_next and _same(value, p.default) and p.shows_default_unasked))
        if assign:
            st.session_state[p.key] = value


_PAGE = "urlstate__page"  # {widget key: the page whose run last seeded it}


def _first_run_here(params: Sequence[Param]) -> bool:
    """Whether this run is the first of the page in view to seed ``params`` (a page switch,
    a new session): True outside a script run (nothing to compare with)."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    run = get_script_run_ctx()
    page = getattr(run, "page_script_hash", None)
    if not page:
        return True
    seen = st.session_state.setdefault(_PAGE, {})
    first = any(seen.get(p.key) != page for p in params)
    seen.update({p.key: page for p in params})
    return first


def publish(params: Sequence[Param], *, then_drop: Sequence[str] = ()) -> None:
    """After drawing the widgets of ``params``: write their values to the URL, leaving other
    parameters alone; when one changed, the parameters ``then_drop`` go (a quoted sentence
    belongs to the article before).

    One write for all of them: every write to ``st.query_params`` is a browser history entry,
    so writing parameter by parameter would leave half-written views for the Back button. A
    parameter is removed in that write by setting it to no values (an empty list is not in
    the query string).
    """
    written = _written()
    now: dict[str, tuple[str, ...]] = {}
    update: dict[str, str | list[str]] = {}
    for p in params:
        values = p.to_url(st.session_state.get(p.key, p.default))
        now[p.name] = tuple(values)
        if list(in_url(p.name)) != values:
            update[p.name] = values if p.multi or not values else values[0]
    if update:
        for name in then_drop:
            if in_url(name):
                update[name] = []
        # The URL first, then what this session wrote: a run interrupted in between (a click
        # while it ran) must not leave "written" ahead of the URL, or the next run would take
        # the old URL for a link just opened and put the old value back in the widget.
        st.query_params.update(update)
        for name in then_drop:
            written.pop(name, None)
    written.update(now)


def number(name: str) -> int | None:
    """The URL's integer ``name`` (``sent=2``), or None when absent or not a whole number."""
    raw = st.query_params.get(name)
    try:
        return int(raw) if raw is not None else None
    except ValueError:
        return None


def choice(draw: Callable[..., Any], label: str, param: Param, **kwargs) -> Any:
    """Draw a choice widget (``st.radio``, ``st.selectbox``, ``st.multiselect``, also from a
    container) for ``param``, kept in the URL: :func:`seed`, draw, :func:`publish`."""
    seed([param], drawn_next="index" not in kwargs and "default" not in kwargs)
    value = draw(label, param.choices(), key=param.key, **kwargs)
    publish([param])
    return value
