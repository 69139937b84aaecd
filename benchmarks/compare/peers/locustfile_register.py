"""Locust side of the raw register comparison: the same POST, body and bearer header as wrk, hey and autocannon.

Run by compare.sh: locust -f locustfile_register.py --headless -u 50 -r 50 --run-time 10s --csv PREFIX
PERF_BODY_FILE names the body; PERF_TOKEN the bearer token (default perf-token).
"""
import os

from locust import FastHttpUser, constant, task

with open(os.environ["PERF_BODY_FILE"], "rb") as body_file:
    BODY = body_file.read()

HEADERS = {
    "Content-Type": "application/json",
    "Authorization": "Bearer " + os.environ.get("PERF_TOKEN", "perf-token"),
}


class RegisterUser(FastHttpUser):
    # Full speed: no think time, as for every other tool in the comparison.
    wait_time = constant(0)

    @task
    def register(self):
        self.client.post("/api/Investors/Register?api-version=2.0", data=BODY, headers=HEADERS, name="register")
