"""Loading and validating ``intents/<language>/``: its words, messages, control phrases and topics."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from voicecare import topic_files
from voicecare.conversation import spoken as spoken_file
from voicecare.domain import IntentSet, Level, Topic
from voicecare.errors import IntentError
from voicecare.toml_fields import read as _read
from voicecare.toml_fields import table as _table
from voicecare.toml_fields import text as _text
from voicecare.toml_fields import texts as _texts
from voicecare.toml_fields import unknown_keys as _unknown_keys
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
MESSAGES = topic_files.MESSAGES
COMMON_WORDS = "common_words.txt"
FREQUENT_WORDS = "frequent_words.txt"
COMMON_MESSAGES = (
    "emergency", "emergency_reason", "emergency_stay", "uncertain_emergency", "urgent",
    "follow_up", "home_care", "readback", "readback_answered", "readback_unsure",
    "readback_unheard", "readback_guessed",
    "readback_denied", "readback_denied_many", "hypothetical", "past",
    "other_person", "watch_for", "disclaimer", "unclear", "follow_up_care", "describe_child",
)
OPTIONAL_MESSAGES = ("emergency_for", "readback_care")
"""Words a language may leave out: without ``emergency_for`` ("For {who}: {items}.") another child's 911 sign is
named as this child's would be, without whom it is for; without ``readback_care`` a care question with no sign
said has no read-back."""
OPTIONAL_CONTROLS = ("heard_wrong",)
"""Control kinds a language may leave out: "that's wrong" then only takes back a doubted 911 by a "no"."""
CONTROL_KINDS = (
    "yes", "no", "not_sure", "skip", "repeat", "stop", "start_over", "help", "quit",
    "slower", "faster", *spoken_file.REQUESTS, *OPTIONAL_CONTROLS,
)
CONVERSATION_MESSAGES = (
    "greeting", "interview_intro", "anything_else", "listening", "help", "start_over", "go_ahead", "goodbye",
    "stopped", "which_sign", "ask_rest", "skip_why", "not_asked", "text_stop", "text_speed", "emergency_request",
    "list_stopped", "describe_first", "nothing_told",
)
OPTIONAL_CONVERSATION_MESSAGES = ("follow_up_unasked", "correct_how", "amended", "amend_unplaced", "goodbye_listed",
                                  "goodbye_short", "home_so_far", "other_childs", "denial_kept",
                                  "not_told")
"""Conversation words a language may leave out: without ``follow_up_unasked`` the follow-up advice is said whole,
without ``correct_how`` a 911 said again names no way to correct it, without ``amended`` / ``amend_unplaced`` a
correction of an earlier answer is said back by its read-back alone / with the question alone (``amends``); without
``goodbye_listed`` / ``goodbye_short`` / ``home_so_far`` a goodbye during the questions ends with the whole goodbye /
says the home-care instruction (``parting``)."""
# Re-exported: the keys a topic.toml may use, read by topic_files.
SYMPTOM_KEYS = topic_files.SYMPTOM_KEYS
INTERVIEW_KEYS = topic_files.INTERVIEW_KEYS
COMBINATION_KEYS = topic_files.COMBINATION_KEYS
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
    topics = tuple(topic_files.read_topic(folder, spelling, problems) for folder in _topic_folders(root / TOPICS))
    topics = _sign_families(root, topics, language, problems)
    if not topics:
        problems.append(f"{root / TOPICS}: no topic folders (each needs a topic.toml)")
    return IntentSet(topics=topics, messages=messages, controls=controls, language=language,
                     common_words=_words(root / COMMON_WORDS, language, problems),
                     frequent_words=_words(root / FREQUENT_WORDS, language, problems), folder=root,
                     measures=_measures(root, language, topics, problems), care=_care(root, language, problems),
                     spoken=spoken_file.read(root / spoken_file.FILE_NAME, problems, language.tokens),
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


def _words(path: Path, language: Language, problems: list[str]) -> frozenset[str]:
    """An optional word list (common_words.txt, frequent_words.txt): words separated by spaces or lines, # for comments."""
    if not path.is_file():
        return frozenset()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError:
        problems.append(f"{path}: not UTF-8 text; save it as UTF-8")
        return frozenset()
    except OSError as exc:
        problems.append(f"{path}: cannot be read: {exc.strerror or exc}")
        return frozenset()
    return frozenset(w for line in lines if not line.startswith("#") for w in language.tokens(line))


def _topic_folders(root: Path) -> Iterator[Path]:
    if not root.is_dir():
        return
    for child in sorted(root.iterdir()):
        if child.is_dir() and (child / topic_files.TOPIC_FILE).is_file():
            yield child


def _messages(path: Path, problems: list[str]) -> dict[str, str]:
    data = _read(path, problems)
    if not data:
        return {}
    _unknown_keys(data, ("messages", "actions", "conversation"), str(path), problems)
    table = _table(data, "messages", str(path), problems)
    _unknown_keys(table, (*COMMON_MESSAGES, *OPTIONAL_MESSAGES), f"{path}: messages", problems)
    out = {key: _text(table, key, f"{path}: messages", problems)
           for key in (*COMMON_MESSAGES, *[k for k in OPTIONAL_MESSAGES if k in table])}
    actions = _table(data, "actions", str(path), problems)
    _unknown_keys(actions, tuple(level.id for level in TRIAGE_LEVELS), f"{path}: actions", problems)
    for level in TRIAGE_LEVELS:
        out[f"action.{level.id}"] = _text(actions, level.id, f"{path}: actions", problems)
    talk = _table(data, "conversation", str(path), problems)
    _unknown_keys(talk, (*CONVERSATION_MESSAGES, *OPTIONAL_CONVERSATION_MESSAGES), f"{path}: conversation", problems)
    for key in (*CONVERSATION_MESSAGES, *[k for k in OPTIONAL_CONVERSATION_MESSAGES if k in talk]):
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
    topic_files.check_unique_phrases({f"control {k}": v for k, v in controls.items()}, str(path), spelling, problems)
    return controls
