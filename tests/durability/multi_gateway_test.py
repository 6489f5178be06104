#!/usr/bin/env python3
"""Several gateways on one PostgreSQL database: a write through one facade of one gateway is
what the other facade of another gateway reads next, under concurrent load, and concurrent
writes of different properties of one mailbox through different gateways all survive.

  multi_gateway_test.py --binary build/oofgate --pg-url-file FILE [--gateways 3]"""

import argparse
import os
import random
import shutil
import threading
import time

import gateway_driver as driver

READ_AFTER_WRITE_ROUNDS = 40
WRITES_PER_PROPERTY = 60


def load(ports, who, stop, counts):
    """Background writes to another mailbox through every gateway, to keep the store busy."""
    clients = [driver.Client(port) for port in ports]
    seq = 0
    while not stop.is_set():
        seq += 1
        status, body = random.choice(clients).patch_settings(
            who["id"], {"automaticRepliesSetting": {"externalReplyMessage": "load-%d" % seq}})
        if status != 200:
            counts["errors"].append("load write: %d %s" % (status, body))
            return
        counts["load"] += 1


def read_after_write_across_gateways(clients, who):
    """Each round writes through one facade of gateway i and reads through the other of i+1."""
    for round_ in range(READ_AFTER_WRITE_ROUNDS):
        writer = clients[round_ % len(clients)]
        reader = clients[(round_ + 1) % len(clients)]
        enabled = round_ % 4 < 2
        if round_ % 2 == 0:
            status, body = writer.patch_settings(
                who["id"], {"automaticRepliesSetting": {"status": "alwaysEnabled" if enabled else "disabled"}})
            if status != 200:
                raise AssertionError("round %d: PATCH answered %d %s" % (round_, status, body))
            seen = reader.get_oof_status(who)
        else:
            status, body = writer.set_oof_status(who, enabled)
            if status != 200:
                raise AssertionError("round %d: SetOofStatus answered %d %s" % (round_, status, body))
            seen = reader.get_settings(who["id"])["automaticRepliesSetting"]["status"] == "alwaysEnabled"
        if seen != enabled:
            raise AssertionError("round %d: wrote OOF %s through gateway %d (%s), gateway %d read %s"
                                 % (round_, enabled, clients.index(writer), "REST" if round_ % 2 == 0 else "SOAP",
                                    clients.index(reader), seen))


def concurrent_properties_of_one_mailbox(ports, who):
    """Three writers, three gateways, three properties of one record: none may undo another."""
    errors = []
    last = {}

    def patch(port, field, prefix):
        client = driver.Client(port)
        for k in range(1, WRITES_PER_PROPERTY + 1):
            status, body = client.patch_settings(who["id"], {"automaticRepliesSetting": {field: "%s-%d" % (prefix, k)}})
            if status != 200:
                errors.append("%s write %d: %d %s" % (field, k, status, body))
                return
        last[field] = "%s-%d" % (prefix, WRITES_PER_PROPERTY)

    def toggle(port):
        client = driver.Client(port)
        for k in range(1, WRITES_PER_PROPERTY + 1):
            status, body = client.set_oof_status(who, k % 2 == 1)
            if status != 200:
                errors.append("SetOofStatus %d: %d %s" % (k, status, body))
                return
        last["status"] = "alwaysEnabled" if WRITES_PER_PROPERTY % 2 == 1 else "disabled"

    threads = [threading.Thread(target=patch, args=(ports[0], "internalReplyMessage", "a")),
               threading.Thread(target=patch, args=(ports[1 % len(ports)], "externalReplyMessage", "b")),
               threading.Thread(target=toggle, args=(ports[2 % len(ports)],))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise AssertionError("; ".join(errors))
    for port in ports:
        seen = driver.Client(port).get_settings(who["id"])["automaticRepliesSetting"]
        for field, value in last.items():
            if seen[field] != value:
                raise AssertionError("lost update: gateway on %d reads %s = %r, last acknowledged write was %r"
                                     % (port, field, seen[field], value))
    return 3 * WRITES_PER_PROPERTY


def run():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--pg-url-file", required=True)
    parser.add_argument("--gateways", type=int, default=3)
    args = parser.parse_args()

    workdir = driver.scratch_dir("oofgate-multi-")
    users_file = os.path.join(workdir, "users.json")
    with open(users_file, "w") as f:
        f.write(driver.users_json(4))
    schema = driver.PostgresSchema(args.pg_url_file, "multi")
    gateways = []
    stop = threading.Event()
    counts = {"load": 0, "errors": []}
    started = time.monotonic()
    try:
        for index in range(args.gateways):
            # Each gateway owns its data directory (its ResetPIN outbox): serve locks it.
            data_dir = os.path.join(workdir, "data-%d" % index)
            gateways.append(driver.Gateway(args.binary, workdir, ["--store", schema.url, "--data-dir", data_dir],
                                           users_file))
        ports = [gateway.port for gateway in gateways]
        driver.require_facades(gateways[0], driver.user(3))
        loader = threading.Thread(target=load, args=(ports, driver.user(2), stop, counts))
        loader.start()
        try:
            read_after_write_across_gateways([driver.Client(port) for port in ports], driver.user(0))
            concurrent = concurrent_properties_of_one_mailbox(ports, driver.user(1))
        finally:
            stop.set()
            loader.join()
        if counts["errors"]:
            raise AssertionError("; ".join(counts["errors"]))
    finally:
        for gateway in gateways:
            gateway.stop()
        schema.drop()
        shutil.rmtree(workdir, ignore_errors=True)
    print("multi-gateway test: %d gateways on one PostgreSQL; %d cross-gateway, cross-facade read-after-write "
          "rounds; %d concurrent writes of 3 properties of one mailbox through 3 gateways, none lost; %d background "
          "writes; %.1f s" % (args.gateways, READ_AFTER_WRITE_ROUNDS, concurrent, counts["load"],
                               time.monotonic() - started))


if __name__ == "__main__":
    driver.main(run)
