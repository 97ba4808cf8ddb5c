from narr_audit.cli import main

main()
