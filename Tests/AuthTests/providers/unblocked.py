"""Runs a Python module with no signals blocked: `python3 unblocked.py -m httpbin.core ARGS…`.

A process started from a Swift concurrency thread inherits that thread's signal mask, which blocks
SIGTERM; the server would then ignore PeerServer's terminate and the test would wait for it forever.
"""
import runpy
import signal
import sys

signal.pthread_sigmask(signal.SIG_SETMASK, [])
if len(sys.argv) < 3 or sys.argv[1] != "-m":
    sys.exit("usage: unblocked.py -m MODULE [ARGS…]")
module = sys.argv[2]
sys.argv = [module] + sys.argv[3:]
runpy.run_module(module, run_name="__main__", alter_sys=True)
