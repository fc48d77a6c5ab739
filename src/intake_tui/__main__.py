"""Allow ``python -m intake_tui``."""

from intake_tui.cli.main import main

raise SystemExit(main())
