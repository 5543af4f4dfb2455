"""Compare two checkouts' page CPU on a shared machine: their requests take turns, one pair at a time.

Run: .venv/bin/python bench/pages_paired.py OTHER_CHECKOUT explorer,catalogue [--pairs 60]

`bench/pages.py` times each page in one process after the other; on a machine others are using,
the same page's CPU time moves by half between runs, so two runs of two checkouts are hard to
compare. Here each checkout builds the bench's data in a process of its own (with its own
`.venv/bin/python` and its own code), and the two processes take turns request by request, in
alternating order, so both see the same machine. Prints, per page, each side's median and
minimum CPU ms and the median of the pairs' ratios (this checkout's time over the other's).
Page names are bench/pages.py's.
"""

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]


def serve():
    """Child: build the bench's data, then time one request of each page named on stdin."""
    sys.path.insert(0, str(Path.cwd() / "bench"))
    import pages as bench  # this checkout's bench/pages.py, which sets Django up

    world = bench.build()
    listed = {page[0]: page for page in bench.pages(world)}
    clients = {}
    print("ready", flush=True)
    for line in sys.stdin:
        _, user, url, *_ = listed[line.strip()]
        if user not in clients:
            clients[user] = bench.client_for(world["users"][user])
        started = time.process_time()
        bench.fetch(clients[user], url)  # read and closed, as a server does: the request's end runs
        print(f"{(time.process_time() - started) * 1000:.3f}", flush=True)


def start(checkout):
    process = subprocess.Popen(
        [str(checkout / ".venv" / "bin" / "python"), str(Path(__file__).resolve()), "--serve"],
        cwd=checkout,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    while process.stdout.readline().strip() != "ready":
        if process.poll() is not None:
            raise SystemExit(f"{checkout}: the bench's data could not be built")
    return process


def timed(process, page):
    process.stdin.write(page + "\n")
    process.stdin.flush()
    return float(process.stdout.readline())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("other", nargs="?", type=Path, help="the checkout to compare with (its .venv too)")
    parser.add_argument("pages", nargs="?", default="explorer", help="bench page names, comma-separated")
    parser.add_argument("--pairs", type=int, default=60)
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.serve:
        return serve()
    if options.other is None:
        parser.error("name the checkout to compare with")
    checkouts = [options.other.resolve(), HERE]
    processes = [start(checkout) for checkout in checkouts]
    print(f"other: {checkouts[0]}  this: {checkouts[1]}")
    try:
        for page in options.pages.split(","):
            for process in processes:
                for _ in range(3):  # warm caches (templates, URL resolvers) before timing
                    timed(process, page)
            times = ([], [])
            for n in range(options.pairs):
                for side in (0, 1) if n % 2 == 0 else (1, 0):
                    times[side].append(timed(processes[side], page))
            ratio = statistics.median(this / other for other, this in zip(*times, strict=True))
            print(
                f"{page}: other median {statistics.median(times[0]):.1f} min {min(times[0]):.1f}, "
                f"this median {statistics.median(times[1]):.1f} min {min(times[1]):.1f}, ratio {ratio:.2f}",
                flush=True,
            )
    finally:
        for process in processes:
            process.stdin.close()
            process.wait()


if __name__ == "__main__":
    main()
