"""models verify / install on what an operator carries on a USB stick (review 10, W2, W3)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from voicecare.app.cli import main


def test_verify_refuses_a_zip_that_install_would_refuse(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VOICECARE_MODELS", str(tmp_path / "models"))
    archive = tmp_path / "fake.zip"
    with zipfile.ZipFile(archive, "w") as zf:  # valid CRCs, but no conf/model.conf and no graph
        zf.writestr("vosk-model-fake/am/final.mdl", b"\0" * 1024)
        zf.writestr("vosk-model-fake/conf/mfcc.conf", "--use-energy=false\n")
    assert main(["models", "verify", str(archive)]) == 2
    err = capsys.readouterr().err
    assert f"{archive}/vosk-model-fake: missing conf/model.conf" in err and "voicecare-verify-" not in err
    assert main(["models", "install", str(archive)]) == 2


@pytest.mark.parametrize("kind", ["folder", "device"])
def test_install_of_something_that_is_not_a_file_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                         kind: str) -> None:
    target = tmp_path / "dir.zip"
    if kind == "folder":
        target.mkdir()
    else:
        target = Path("/dev/zero")
    assert main(["models", "install", str(target)]) == 2
    assert capsys.readouterr().err == (f"voicecare: error: {target}: not a regular file (a folder or device); "
                                       "give the path of a model .zip\n")
