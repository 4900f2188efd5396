try:
    from .entry import main
except KeyboardInterrupt:  # Ctrl-C while the entry point itself is imported
    raise SystemExit(130) from None

main()
