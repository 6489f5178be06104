#!/usr/bin/env python3
"""Crash test: concurrent REST and SOAP writers, `kill -9` of the gateway at random moments,
restart on the same store, and check that no acknowledged write was lost.

Each writer owns one mailbox and writes sequentially, so after a crash its mailbox must hold
the last write that got HTTP 200, or the one write whose answer the crash swallowed. REST
writers set automaticRepliesSetting.internalReplyMessage = "w<writer>-<seq>"; SOAP writers
alternate SetOofStatus true/false (checked through Graph's automaticRepliesSetting.status).

  crash_test.py --binary build/oofgate --store sqlite|postgres [--pg-url-file FILE] [--cycles N]

Default 5 cycles; OOFGATE_LONG=1 runs 100."""

import argparse
import os
import random
import shutil
import threading
import time

import gateway_driver as driver

REST_WRITERS = 3
SOAP_WRITERS = 2


class Writer:
    """Writes to its own mailbox, on its own thread, until the gateway dies."""

    def __init__(self, index, who):
        self.index = index
        self.who = who
        self.seq = 0
        self.acknowledged = 0
        self.baseline = None  # the verified state: last acknowledged (or surviving in-flight) value
        self.unknown = []  # values sent after the baseline whose outcome the crash hid
        self.error = None
        self.thread = None

    def start_on(self, port):
        self.thread = threading.Thread(target=self.run, args=(port,), daemon=True)
        self.thread.start()

    def join(self):
        self.thread.join(60)
        if self.thread.is_alive():
            raise AssertionError("writer %d did not stop after the crash" % self.index)
        if self.error is not None:
            raise self.error

    def run(self, port):
        try:
            self.write_until_crash(driver.Client(port))
        except AssertionError as error:
            self.error = error

    def write_until_crash(self, client):
        while True:
            self.seq += 1
            value = self.value_of(self.seq)
            try:
                status, body = self.send(client, value)
            except ConnectionRefusedError:
                break  # never reached the gateway: certainly not applied
            except Exception:
                self.unknown.append(value)  # sent, answer lost: may or may not be committed
                break
            if status == 200:
                self.baseline = value
                self.unknown = []
                self.acknowledged += 1
            elif status != 503:
                raise AssertionError("writer %d: unexpected %d %s" % (self.index, status, body))


class RestWriter(Writer):
    kind = "REST"

    def value_of(self, seq):
        return "w%d-%d" % (self.index, seq)

    def send(self, client, value):
        return client.patch_settings(self.who["id"], {"automaticRepliesSetting": {"internalReplyMessage": value}})

    def observe(self, client):
        return client.get_settings(self.who["id"])["automaticRepliesSetting"]["internalReplyMessage"]


class SoapWriter(Writer):
    kind = "SOAP"

    def value_of(self, seq):
        return seq % 2 == 1

    def send(self, client, value):
        return client.set_oof_status(self.who, value)

    def observe(self, client):
        # Read through the other facade: the UM flag and Graph's status are one record.
        return client.get_settings(self.who["id"])["automaticRepliesSetting"]["status"] == "alwaysEnabled"


def run():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--store", choices=["sqlite", "postgres"], required=True)
    parser.add_argument("--pg-url-file")
    parser.add_argument("--cycles", type=int, default=100 if os.environ.get("OOFGATE_LONG") == "1" else 5)
    args = parser.parse_args()

    workdir = driver.scratch_dir("oofgate-crash-")
    users_file = os.path.join(workdir, "users.json")
    with open(users_file, "w") as f:
        f.write(driver.users_json(REST_WRITERS + SOAP_WRITERS))
    schema = None
    if args.store == "postgres":
        schema = driver.PostgresSchema(args.pg_url_file, "crash")
        store_args = ["--store", schema.url]
    else:
        store_args = ["--data-dir", os.path.join(workdir, "data")]

    writers = [RestWriter(i, driver.user(i)) for i in range(REST_WRITERS)]
    writers += [SoapWriter(REST_WRITERS + i, driver.user(REST_WRITERS + i)) for i in range(SOAP_WRITERS)]
    started = time.monotonic()
    exact = in_flight = 0
    gateway = driver.Gateway(args.binary, workdir, store_args, users_file)
    try:
        driver.require_facades(gateway, writers[0].who)
        client = driver.Client(gateway.port)
        for writer in writers:
            writer.baseline = writer.observe(client)
        client.close()
        for cycle in range(1, args.cycles + 1):
            for writer in writers:
                writer.start_on(gateway.port)
            time.sleep(random.uniform(0.2, 1.0))  # let load build up, then crash at a random moment
            gateway.kill()
            for writer in writers:
                writer.join()
            gateway = driver.Gateway(args.binary, workdir, store_args, users_file)
            client = driver.Client(gateway.port)
            for writer in writers:
                seen = writer.observe(client)
                allowed = [writer.baseline] + writer.unknown
                if seen not in allowed:
                    raise AssertionError("cycle %d: %s writer %d lost an acknowledged write: mailbox holds %r, "
                                         "expected one of %r" % (cycle, writer.kind, writer.index, seen, allowed))
                if seen == writer.baseline:
                    exact += 1
                else:
                    in_flight += 1
                writer.baseline = seen
                writer.unknown = []
            client.close()
        gateway.stop()
    finally:
        gateway.kill()
        if schema is not None:
            schema.drop()
        shutil.rmtree(workdir, ignore_errors=True)

    rest = sum(w.acknowledged for w in writers if w.kind == "REST")
    soap = sum(w.acknowledged for w in writers if w.kind == "SOAP")
    print("crash test [%s]: %d kill -9 cycles, %d acknowledged writes (REST %d, SOAP %d); "
          "%d mailbox checks after restart, all passed (%d held the last acknowledged write, %d the "
          "in-flight one after it); 0 lost; %.1f s" % (args.store, args.cycles, rest + soap, rest, soap, exact + in_flight, exact, in_flight,
                              time.monotonic() - started))


if __name__ == "__main__":
    driver.main(run)
