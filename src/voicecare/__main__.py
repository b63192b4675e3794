"""Allow ``python -m voicecare``."""

from voicecare.cli import main

raise SystemExit(main())
