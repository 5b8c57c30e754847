"""Runs a command and reports its peak resident memory: `peak_rss.py COMMAND ARGS…`.

The command's output passes through; the last line on standard error is `peak-rss-kib N`, and the
exit status is the command's.
"""
import os
import sys

pid = os.posix_spawnp(sys.argv[1], sys.argv[1:], os.environ)
_, status, usage = os.wait4(pid, 0)
sys.stderr.write("peak-rss-kib %d\n" % usage.ru_maxrss)
sys.exit(os.waitstatus_to_exitcode(status))
