"""Locust users for bench/load.py: one address per run, chosen by BENCH_PATH, no waiting between requests."""

import os

from locust import FastHttpUser, constant, task

PATH = os.environ.get("BENCH_PATH", "/")
NAME = os.environ.get("BENCH_NAME", PATH)


class Reader(FastHttpUser):
    wait_time = constant(0)

    @task
    def fetch(self):
        with self.client.get(PATH, name=NAME, catch_response=True) as response:
            if response.status_code != 200 or not response.content:
                response.failure(f"status {response.status_code}, {len(response.content or b'')} bytes")
