"""Time from start to the first prompt, and resident memory at that prompt, for an interactive shell
started on a pseudo-terminal. Prints the median of RUNS starts.

    python3 first_prompt.py RUNS PROMPT_TEXT COMMAND [ARG...]
"""
import os
import pty
import select
import signal
import statistics
import sys
import time


def one_run(prompt, argv):
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["NO_COLOR"] = "1"
        os.execvp(argv[0], argv)
    seen = b""
    while prompt.encode() not in seen:
        ready, _, _ = select.select([fd], [], [], 10)
        if not ready:
            raise SystemExit(f"no prompt from {argv}: {seen[-200:]!r}")
        seen += os.read(fd, 65536)
    elapsed = time.perf_counter() - start
    with open(f"/proc/{pid}/status") as status:
        rss = next(int(line.split()[1]) for line in status if line.startswith("VmRSS"))
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    os.close(fd)
    return elapsed, rss


runs, prompt, argv = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
results = [one_run(prompt, argv) for _ in range(runs)]
print(f"{statistics.median(r[0] for r in results) * 1000:.1f} ms  {statistics.median(r[1] for r in results) / 1024:.1f} MiB")
