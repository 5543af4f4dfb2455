"""How fast this machine is right now, to compare benchmark runs made at different times.

Run: .venv/bin/python bench/machine.py   (the other benchmarks print the same line)

The virtual machines we run on change speed from day to day (the same page measured 2.5 times
slower one day than the day before, with nothing else running). Every benchmark therefore prints
`machine_loop_ms`: the median CPU time of a fixed pure-Python loop (a million multiplications and
remainders), which moves with the machine and not with our code. Compare two runs' page times
only alongside their `machine_loop_ms`.
"""

import statistics
import time


def loop_ms() -> float:
    started = time.process_time()
    total = 0
    for number in range(1_000_000):
        total += number * number % 7
    return (time.process_time() - started) * 1000


def machine_loop_ms(repeats: int = 7) -> float:
    return statistics.median(loop_ms() for _ in range(repeats))


def print_machine_speed() -> None:
    print(f"machine_loop_ms: {machine_loop_ms():.0f}", flush=True)


if __name__ == "__main__":
    print_machine_speed()
