"""Loading and validating ``intents/<language>/``: its words, messages, control phrases and topics."""

from __future__ import annotations

import os
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from voicecare.conversation import spoken as spoken_file
from voicecare.domain import Combination, IntentSet, InterviewQuestion, Level, Symptom, Topic
from voicecare.errors import IntentError
from voicecare.toml_fields import flag as _flag
from voicecare.toml_fields import table as _table
from voicecare.understanding import care as care_file
from voicecare.understanding import language as language_file
from voicecare.understanding import learned as learned_file
from voicecare.understanding import measure_files, sign_files
from voicecare.understanding.care import CareBook
from voicecare.understanding.language import Language
from voicecare.understanding.measures import MeasureBook
from voicecare.understanding.text import Spelling

ENV_VAR = "VOICECARE_INTENTS"
DEFAULT_LANGUAGE = "en"
MEASURES = "measures.toml"
CARE = "care.toml"
TOPICS = "topics"
MESSAGES = "messages.toml"
COMMON_WORDS = "common_words.txt"
FREQUENT_WORDS = "frequent_words.txt"
COMMON_MESSAGES = (
    "emergency", "emergency_reason", "emergency_stay", "uncertain_emergency", "urgent",
    "follow_up", "home_care", "readback", "readback_answered", "readback_unsure",
    "readback_unheard", "readback_guessed",
    "readback_denied", "readback_denied_many", "hypothetical", "past",
    "other_person", "watch_for", "disclaimer", "unclear", "follow_up_care",
)
OPTIONAL_CONTROLS = ("heard_wrong",)
"""Control kinds a language may leave out: "that's wrong" then only takes back a doubted 911 by a "no"."""
CONTROL_KINDS = (
    "yes", "no", "not_sure", "skip", "repeat", "stop", "start_over", "help", "quit",
    "slower", "faster", *spoken_file.REQUESTS, *OPTIONAL_CONTROLS,
)
CONVERSATION_MESSAGES = (
    "greeting", "interview_intro", "anything_else", "listening", "help", "start_over", "go_ahead", "goodbye",
    "stopped", "which_sign", "ask_rest", "skip_why", "not_asked", "text_stop", "text_speed", "emergency_request",
)
TOPIC_MESSAGES = ("emergency_signs", "urgent_signs", "unchecked")
OPTIONAL_TOPIC_MESSAGES = ("emergency_signs_short",)
"""Topic messages a language may leave out: the call-911 signs in a few words, for a spoken turn with no room."""
SILENCEABLE = ("unchecked", "home_care")
"""Topic messages a symptom may silence: the reminder to have the child checked, once the caregiver spoke of it."""
SYMPTOM_KEYS = {"level", "name", "question", "phrases", "near", "silences", "said_of", "ordinary", "backoff", "event",
                "habits", "deeds"}
INTERVIEW_KEYS = {"id", "ask", "symptoms"}
COMBINATION_KEYS = {"id", "when", "with_level", "level", "message", "not_done"}
TRIAGE_LEVELS = tuple(level for level in Level if level is not Level.UNCLEAR)


@dataclass(frozen=True)
class IntentSettings:
    """Which intents to load; built once, from the command line or the kiosk config file."""

    directory: Path | None = None
    """The intents folder, or one language folder in it (None: $VOICECARE_INTENTS, else the shipped one)."""
    language: str = DEFAULT_LANGUAGE
    """A language folder's name ("en")."""
    topic: str | None = None
    """A folder in the language's topics/ (None: the only one there is)."""

    def load(self) -> IntentSet:
        """The language and topic these settings name, validated."""
        return load(self.directory, self.language, self.topic)


def default_dir() -> Path:
    """Where intents live: $VOICECARE_INTENTS, the installed copy, or the source tree."""
    if env := os.environ.get(ENV_VAR):
        return Path(env)
    packaged = Path(__file__).parent / "_data" / "intents"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "intents"


def language_dir(root: Path, code: str = DEFAULT_LANGUAGE) -> Path:
    """The folder of one language: ``root`` itself when it is one (it holds its files), else ``root/code``."""
    is_language = any((root / name).is_file() for name in (language_file.FILE_NAME, MESSAGES))
    return root if is_language else root / code


def load(directory: Path | None = None, language: str = DEFAULT_LANGUAGE, topic: str | None = None) -> IntentSet:
    """One language with one topic: ``topic``, or the only one there is.

    Every file of the language is validated; IntentError names the first problem.
    """
    every = load_all(directory, language)
    return every.only(_chosen_topic(every, topic))


def _chosen_topic(intents: IntentSet, topic: str | None) -> str:
    ids = [t.id for t in intents.topics]
    if topic is None and len(ids) == 1:
        return ids[0]
    if topic in ids:
        return topic
    where = intents.folder / TOPICS if intents.folder is not None else TOPICS
    if topic is None:
        raise IntentError(f"{where}: several topics ({', '.join(ids)}): choose one with --topic")
    raise IntentError(f"{where}: no topic {topic!r} (topics: {', '.join(ids)})")


def load_all(directory: Path | None = None, language: str = DEFAULT_LANGUAGE) -> IntentSet:
    """Load and validate every file of one language, all its topics; raise IntentError listing all problems found."""
    root = language_dir(directory or default_dir(), language)
    if not root.is_dir():
        raise IntentError(f"{root}: intents folder not found (set {ENV_VAR} or pass --intents, and --language)")
    problems: list[str] = []
    intents = _collect(root, problems)
    if problems:
        raise IntentError(_summary(problems))
    return intents


def _summary(problems: list[str]) -> str:
    extra = f" (and {len(problems) - 1} more; run 'voicecare check')" if len(problems) > 1 else ""
    return problems[0] + extra


def problems_of(directory: Path, language: str = DEFAULT_LANGUAGE) -> list[str]:
    """Every problem in the intent files, one ``file: key: what is wrong`` per line."""
    directory = language_dir(directory, language)
    if not directory.is_dir():
        return [f"{directory}: intents folder not found"]
    problems: list[str] = []
    _collect(directory, problems)
    return problems


def _collect(root: Path, problems: list[str]) -> IntentSet:
    messages = _messages(root / MESSAGES, problems)
    language = language_file.read(root / language_file.FILE_NAME, problems)
    spelling = language.spelling
    controls = _controls(root / "controls.toml", spelling, problems)
    topics = tuple(_topic(folder, spelling, problems) for folder in _topic_folders(root / TOPICS))
    topics = _sign_families(root, topics, language, problems)
    if not topics:
        problems.append(f"{root / TOPICS}: no topic folders (each needs a topic.toml)")
    return IntentSet(topics=topics, messages=messages, controls=controls, language=language,
                     common_words=_words(root / COMMON_WORDS, language),
                     frequent_words=_words(root / FREQUENT_WORDS, language), folder=root,
                     measures=_measures(root, language, topics, problems), care=_care(root, language, problems),
                     spoken=spoken_file.read(root / spoken_file.FILE_NAME, problems),
                     learned=_learned(root, topics, problems))


def _sign_families(root: Path, topics: tuple[Topic, ...], language: Language, problems: list[str]) -> tuple[Topic, ...]:
    """The topics' optional signs.toml: families of wording expanded into each sign (see sign_files)."""
    tables = {folder.name: _read(path, problems) for folder in _topic_folders(root / TOPICS)
              if (path := folder / sign_files.FILE_NAME).is_file()}
    if not tables:
        return topics
    shared = root / sign_files.FILE_NAME
    return sign_files.extended(topics, _read(shared, problems) if shared.is_file() else {}, tables,
                               sign_files.ranked_words(root / FREQUENT_WORDS), language, problems)


def _care(root: Path, language: Language, problems: list[str]) -> CareBook | None:
    """The topics' optional care.toml: care questions and their short answers."""
    tables = {str(path): _read(path, problems) for folder in _topic_folders(root / TOPICS)
              if (path := folder / CARE).is_file()}
    if not tables:
        return None
    return care_file.read(tables, language.question_starts, language.question_asks, language.spelling, problems,
                          language.fillers)


def _learned(root: Path, topics: tuple[Topic, ...], problems: list[str]) -> tuple[learned_file.LearnedSigns, ...]:
    """The topics' optional learned.toml: word counts for a last guess at an emergency sign."""
    known = {s.id for t in topics for s in t.symptoms}
    read = (learned_file.read(_read(path, problems), known, str(path), problems)
            for folder in _topic_folders(root / TOPICS) if (path := folder / learned_file.FILE_NAME).is_file())
    return tuple(model for model in read if model is not None)


def _measures(root: Path, language: Language, topics: tuple[Topic, ...], problems: list[str]) -> MeasureBook | None:
    """The topics' optional measures.toml threshold tables, read with the language's number words."""
    tables = {str(path): _read(path, problems) for folder in _topic_folders(root / TOPICS)
              if (path := folder / MEASURES).is_file()}
    if not tables:
        return None
    known = {s.id for t in topics for s in t.symptoms}
    return measure_files.book(language.numbers, language.number_cues, language.calendar, tables, known, problems)


def _words(path: Path, language: Language) -> frozenset[str]:
    """An optional word list (common_words.txt, frequent_words.txt): words separated by spaces or lines, # for comments."""
    if not path.is_file():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w for line in lines if not line.startswith("#") for w in language.tokens(line))


def _topic_folders(root: Path) -> Iterator[Path]:
    if not root.is_dir():
        return
    for child in sorted(root.iterdir()):
        if child.is_dir() and (child / "topic.toml").is_file():
            yield child


def _read(path: Path, problems: list[str]) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        problems.append(f"{path}: file is missing")
    except (OSError, tomllib.TOMLDecodeError) as exc:
        problems.append(f"{path}: cannot be read: {exc}")
    return {}




def _text(table: Mapping[str, Any], key: str, where: str, problems: list[str], *, empty_ok: bool = False) -> str:
    value = table.get(key)
    if not isinstance(value, str):
        problems.append(f"{where}: {key}: missing text" if value is None else f"{where}: {key}: must be text")
        return ""
    if not value.strip() and not empty_ok:
        problems.append(f"{where}: {key}: is empty")
    return value.strip()


def _texts(table: Mapping[str, Any], key: str, where: str, problems: list[str]) -> tuple[str, ...]:
    value = table.get(key)
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        problems.append(f"{where}: {key}: must be a non-empty list of texts")
        return ()
    return tuple(v.strip() for v in value)


def _unknown_keys(table: Mapping[str, Any], allowed: set[str] | tuple[str, ...], where: str, problems: list[str]) -> None:
    for key in table:
        if key not in allowed:
            problems.append(f"{where}: {key}: unknown key (expected one of: {', '.join(sorted(allowed))})")


def _level(table: Mapping[str, Any], key: str, where: str, problems: list[str]) -> Level:
    try:
        level = Level.parse(str(table.get(key, "")))
    except ValueError as exc:
        problems.append(f"{where}: {key}: {exc}")
        return Level.HOME_CARE
    if level is Level.UNCLEAR:
        problems.append(f"{where}: {key}: 'unclear' is not a symptom level")
    return level


def _messages(path: Path, problems: list[str]) -> dict[str, str]:
    data = _read(path, problems)
    if not data:
        return {}
    _unknown_keys(data, ("messages", "actions", "conversation"), str(path), problems)
    table = _table(data, "messages", str(path), problems)
    _unknown_keys(table, COMMON_MESSAGES, f"{path}: messages", problems)
    out = {key: _text(table, key, f"{path}: messages", problems) for key in COMMON_MESSAGES}
    actions = _table(data, "actions", str(path), problems)
    _unknown_keys(actions, tuple(level.id for level in TRIAGE_LEVELS), f"{path}: actions", problems)
    for level in TRIAGE_LEVELS:
        out[f"action.{level.id}"] = _text(actions, level.id, f"{path}: actions", problems)
    talk = _table(data, "conversation", str(path), problems)
    _unknown_keys(talk, CONVERSATION_MESSAGES, f"{path}: conversation", problems)
    for key in CONVERSATION_MESSAGES:
        out[f"conversation.{key}"] = _text(talk, key, f"{path}: conversation", problems)
    return out


def _controls(path: Path, spelling: Spelling, problems: list[str]) -> dict[str, tuple[str, ...]]:
    data = _read(path, problems)
    if not data:
        return {}
    _unknown_keys(data, ("controls",), str(path), problems)
    table = _table(data, "controls", str(path), problems)
    _unknown_keys(table, CONTROL_KINDS, f"{path}: controls", problems)
    # Requests for what waits ("more") are optional: without them everything is said at once anyway.
    controls = {kind: _texts(table, kind, f"{path}: controls", problems) for kind in CONTROL_KINDS
                if kind in table or kind not in (*spoken_file.REQUESTS, *OPTIONAL_CONTROLS)}
    _check_unique_phrases({f"control {k}": v for k, v in controls.items()}, str(path), spelling, problems)
    return controls


def _check_unique_phrases(
    owners: Mapping[str, tuple[str, ...]], where: str, spelling: Spelling, problems: list[str],
) -> None:
    seen: dict[str, str] = {}
    for owner, phrases in owners.items():
        for phrase in phrases:
            key = spelling.phrase_key(phrase)
            if not key:
                problems.append(f"{where}: {owner}: phrase {phrase!r} has no words")
            elif key in seen and seen[key] != owner:
                problems.append(f"{where}: {owner}: phrase {phrase!r} is also claimed by {seen[key]}")
            elif key in seen:
                problems.append(f"{where}: {owner}: phrase {phrase!r} is listed twice")
            seen.setdefault(key, owner)


def _topic(folder: Path, spelling: Spelling, problems: list[str]) -> Topic:
    path = folder / "topic.toml"
    data = _read(path, problems)
    _unknown_keys(data, ("topic", "symptoms", "interview", "combinations", "recogniser"), str(path), problems)
    head = _table(data, "topic", str(path), problems)
    if "id" in head:
        problems.append(f"{path}: topic: id: a topic's id is its folder name ({folder.name!r}); remove this key")
    _unknown_keys(head, ("id", "title"), f"{path}: topic", problems)
    topic_id = folder.name
    symptoms = tuple(_symptoms(_table(data, "symptoms", str(path), problems), topic_id, path, problems))
    known = {s.id: s for s in symptoms}
    # Phrases are unique within a topic; topics are chosen one at a time, so they may share phrases.
    _check_unique_phrases({f"symptoms.{s.id}": s.phrases for s in symptoms}, str(path), spelling, problems)
    interview = tuple(_interview(data.get("interview", []), known, path, problems))
    combos = tuple(_combinations(data.get("combinations", []), known, path, problems))
    said = _read(folder / MESSAGES, problems)
    return _topic_messages(said, folder / MESSAGES, problems, Topic(
        id=topic_id, title=_text(head, "title", f"{path}: topic", problems), symptoms=symptoms,
        interview=interview, combinations=combos, messages={},
        **_recogniser(data.get("recogniser", {}), f"{path}: recogniser", problems),
    ))


def _recogniser(table: Any, where: str, problems: list[str]) -> dict[str, Any]:
    """Optional ``[recogniser]``: what this topic adds to the recogniser's language model.

    ``subjects`` ("his back") join the language's sentence subjects; ``spoken_numbers``
    are numbers of this topic as said aloud ("102" -> "a hundred and two").
    """
    if not isinstance(table, dict):
        problems.append(f"{where}: must be a table")
        return {}
    _unknown_keys(table, ("subjects", "spoken_numbers"), where, problems)
    numbers = table.get("spoken_numbers", {})
    if not isinstance(numbers, dict) or not all(isinstance(v, str) and v.strip() for v in numbers.values()):
        problems.append(f"{where}: spoken_numbers: must be a table of texts")
        numbers = {}
    subjects = _texts(table, "subjects", where, problems) if "subjects" in table else ()
    return {"spoken_numbers": {str(k): v.strip().lower() for k, v in numbers.items()},
            "lm_subjects": tuple(s.lower() for s in subjects)}


def _symptoms(table: Mapping[str, Any], topic_id: str, path: Path, problems: list[str]) -> Iterator[Symptom]:
    for symptom_id, body in table.items():
        where = f"{path}: symptoms.{symptom_id}"
        if not isinstance(body, dict):
            problems.append(f"{where}: must be a table")
            continue
        _unknown_keys(body, SYMPTOM_KEYS, where, problems)
        yield Symptom(
            id=symptom_id, level=_level(body, "level", where, problems),
            name=_text(body, "name", where, problems),
            question=_text(body, "question", where, problems, empty_ok=True),
            phrases=_texts(body, "phrases", where, problems), topic=topic_id,
            near=_near(body, where, problems), silences=_silences(body, where, problems),
            said_of=_texts(body, "said_of", where, problems) if "said_of" in body else (),
            ordinary=_ordinary(body, where, problems),
            backoff=_near(body, where, problems, "backoff"),
            event=_flag(body, "event", where, problems),
            habits=_near(body, where, problems, "habits"), deeds=_near(body, where, problems, "deeds"),
        )


def _silences(table: Mapping[str, Any], where: str, problems: list[str]) -> tuple[str, ...]:
    """Optional ``silences``: topic messages left out once this symptom is mentioned at all."""
    if "silences" not in table:
        return ()
    keys = _texts(table, "silences", where, problems)
    for key in keys:
        if key not in SILENCEABLE:
            problems.append(f"{where}: silences: {key!r} cannot be silenced (only: {', '.join(SILENCEABLE)})")
    return keys


def _ordinary(table: Mapping[str, Any], where: str, problems: list[str]) -> tuple[str, ...]:
    """Optional ``ordinary`` circumstances: the sign's own words, then "+" and the everyday words."""
    if "ordinary" not in table:
        return ()
    patterns = _texts(table, "ordinary", where, problems)
    for pattern in patterns:
        groups = pattern.split(" within ")[0].split(" unless ")[0].split("+")
        if len(groups) < 2 or not all(g.split() for g in groups):
            problems.append(f"{where}: ordinary: {pattern!r} needs the sign's words, '+', then the everyday words")
    return patterns


def _near(table: Mapping[str, Any], where: str, problems: list[str], key: str = "near") -> tuple[str, ...]:
    """Optional ``near`` (or ``backoff``) patterns: at least two non-empty word groups joined by "+"."""
    if key not in table:
        return ()
    patterns = _texts(table, key, where, problems)
    for pattern in patterns:
        groups = pattern.split(" within ")[0].split("+")
        if len(groups) < 2 or not all(g.split() for g in groups):
            problems.append(f"{where}: {key}: {pattern!r} needs two or more word groups joined by '+'")
    return patterns


def _ids(table: Mapping[str, Any], key: str, known: Mapping[str, Symptom], where: str, problems: list[str]) -> tuple[str, ...]:
    ids = _texts(table, key, where, problems)
    for symptom_id in ids:
        if symptom_id not in known:
            problems.append(f"{where}: {key}: unknown symptom {symptom_id!r}")
    return tuple(i for i in ids if i in known)


def _list_of_tables(value: Any, name: str, path: Path, problems: list[str]) -> Iterator[tuple[str, dict[str, Any]]]:
    if not isinstance(value, list):
        problems.append(f"{path}: {name}: must be a list of tables ([[{name}]])")
        return
    for index, body in enumerate(value):
        where = f"{path}: {name}[{index}]"
        if isinstance(body, dict):
            yield where, body
        else:
            problems.append(f"{where}: must be a table")


def _interview(value: Any, known: Mapping[str, Symptom], path: Path, problems: list[str]) -> Iterator[InterviewQuestion]:
    seen: set[str] = set()
    for where, body in _list_of_tables(value, "interview", path, problems):
        _unknown_keys(body, INTERVIEW_KEYS, where, problems)
        question_id = _text(body, "id", where, problems)
        if question_id in seen:
            problems.append(f"{where}: id: duplicate interview id {question_id!r}")
        seen.add(question_id)
        ids = _ids(body, "symptoms", known, where, problems)
        level = min((known[i].level for i in ids), default=Level.HOME_CARE)
        yield InterviewQuestion(id=question_id, ask=_text(body, "ask", where, problems), symptoms=ids, level=level)


def _combinations(value: Any, known: Mapping[str, Symptom], path: Path, problems: list[str]) -> Iterator[Combination]:
    for where, body in _list_of_tables(value, "combinations", path, problems):
        _unknown_keys(body, COMBINATION_KEYS, where, problems)
        yield Combination(
            id=_text(body, "id", where, problems), when=_ids(body, "when", known, where, problems),
            with_level=_level(body, "with_level", where, problems),
            level=_level(body, "level", where, problems), message=_text(body, "message", where, problems),
            not_done=_ids(body, "not_done", known, where, problems) if "not_done" in body else (),
        )


def _topic_messages(data: Mapping[str, Any], path: Path, problems: list[str], topic: Topic) -> Topic:
    if not data:
        return topic
    _unknown_keys(data, ("messages", "advice"), str(path), problems)
    table = _table(data, "messages", str(path), problems)
    wanted = set(TOPIC_MESSAGES) | {c.message for c in topic.combinations} | {"home_care"}
    _unknown_keys(table, wanted | set(OPTIONAL_TOPIC_MESSAGES), f"{path}: messages", problems)
    given = (wanted - {"home_care"}) | {key for key in OPTIONAL_TOPIC_MESSAGES if key in table}
    messages = {key: _text(table, key, f"{path}: messages", problems) for key in given}
    home_care = _texts(table, "home_care", f"{path}: messages", problems)
    advice_table = data.get("advice", {})
    if not isinstance(advice_table, dict):
        problems.append(f"{path}: advice: must be a table")
        advice_table = {}
    known = {s.id for s in topic.symptoms}
    _unknown_keys(advice_table, tuple(known), f"{path}: advice", problems)
    advice = {key: _text(advice_table, key, f"{path}: advice", problems) for key in advice_table if key in known}
    return replace(topic, messages=messages, home_care=home_care, advice=advice)
