"""Allow ``python -m voicecare``."""

from voicecare.app.cli import main

raise SystemExit(main())
