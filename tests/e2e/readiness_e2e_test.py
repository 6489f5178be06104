#!/usr/bin/env python3
"""/readyz follows the store: a gateway on PostgreSQL answers 200 while the database answers,
503 with a one-line reason while it is down (noticed without any client traffic, which a load
balancer stops sending once it sees 503), and 200 again once the database is back."""

import argparse
import http.client
import os
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "tests", "durability"))
import gateway_driver as driver  # noqa: E402


def readyz(port):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", "/readyz")
        response = connection.getresponse()
        return response.status, response.read().decode()
    finally:
        connection.close()


def wait_for(port, status, seconds=15):
    """Polls /readyz (as a load balancer does) until it answers `status`; returns the last answer."""
    deadline = time.monotonic() + seconds
    answer = readyz(port)
    while answer[0] != status and time.monotonic() < deadline:
        time.sleep(0.1)
        answer = readyz(port)
    return answer


def run(binary):
    work, cluster, url, users_file = driver.cluster_with_users("oofgate-readyz-", 1)
    gateway = None
    try:
        gateway = driver.Gateway(binary, work, ["--store", url, "--access-log", "off", "--audit-log", "off"],
                                 users_file)
        status, body = wait_for(gateway.port, 200)
        assert (status, body) == (200, "ready\n"), ("/readyz with the database up", status, body)

        driver.pg_cluster("suspend", cluster)
        status, body = wait_for(gateway.port, 503)
        assert status == 503, ("/readyz while the database is down, with no client traffic", status, body)
        assert body.startswith("not ready: the database does not answer: ") and body.endswith("\n") and \
            body.count("\n") == 1, ("a one-line reason naming the database", body)
        print("outage: /readyz 503 %r" % body)
        status, _ = readyz(gateway.port)
        assert status == 503, "/readyz stays 503 while the database is down"

        driver.pg_cluster("resume", cluster)
        status, body = wait_for(gateway.port, 200, 30)
        assert (status, body) == (200, "ready\n"), ("/readyz after the database returned", status, body)
        status, _ = driver.Client(gateway.port).patch_settings(driver.user(0)["id"], {"timeZone": "Asia/Tokyo"})
        assert status == 200, ("a write once /readyz is 200 again", status)
        print("recovered: /readyz 200, writes succeed")
    finally:
        if gateway is not None:
            gateway.stop()
        driver.remove_cluster(work, cluster)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    arguments = parser.parse_args()
    driver.main(lambda: run(arguments.binary))
