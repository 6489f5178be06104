"""Soft assertions for the Python end-to-end tests: every failed check is printed and counted, the
remaining checks still run, and finish() exits non-zero if any failed."""

import sys

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL: " + message)
    return condition


def run_cases(cases, make_workdir, *args):
    """Runs each (name, function) with a fresh work directory; an exception fails that case only."""
    for name, run in cases:
        before = len(failures)
        with make_workdir() as workdir:
            try:
                run(*args, workdir)
            except Exception as error:  # a crash in one case is a failure, and the others still run
                failures.append("%s raised %r" % (name, error))
        print("%s %s" % ("ok  " if len(failures) == before else "FAIL", name))


def finish():
    if failures:
        print("%d failures" % len(failures))
        sys.exit(1)
