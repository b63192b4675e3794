"""The commands that read and print text: ``triage`` (typed text; recordings go to ``speech_cli``), ``chat``,
``check`` and ``eval``, and how their text input is read (a file, standard input, a line too long).

Split from ``cli`` (argument building and the entry point), which runs these lazily by name.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO, cast

from voicecare.app.cli import load_assistant
from voicecare.app.text_files import MAX_TEXT_BYTES, read_regular
from voicecare.conversation import render
from voicecare.conversation.dialog import Conversation
from voicecare.domain import TriageResult
from voicecare.errors import InputError
from voicecare.intents import DEFAULT_LANGUAGE
from voicecare.speech_out.tts import DEFAULT_RATE_WPM, MAX_RATE_WPM, MIN_RATE_WPM
from voicecare.understanding.assistant import Assistant

MAX_LINE_CHARS = 100_000
"""Longest utterance accepted (about 1.5 s of matching); longer lines are refused, never cut."""
STDIN = "-"
INPUT_ERROR = "input_error"
"""The JSON field of a line read with a fault (a NUL byte dropped, bad bytes replaced): its stderr words."""
BINARY_SHARE = 100
"""More than one NUL byte in this many (and more than STRAY_NULS) is a binary file, refused whole."""
STRAY_NULS = 8
"""Up to this many NUL bytes are stray (a bad paste): dropped from their lines, each line reported."""
JUNK_SHARE = 0.25
"""More than this share of a file's bytes undecodable as UTF-8 or control characters: not text, refused whole.
Random bytes are about half junk; a text file with stray Latin-1 letters a few percent (review12 F17: 5,000
random bytes gave 43 error lines and 43 "unclear" results)."""
JUNK_MIN_BYTES = 64
TEXT_CONTROLS = frozenset(b"\t\n\r\f\v")
TEXT_LINES_SHARE = 0.5
"""A file with many NULs or undecodable bytes is still text when at least this share of its lines reads as text
(``_reads_as_text``): one pasted UTF-16 line among typed ones must not cost the others their triage (outside
review 23, F8: two emergencies never triaged)."""
TEXT_CHARS_SHARE = 0.9
"""A line whose characters are at least this share printable, with its NULs dropped, is text with a few bad bytes
(a Latin-1 letter, a Windows quote); random bytes are about half unprintable (outside review 24 F10: a file of
seven such lines was refused whole, three emergencies never triaged)."""
UTF16_NULS_SHARE = 0.9
"""A line or file whose every other byte is NUL at least this often is UTF-16 text, read as such."""
BINARY_STARTS = (b"RIFF", b"PK\x03\x04", b"\x1f\x8b", b"fLaC", b"OggS", b"ID3", b"\x7fELF", b"%PDF")
"""How recordings, archives, programs and PDFs begin: given as text by mistake, refused whole."""


@dataclass(frozen=True)
class TextLines:
    """The lines of a text input, and how many of them were not UTF-8 (kept, with their bad bytes replaced)."""

    lines: list[str]
    unreadable: int = 0
    marks: Mapping[int, str] = field(default_factory=dict)
    """What was wrong with a line read anyway, by its index in ``lines`` (its stderr words): its JSON line carries
    it as ``input_error`` (outside review 15 F15: said on stderr, exit 2, and nothing in the JSON)."""

    def mark(self, index: int) -> dict[str, str]:
        """The JSON fields that mark line ``index`` as read with a fault ({} when it was read whole)."""
        return {INPUT_ERROR: self.marks[index]} if index in self.marks else {}


def read_lines(path: Path) -> TextLines:
    """The lines of a regular file, or of stdin for "-" (the whole lines of the first MiB); InputError for anything else."""
    raw = (open_stdin().buffer.read(MAX_TEXT_BYTES + 1) if str(path) == STDIN
           else read_regular(path, f"a text file, or '{STDIN}' to read standard input"))
    name = "standard input" if str(path) == STDIN else str(path)
    if len(raw) <= MAX_TEXT_BYTES:
        return _decoded_lines(raw, name)
    # Too much: the whole lines within the cap are still read (an emergency on line 1 must not be refused
    # with the rest), the cut is said in one line, and the caller exits non-zero.
    kept = raw[:MAX_TEXT_BYTES].rpartition(b"\n")[0]
    text = _decoded_lines(kept, name)
    read = f"{len(text.lines):,} lines" if len(text.lines) != 1 else "line"
    print(f"voicecare: error: {name}: more than {MAX_TEXT_BYTES // (1 << 20)} MiB of text; read its first "
          f"{read} only, split the rest into smaller files", file=sys.stderr, flush=True)
    return TextLines(text.lines, text.unreadable + 1, text.marks)


def _decoded_lines(raw: bytes, name: str) -> TextLines:
    """Each line as UTF-8 text; a line that is not is reported in one line and kept with its bad bytes replaced.

    One stray byte (a Latin-1 "é", a bad paste) must not cost the other lines their triage, nor its own:
    "she is not breathing\xe9" still says enough. The caller exits non-zero if any line was bad.
    """
    raw, guessed = _as_utf8(raw, name)
    lines: list[str] = []
    marks: dict[int, str] = {}
    for number, line in enumerate(raw.splitlines(), start=1):
        problem = None
        utf16 = _utf16_line(line)
        if utf16 is not None:  # one line pasted from a UTF-16 file among UTF-8 ones: its words are all there
            problem, line = "UTF-16 text without its mark; read as UTF-16", utf16.encode("utf-8")
        elif b"\x00" in line:  # a stray NUL (a bad paste) costs only its own line nothing but the NUL
            problem, line = "holds a NUL byte; read without it", line.replace(b"\x00", b"")
        try:
            lines.append(line.decode("utf-8").removeprefix("\ufeff"))  # a mark pasted mid-file is no word
        except UnicodeDecodeError:
            problem = "not UTF-8 text; read with the bad bytes replaced"
            lines.append(line.decode("utf-8", errors="replace"))
        if problem is not None:
            marks[len(lines) - 1] = f"{name} line {number}: {problem}"
            print(f"voicecare: error: {marks[len(lines) - 1]}", file=sys.stderr, flush=True)
    return TextLines(lines, len(marks) + guessed, marks)


def _junk_share(raw: bytes) -> float:
    """The share of bytes that no text holds: those not decodable as UTF-8, and control characters."""
    if len(raw) < JUNK_MIN_BYTES:  # a line or two with a stray byte is text with a typo, read line by line
        return 0.0
    text = raw.decode("utf-8", errors="replace")
    junk = text.count("\ufffd") + sum(1 for byte in raw if byte < 0x20 and byte not in TEXT_CONTROLS)
    return junk / len(raw)


def _text_share(raw: bytes) -> float:
    """The share of non-blank lines that read as text (``_reads_as_text``)."""
    lines = [line for line in raw.splitlines() if line.strip(b" \t\r\x00")]
    if not lines:
        return 0.0
    return sum(1 for line in lines if _reads_as_text(line)) / len(lines)


def _reads_as_text(line: bytes) -> bool:
    """True for a line of UTF-16 text, or of UTF-8 text once its NULs are dropped and with few bad bytes."""
    if _utf16_line(line) is not None:
        return True
    text = line.replace(b"\x00", b"").decode("utf-8", errors="replace")
    printable = sum(1 for char in text if char != "\ufffd" and (char.isprintable() or ord(char) in TEXT_CONTROLS))
    return bool(text) and printable / len(text) >= TEXT_CHARS_SHARE


def _utf16_codec(body: bytes) -> str | None:
    """The UTF-16 codec of ``body`` when every other byte of it is NUL nearly everywhere (text without its mark)."""
    if len(body) < 4:
        return None
    for zeros, codec in ((body[1::2], "utf-16-le"), (body[0::2], "utf-16-be")):
        if zeros.count(0) >= UTF16_NULS_SHARE * len(zeros):
            return codec
    return None


def _utf16_line(line: bytes) -> str | None:
    """The text of a line of UTF-16 (little- or big-endian) without its mark, or None when it is not one.

    Split on b"\n", a little-endian file's lines after the first begin with the NUL that ended the one before.
    """
    body = line[1:] if line.startswith(b"\x00") and len(line) % 2 else line
    codec = None if len(body) % 2 else _utf16_codec(body)
    return None if codec is None else body.decode(codec, errors="replace").removeprefix("\ufeff").rstrip("\r")


def _as_utf8(raw: bytes, name: str) -> tuple[bytes, int]:
    """UTF-8 bytes without a byte-order mark, and 1 when their encoding was guessed (said in one line), else 0.

    UTF-16 with its mark (Windows Notepad's "Unicode") is converted; UTF-16 without it too, said in one line (its
    emergencies must not be lost to a missing mark; the caller exits non-zero). Other files with many NULs or
    undecodable bytes are not text (a recording, an archive): refused whole in one line, rather than thousands of
    lines of garbage each answered "unclear"; unless most lines read as text, whose bad lines are then read one by
    one (``read_lines``).
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16").encode("utf-8"), 0
        except UnicodeDecodeError:
            raise InputError(f"{name}: broken UTF-16 text; save it as UTF-8") from None
    raw = raw.removeprefix(b"\xef\xbb\xbf")  # Notepad's UTF-8 mark is not part of the first utterance
    whole = raw[: len(raw) // 2 * 2]
    codec = None if raw.startswith(BINARY_STARTS) else _utf16_codec(whole)
    if codec is not None and _text_share(raw) >= TEXT_LINES_SHARE:
        print(f"voicecare: error: {name}: UTF-16 text without its mark; read as UTF-16, save it as UTF-8",
              file=sys.stderr, flush=True)
        return whole.decode(codec, errors="replace").removeprefix("\ufeff").encode("utf-8"), 1
    if raw.startswith(BINARY_STARTS) or (
            (raw.count(b"\x00") > max(STRAY_NULS, len(raw) // BINARY_SHARE) or _junk_share(raw) > JUNK_SHARE)
            and _text_share(raw) < TEXT_LINES_SHARE):
        raise InputError(f"{name}: cannot read it as UTF-8 text (it holds binary data)")
    return raw, 0


def check_length(utterance: str, where: str) -> None:
    """InputError for an utterance too long to triage: it is refused whole, never cut."""
    if len(utterance) > MAX_LINE_CHARS:
        raise InputError(f"{where}: {len(utterance):,} characters, more than the {MAX_LINE_CHARS:,} one "
                         "utterance may have; put each utterance on its own line")


def triage(args: argparse.Namespace) -> int:
    if args.audio:
        from voicecare.app.speech_cli import triage_audio

        return triage_audio(args)
    if args.text is not None:
        for given in args.text:
            check_length(given, "--text")
        text = TextLines(args.text)
    else:
        text = read_lines(args.text_file)
    # A blank line is no caregiver: skipped, not triaged as "unclear". Line numbers stay the file's.
    numbered = [(number, line) for number, line in enumerate(text.lines, start=1) if line.strip()]
    marks = [text.mark(number - 1) for number, _ in numbered]
    if not numbered and args.text is not None:
        raise InputError("--text: empty; give what the caregiver said")
    if not numbered:
        raise InputError(f"{args.text_file}: empty{' but for blank lines' if text.lines else ''}; "
                         "give one utterance per line")
    utterances = [line for _, line in numbered]
    if not MIN_RATE_WPM <= args.rate <= MAX_RATE_WPM:  # wrong even when nothing is spoken: say so, as speech does
        raise InputError(f"rate {args.rate!r}: give a whole number of words per minute from {MIN_RATE_WPM} to "
                         f"{MAX_RATE_WPM}")
    if not args.quiet and (args.say_to is not None or args.speaker is not None):
        from voicecare.app.speech_cli import triage_text_spoken

        code = triage_text_spoken(args, utterances, marks)  # text mode speaks only when asked where to
        return InputError.exit_code if text.unreadable else code
    assistant = load_assistant(args)
    if args.voice is not None:  # wrong even when nothing is spoken (--quiet too), as the rate is
        from voicecare.app.speech_cli import check_speech_options

        check_speech_options(args, assistant.intents.language.code)
    if args.rate != DEFAULT_RATE_WPM or args.voice is not None:
        speaks = "--quiet speaks nothing" if args.quiet else ("text mode speaks only with --say-to FILE.wav "
                                                              "or --speaker DEVICE")
        print(f"voicecare: --rate and --voice shape speech, and {speaks}; printing only", file=sys.stderr)
    failed = text.unreadable
    for (number, utterance), mark in zip(numbered, marks, strict=True):
        try:
            check_length(utterance, f"{args.text_file} line {number}" if args.text is None else "--text")
        except InputError as exc:  # one bad line must not keep the rest (an emergency among them) from triage
            print(f"voicecare: error: {exc}", file=sys.stderr, flush=True)
            if args.json:  # its own line too, so the JSON lines stay one per input
                print(render.error_json_line(utterance, str(exc)), flush=True)
            failed += 1
            continue
        answer_printed(assistant, utterance, as_json=args.json, mark=mark)
    return InputError.exit_code if failed else 0


def answer_printed(assistant: Assistant, utterance: str, *, as_json: bool,
                   mark: Mapping[str, str] | None = None) -> TriageResult:
    """One caregiver's utterance triaged and printed (text or a JSON line, with ``mark``: how the line was read
    with a fault); spoken or not, the same."""
    assistant.disclaimer_due = True  # each line is its own caregiver (rule 8: once to each)
    result = assistant.answer(utterance)
    if as_json:
        print(render.as_json_line(result, utterance, utterance, mark), flush=True)
    else:
        print(render.as_text(result, utterance, assistant.intents.language) + "\n", flush=True)
    return result


def open_stdin() -> TextIO:
    """Standard input, or one line saying it is closed (a cron job or unit started with ``<&-``)."""
    if sys.stdin is None:
        raise InputError("standard input is closed; pipe the text in, or give a file")
    return sys.stdin


def chat(args: argparse.Namespace) -> int:
    from voicecare.app import kiosk_config
    from voicecare.conversation.dialog import QUIT, State

    # Checked as listen and the kiosk check it, before anything loads.
    max_questions = cast(int, kiosk_config.checked("max_questions", args.max_questions))
    assistant = load_assistant(args)
    conversation = Conversation(assistant, max_questions=max_questions)
    stdin = _undecoded_kept(open_stdin())
    _print_turn(conversation.greet().messages, sys.stdout)
    interactive = stdin.isatty()
    refused = unused = faulty = number = 0
    said_goodbye = False
    # Only "goodbye" ends the chat (README), at a terminal at once. After the wrap-up ("anything else?" "no") the next
    # line starts a new conversation, as in the spoken one: a request for the last advice ("tell me more") is answered
    # from it (``afterwards``) and a "no, that's all" gets no second goodbye. Piped, a line after "goodbye" that tells
    # a sign starts a new conversation too (rule 10: "she stopped breathing" after it gets 911 first); the other
    # lines after "goodbye" are not used (one stderr line says how many), and a later line with a sign still is.
    while not (interactive and said_goodbye):
        if interactive:
            print("you> ", end="", flush=True)
        line = stdin.readline(MAX_LINE_CHARS + 1)
        if not line:
            break
        number += 1
        try:
            check_length(line.rstrip("\n"), "typed line")
        except InputError:
            # One line too long is refused alone; the conversation goes on to the next (review12 F12:
            # "she is not breathing" typed after it was never read). Its whole length is said, not the part read.
            length = len(line.rstrip("\n")) + _skip_rest_of_line(stdin, line)
            print(f"voicecare: error: typed line {number}: {length:,} characters, more than the {MAX_LINE_CHARS:,} "
                  "one utterance may have; put each utterance on its own line", file=sys.stderr, flush=True)
            refused += 1
            continue
        line, bad = _bad_bytes_replaced(line)
        if bad:
            # As triage --text-file does: the line is still heard (an emergency in it must not be lost), the fault is
            # said in one line, and the chat ends non-zero (outside review 23 F12: it was silent).
            print(f"voicecare: error: typed line {number}: not UTF-8 text; read with the bad bytes replaced",
                  file=sys.stderr, flush=True)
            faulty += 1
        text = line.strip()
        after = _after_the_end(conversation, text, said_goodbye) if conversation.state is State.DONE else None
        if after == ENDS:
            unused += 1  # read, and judged to hold no sign: not a conversation (a later line with one still is)
            continue
        if after == CLOSES:
            # The goodbye was said when the conversation ended: each later "no" repeated "Take care..." (outside
            # review 21 F16.4). Said once; at a terminal a "no" after it ends the chat, piped it is echoed unanswered
            # (a later line telling a sign still begins a new conversation).
            if interactive:
                break
            print(f"you> {line.rstrip()}")
            continue
        if after == BEGINS:
            assistant.disclaimer_due = True
            conversation = Conversation(assistant, max_questions=max_questions)
        if not interactive:
            print(f"you> {line.rstrip()}")
        turn = conversation.hear(text)
        said_goodbye = turn.command == QUIT
        # A voice command is acknowledged in words (typed, "slower" has no voice to slow down), not acted on.
        _print_turn(_text_mode_ack(conversation, turn.command) or turn.messages, sys.stdout)
    ended = conversation.input_ended() if not said_goodbye else None
    if ended is not None:  # the input ended while a question or a 911 waited (outside review 21 F15)
        _print_turn(ended.messages, sys.stdout)
    if unused:
        print(f"voicecare: {unused} line(s) after 'goodbye' not used: no sign of the child in them", file=sys.stderr,
              flush=True)
    return InputError.exit_code if refused or faulty else 0


def _undecoded_kept(stdin: TextIO) -> TextIO:
    """``stdin`` reading bytes its encoding cannot decode as lone surrogates instead of raising.

    Under a UTF-8 locale such as a Raspberry Pi's en_GB.UTF-8, Python reads standard input strictly: one Latin-1
    byte typed or piped into chat was a traceback, and the lines after it (an emergency among them) were never
    heard. Kept as surrogates, each bad byte is found, said and replaced in its own line (``_bad_bytes_replaced``).
    """
    reconfigure = getattr(stdin, "reconfigure", None)  # a real text stream; a test's StringIO has no bytes to decode
    if reconfigure is not None:
        reconfigure(errors="surrogateescape")
    return stdin


def _bad_bytes_replaced(line: str) -> tuple[str, bool]:
    """``line`` with each byte its encoding could not decode (a lone surrogate) made U+FFFD, and whether it had one."""
    if not any(SURROGATES_FROM <= char <= SURROGATES_TO for char in line):
        return line, False
    return "".join("\ufffd" if SURROGATES_FROM <= char <= SURROGATES_TO else char for char in line), True


SURROGATES_FROM, SURROGATES_TO = "\udc80", "\udcff"
"""The lone surrogates ``surrogateescape`` reads undecodable bytes 0x80-0xff as."""


ENDS, BEGINS, CLOSES, REOPENS = "ends", "begins", "closes", "reopens"
"""What a typed line after the conversation ended does (``_after_the_end``)."""


def _after_the_end(conversation: Conversation, text: str, said_goodbye: bool) -> str:
    """What ``text``, typed after ``conversation`` ended, does: re-opens it for a request for its last advice (then
    re-opened here); after "goodbye", begins a new conversation when it tells a sign and is not used (``ENDS``)
    otherwise; after the wrap-up, only closes it for a late "no, that's all" (``CLOSES``: its goodbye was said) and
    otherwise begins a new conversation."""
    from voicecare.conversation import afterwards

    if afterwards.asks_last_answer(conversation, text):
        afterwards.reopen(conversation, text)
        return REOPENS
    if said_goodbye:
        return BEGINS if afterwards.tells_a_sign(conversation, text) else ENDS
    return CLOSES if afterwards.closing_only(conversation, text) else BEGINS


def _skip_rest_of_line(stdin: TextIO, start: str) -> int:
    """Read past the end of a line whose start was already read (it was longer than a read); the characters skipped."""
    line, skipped = start, 0
    while line and not line.endswith("\n"):
        line = stdin.readline(MAX_LINE_CHARS)
        skipped += len(line.rstrip("\n"))
    return skipped


TEXT_MODE_ACKS = {"stop": "conversation.text_stop", "slower": "conversation.text_speed",
                  "faster": "conversation.text_speed"}
"""Commands that act on the voice: typed, they are acknowledged in words (text mode has no voice to change)."""


def _text_mode_ack(conversation: Conversation, command: str | None) -> tuple[str, ...]:
    key = TEXT_MODE_ACKS.get(command or "")
    return (conversation.assistant.intents.messages[key],) if key else ()


def _print_turn(messages: Sequence[object], out: TextIO) -> None:
    for message in messages:
        print(f"voicecare> {getattr(message, 'text', message)}", file=out)
    out.flush()


def check(args: argparse.Namespace) -> int:
    from voicecare import intents
    from voicecare.app.doctor import conversation_problem

    directory = intents.language_dir(args.intents or intents.default_dir(), args.language or DEFAULT_LANGUAGE)
    problems = intents.problems_of(directory)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"voicecare: error: {len(problems)} problem(s) in {directory}", file=sys.stderr)
        return 2
    loaded = intents.load_all(directory)
    if args.topic is not None:
        loaded = intents.load(directory, topic=args.topic)
    # What the kiosk, listen and chat load besides: one topic at a time, with its answer words.
    refused = [refusal for topic in loaded.topics
               if (refusal := conversation_problem(intents.load(directory, topic=topic.id))) is not None]
    for refusal in dict.fromkeys(refused):
        print(refusal, file=sys.stderr)
    if refused:
        print(f"voicecare: error: {len(set(refused))} problem(s) in {directory}", file=sys.stderr)
        return 2
    print(f"language: {loaded.language.code} ({loaded.language.name}), {len(loaded.language.context.triggers)} cues")
    for topic in loaded.topics:
        phrases = sum(len(s.phrases) for s in topic.symptoms)
        signs = [s for s in topic.symptoms if not s.note]  # a note ("seen by the GP") only silences messages
        count = len(topic.symptoms) - len(signs)
        notes = f", {count} note{'' if count == 1 else 's'}" if count else ""
        print(f"{topic.id}: {len(signs)} symptoms{notes}, {phrases} phrases, {len(topic.interview)} interview questions")
        for symptom in topic.symptoms:
            kind = "note" if symptom.note else symptom.level.id
            print(f"  {kind:<10} {symptom.id:<24} {len(symptom.phrases):>3} phrases")
    controls = sum(len(v) for v in loaded.controls.values())
    print(f"controls: {len(loaded.controls)} kinds, {controls} phrases")
    print(f"ok: {directory}")
    return 0


def eval_command(args: argparse.Namespace) -> int:
    from voicecare.app import evaluation

    corpora = [(path, evaluation.read_corpus(path)) for path in args.corpus]  # bad input fails before any work
    assistant = load_assistant(args)
    reports = []
    for path, cases in corpora:
        report = evaluation.evaluate(cases, lambda text: assistant.answer(text).disposition)
        reports.append(report)
        print(evaluation.summary_line(path.name, report))
    total = evaluation.combine(reports)
    if len(reports) > 1:
        print(evaluation.summary_line("TOTAL", total))
    print("\n" + evaluation.format_confusion(total))
    if args.show_failures:
        print(f"\nmisses: {len(total.misses())}")
        for (path, _), report in zip(corpora, reports, strict=True):
            print("\n".join(evaluation.format_misses(report, path.name)))
    return 0
