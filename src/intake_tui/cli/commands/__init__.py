"""One module per command; each defines ``run(args, runtime) -> int``."""
