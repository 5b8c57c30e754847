"""Time from a Tab press to the completion it brings, in a shell started on a pseudo-terminal whose
environment names an OpenAPI description. Prints the median of RUNS presses (the description is read
by the first one, so that one is reported apart).

    python3 tab_latency.py RUNS PROMPT LINE EXPECTED COMMAND [ARG...]
"""
import os
import pty
import select
import signal
import statistics
import sys
import time


def read_until(fd, text, seen=b""):
    while text.encode() not in seen:
        ready, _, _ = select.select([fd], [], [], 10)
        if not ready:
            raise SystemExit(f"never saw {text!r}: {seen[-300:]!r}")
        seen += os.read(fd, 65536)
    return seen


runs, prompt, line, expected, argv = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5:]
pid, fd = pty.fork()
if pid == 0:
    os.environ["NO_COLOR"] = "1"
    os.execvp(argv[0], argv)
read_until(fd, prompt)
times = []
for _ in range(runs + 1):
    os.write(fd, line.encode())
    read_until(fd, line)
    start = time.perf_counter()
    os.write(fd, b"\t")
    read_until(fd, expected)
    times.append(time.perf_counter() - start)
    os.write(fd, b"\x15")  # Ctrl-U: the line is cleared for the next press
    time.sleep(0.05)
    while select.select([fd], [], [], 0)[0]:
        os.read(fd, 65536)
os.kill(pid, signal.SIGKILL)
os.waitpid(pid, 0)
print(f"first Tab {times[0] * 1000:.1f} ms, then median {statistics.median(times[1:]) * 1000:.1f} ms over {runs}")
