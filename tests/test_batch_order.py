"""A batch's emergency is spoken before the other caregivers' replies (policy rule 3; outside review 10, E2).

Each recording (or ``--text``) in a batch is its own caregiver and each reply is
spoken whole. Spoken in file order, "Call 911 now." for a later recording waited
behind every reply before it (45 s into a six-file batch). The printed results keep
file order; the real espeak-ng synthesiser notes what it was asked to say, in order.
"""

from __future__ import annotations

from pathlib import Path

from voicecare.app.cli import main
from voicecare.speech_out.tts import Pyttsx3Synthesizer
from voicecare.testing import NotingSynthesizer

AUDIO = Path(__file__).parent / "data" / "audio"
URGENT = "his back is a bit sore after he fell off the couch, he is running around fine"
EMERGENCY = "she is not breathing properly and her lips are going blue"


def _spoken(args: list[str], reply: Path) -> list[str]:
    noting = NotingSynthesizer(lambda: Pyttsx3Synthesizer(None))
    assert main(["triage", *args, "--say-to", str(reply)], synthesizer=noting) == 0
    return noting.texts


def _emergency_before_the_rest(texts: list[str], first_other: str) -> None:
    """The emergency reply's own lines (beyond the ready "Call 911 now.") come before the other reply."""
    stay = next(i for i, text in enumerate(texts) if "stay with" in text.lower())
    other = next(i for i, text in enumerate(texts) if first_other in text.lower())
    assert stay < other, texts


def test_every_repeated_text_is_triaged(capsys) -> None:  # type: ignore[no-untyped-def]
    # A second --text once replaced the first without a word: an emergency given first was lost.
    assert main(["triage", "--text", EMERGENCY, "--text", URGENT, "--quiet"]) == 0
    printed = capsys.readouterr().out
    assert "EMERGENCY: call 911" in printed and "URGENT" in printed


def test_typed_batch_speaks_the_emergency_first(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    texts = _spoken(["--text", URGENT, "--text", EMERGENCY], tmp_path / "r.wav")
    printed = capsys.readouterr().out
    assert printed.index(URGENT) < printed.index(EMERGENCY)  # printed in the order given
    _emergency_before_the_rest(texts, "doctor right away")


def test_recorded_batch_speaks_the_emergency_first(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    files = [AUDIO / "clean" / "hc_sore.wav", AUDIO / "clean" / "em_blue.wav"]
    texts = _spoken(["--audio", *map(str, files), "--engine", "sphinx"], tmp_path / "r.wav")
    printed = capsys.readouterr().out
    assert printed.index("hc_sore.wav") < printed.index("em_blue.wav")
    _emergency_before_the_rest(texts, "care for this at home")
