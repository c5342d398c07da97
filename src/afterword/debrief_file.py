"""The interchange format: one interview, its debrief and its evidence in a YAML or JSON file.

The schema is the pydantic model :class:`DebriefFile` (``afterword schema`` prints it). Reading
a file never writes anything; errors name the file, the field path and, where the format keeps
positions, the line.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml
from pydantic import Field, ValidationError

from afterword.errors import InputError
from afterword.model import (
    MAX_INTERVIEWERS,
    MAX_ITEMS,
    MAX_MOMENTS,
    MAX_STORIES,
    MAX_TAGS,
    Cause,
    Day,
    Debrief,
    Instant,
    Interview,
    Interviewer,
    InterviewFormat,
    Line,
    Moment,
    Note,
    Outcome,
    Person,
    Research,
    ShortStr,
    Story,
    Text,
    _Timed,
)

#: A debrief is a few kilobytes; anything this large is a mistake (or an attack on the parser).
MAX_FILE_BYTES = 1_000_000


class _Loader(yaml.SafeLoader):
    """YAML without its own timestamps: PyYAML turns ``2026-13-45`` into an exception with no
    field or line, and ``15:30`` into seconds; as text, the model reads and checks them.

    Nor aliases (``*name``): a few of them repeat a long text thousands of times (a 30 KB file
    became megabytes stored), and a debrief has nothing to share between its parts."""

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            event: Any = self.peek_event()  # type: ignore[no-untyped-call]
            raise yaml.composer.ComposerError(
                None,
                None,
                f"aliases (*{event.anchor}) are not allowed in a debrief file; "
                "write the text out where it is needed",
                event.start_mark,
            )
        return super().compose_node(parent, index)


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class DebriefFile(_Timed):
    """A whole interview in one file: the format of DESIGN.md."""

    company: ShortStr
    role: ShortStr
    stage: Line | None = None
    format: InterviewFormat = InterviewFormat.other
    started_at: Instant | None = None
    ended_at: Instant
    decision_expected_by: Day | None = None
    timeline: Text | None = None
    sender: Person | None = None
    interviewers: list[Interviewer] = Field(default_factory=list, max_length=MAX_INTERVIEWERS)
    feeling: int | None = Field(default=None, ge=1, le=5)
    causes: list[Cause] = Field(default_factory=list, max_length=MAX_TAGS)
    cause_notes: Text | None = None
    moments: list[Moment] = Field(default_factory=list, max_length=MAX_MOMENTS)
    stories: list[Story] = Field(default_factory=list, max_length=MAX_STORIES)
    research: list[Research] = Field(default_factory=list, max_length=MAX_ITEMS)
    lessons: list[Line] = Field(default_factory=list, max_length=MAX_ITEMS)
    notes: list[Note] = Field(default_factory=list, max_length=MAX_ITEMS)
    check_ins: list[Note] = Field(default_factory=list, max_length=MAX_ITEMS)
    outcome: Outcome | None = None

    def to_interview(self, timezone: ZoneInfo | None = None) -> Interview:
        data = self.model_dump(exclude_unset=False)
        debrief = {
            k: data.pop(k) for k in ("feeling", "causes", "cause_notes", "moments", "lessons")
        }
        return Interview.model_validate(
            {**data, "debrief": Debrief.model_validate(debrief)},
            context={"timezone": timezone},
        )

    @classmethod
    def from_interview(cls, interview: Interview) -> DebriefFile:
        data = interview.model_dump()
        debrief = data.pop("debrief")
        return cls.model_validate({**data, **debrief})


def json_schema() -> dict[str, Any]:
    schema = DebriefFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Afterword debrief file"
    return schema


def _format_of(name: str, text: str) -> str:
    if name.endswith(".json") or (
        not name.endswith((".yaml", ".yml")) and text.lstrip()[:1] in "{["
    ):
        return "json"
    return "yaml"


def _compose(text: str) -> yaml.Node | None:
    """The YAML (or JSON) text as a tree of nodes, which keep their lines, if it parses."""
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except (yaml.YAMLError, RecursionError):
        return None


def _line_of(root: yaml.Node | None, loc: tuple[int | str, ...]) -> int | None:
    """The 1-based line of the field at ``loc`` in the composed text, if it can be found."""
    node: Any = root
    # A field that is missing has no line; the nearest enclosing item's line still helps,
    # but the top of the file does not.
    line: int | None = None
    for key in loc:
        if isinstance(node, yaml.MappingNode):
            match = next((kv for kv in node.value if kv[0].value == key), None)
            if match is None:
                break
            line, node = match[0].start_mark.line + 1, match[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
            line = node.start_mark.line + 1
        else:
            break
    return line


def _describe(error: ValidationError, name: str, text: str) -> str:
    # The text is composed once for all the errors: once per error made a file with 1,000
    # mistakes take minutes to refuse.
    root = _compose(text)
    problems = []
    for item in error.errors():
        loc = tuple(item["loc"])
        path = ".".join(str(p) for p in loc) or "(top level)"
        where = f"{name}:{line}" if (line := _line_of(root, loc)) else name
        message = item["msg"].removeprefix("Value error, ")
        if item["type"] == "extra_forbidden":
            message = "unknown field (check its spelling against `afterword schema`)"
        elif item["type"] == "missing":
            message = "this field is required"
        problems.append(f"{where}: {path}: {message}")
    return "\n".join(problems)


def parse_debrief_text(
    text: str, name: str = "<input>", timezone: ZoneInfo | None = None
) -> Interview:
    """Parse and validate the text of a debrief file, or raise :class:`InputError`."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_FILE_BYTES:
        raise InputError(
            f"{name}: the file is larger than {MAX_FILE_BYTES // 1_000_000} MB; "
            "a debrief file is a few kilobytes"
        )
    if not text.strip():
        raise InputError(f"{name}: the file is empty")
    kind = _format_of(name, text)
    try:
        data = json.loads(text) if kind == "json" else yaml.load(text, _Loader)
    except json.JSONDecodeError as exc:
        raise InputError(f"{name}:{exc.lineno}: not valid JSON: {exc.msg}") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{name}:{mark.line + 1}" if mark is not None else name
        problem = getattr(exc, "problem", None) or str(exc)
        raise InputError(f"{where}: not valid YAML: {problem}") from exc
    except RecursionError as exc:
        raise InputError(f"{name}: nested too deeply to be a debrief file") from exc
    if not isinstance(data, dict):
        raise InputError(f"{name}: expected a mapping of fields (company, role, ended_at, ...)")
    try:
        return DebriefFile.model_validate(data, context={"timezone": timezone}).to_interview(
            timezone
        )
    except ValidationError as exc:
        raise InputError(_describe(exc, name, text)) from exc


def load_debrief_file(path: Path, timezone: ZoneInfo | None = None) -> Interview:
    """Read a debrief file (``-`` for standard input is the caller's business)."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(
                f"{path}: the file is {size / 1_000_000:.1f} MB; a debrief file is a few kilobytes"
            )
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(f"{path}: no such file") from exc
    except IsADirectoryError as exc:
        raise InputError(f"{path}: is a directory, not a debrief file") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot read it ({exc.strerror})") from exc
    return parse_debrief_bytes(raw, str(path), timezone)


def parse_debrief_bytes(raw: bytes, name: str, timezone: ZoneInfo | None = None) -> Interview:
    if len(raw) > MAX_FILE_BYTES:
        raise InputError(
            # Standard input is read only up to the limit, so its whole size is unknown.
            f"{name}: the input is larger than {MAX_FILE_BYTES // 1_000_000} MB; "
            "a debrief file is a few kilobytes"
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not UTF-8 text (byte {exc.start})") from exc
    return parse_debrief_text(text, name, timezone)


def dump_debrief(interview: Interview, fmt: str = "yaml") -> str:
    """The interview as the text of a debrief file; parsing it gives the same interview."""
    data = DebriefFile.from_interview(interview).model_dump(mode="json", exclude_defaults=True)
    if fmt == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
