"""The command line and docassemble's engine run without a server (tests, benchmark, `lag`)."""
