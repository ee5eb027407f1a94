#!/usr/bin/env python3
"""A stand-in for `mmm-cli worker` that the queue tests start through MMM_WORKER_EXECUTABLE.

It records every launch (job, attempt, pid) in $LAUNCH_LOG — the tests' own count of how often each job ran —
then waits until the file $GATE exists, and then replaces itself with the real worker ($MMM_CLI worker ...), which
keeps the same stdin. While it waits it behaves like a worker started with --exit-with-parent: when its stdin (a
pipe held by the processor) reaches end of file, the processor is gone and it exits at once.
"""
import os
import select
import sys
import time

arguments = sys.argv[1:]
job = arguments[arguments.index("--job") + 1]
attempt = arguments[arguments.index("--attempt") + 1]
with open(os.environ["LAUNCH_LOG"], "a") as log:
    log.write("%s %s %d %.3f\n" % (job, attempt, os.getpid(), time.time()))

deadline = time.time() + 300
while not os.path.exists(os.environ["GATE"]):
    ready, _, _ = select.select([0], [], [], 0.05)
    if ready and not os.read(0, 1):
        sys.exit(75)  # the processor is gone
    if time.time() > deadline:
        sys.exit(76)

cli = os.environ["MMM_CLI"]
os.execv(cli, [cli] + arguments)
