#!/usr/bin/env python3
"""A gateway on PostgreSQL survives a database outage: while the database is down it stays up
and answers in each client's protocol (Graph 503 with Retry-After, SOAP Server fault), changes
nothing, and it recovers by itself once the database is back."""

import argparse
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gateway_driver as driver  # noqa: E402

def run(binary):
    work, cluster, url, users_file = driver.cluster_with_users("oofgate-outage-", 1)
    gateway = None
    client = None
    try:
        who = driver.user(0)
        gateway = driver.Gateway(binary, work, ["--store", url], users_file)
        driver.require_facades(gateway, who)
        client = driver.Client(gateway.port)
        status, body = client.patch_settings(who["id"], {"timeZone": "Europe/Berlin"})
        assert status == 200, (status, body)

        driver.pg_cluster("suspend", cluster)
        status, body = client.request("GET", "/v1.0/users/%s/mailboxSettings" % who["id"],
                                      {"Authorization": "Bearer " + driver.APP_TOKEN})
        assert status == 503, ("Graph read during the outage", status, body)
        assert json.loads(body)["error"]["code"], body
        status, body = client.patch_settings(who["id"], {"timeZone": "Asia/Tokyo"})
        assert status == 503, ("Graph write during the outage", status, body)
        status, body = client.set_oof_status(who, True)
        assert status == 500 and "soap:Server" in body, ("SOAP write during the outage", status, body)
        assert gateway.process.poll() is None, "the gateway must stay up while the database is down"
        print("outage: Graph read/write 503, SOAP Server fault, gateway still up")

        driver.pg_cluster("resume", cluster)
        deadline = time.monotonic() + 30
        while True:
            try:
                status, body = client.request("GET", "/v1.0/users/%s/mailboxSettings" % who["id"],
                                              {"Authorization": "Bearer " + driver.APP_TOKEN})
            except OSError:
                status, body = 0, ""
            if status == 200 or time.monotonic() > deadline:
                break
            time.sleep(0.2)
        assert status == 200, ("no recovery within 30 s after the database returned", status, body)
        settings = json.loads(body)
        assert settings["timeZone"] == "Europe/Berlin", "a refused write must not have landed: %s" % body
        # Each store connection retries a failed connect at most every 200 ms, so a write may
        # still be refused for that long after the first read got through.
        while True:
            status, body = client.patch_settings(who["id"], {"timeZone": "Asia/Tokyo"})
            if status == 200 or time.monotonic() > deadline:
                break
            assert status == 503, ("write after recovery", status, body)
            time.sleep(0.05)
        assert status == 200, ("write after recovery", status, body)
        assert client.get_settings(who["id"])["timeZone"] == "Asia/Tokyo"
        assert client.set_oof_status(who, True)[0] == 200
        assert client.get_oof_status(who) is True
        print("recovered: reads and writes through both facades succeed again")
    except AssertionError:
        if gateway is not None:
            gateway.log.flush()
            with open(gateway.log.name, "rb") as log:
                print("gateway log:\n" + log.read().decode("utf-8", "replace")[-4000:])
        raise
    finally:
        if client is not None:
            client.close()
        if gateway is not None:
            gateway.stop()
        driver.remove_cluster(work, cluster)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--binary", required=True)
    arguments = parser.parse_args()
    driver.main(lambda: run(arguments.binary))
