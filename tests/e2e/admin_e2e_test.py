"""Admin commands against the real binary (issue 13 item 6).

users: add/remove/passwd edit the users file atomically and keep everything else; a duplicate,
an empty password or an unknown user change nothing; the new user and the new password work on
a gateway started afterwards; no password is ever printed.
export/import: SQLite -> PostgreSQL -> SQLite gives byte-identical Graph and UM GETs for every
mailbox; export while a gateway runs and writes; import refused on a data directory a gateway
holds and on a non-empty store without --replace; a malformed import changes nothing and names
the offending record by JSON pointer.

  admin_e2e_test.py --binary build/oofgate --pg-url-file FILE"""

import argparse
import base64
import json
import os
import pty
import select
import signal
import time
import subprocess
import sys
import threading

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "durability"))
import gateway_driver as driver  # noqa: E402  (start on port 0, stop by pid)

MESSAGES_NS = "http://schemas.microsoft.com/exchange/services/2006/messages"
USERS = [driver.user(i) for i in range(4)]
NEW_PASSWORD = "Zebra-horse-42!"


def run(binary, args, stdin=b""):
    """(exit status, stdout, stderr) of one admin command."""
    done = subprocess.run([binary] + args, input=stdin, capture_output=True, timeout=120)
    return done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8")


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def um(client, who, password, operation):
    credentials = base64.b64encode(("%s:%s" % (who, password)).encode()).decode()
    envelope = ('<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>%s'
                '</soap:Body></soap:Envelope>' % operation)
    return client.request("POST", "/EWS/UM2007Legacy.asmx",
                          {"Authorization": "Basic " + credentials, "Content-Type": "text/xml; charset=utf-8"},
                          envelope.encode())


def write_users(path, users):
    with open(path, "w") as f:
        f.write(json.dumps({"users": users, "tokens": [
            {"token": driver.APP_TOKEN, "kind": "application", "roles": ["MailboxSettings.ReadWrite"]},
            # Every member serve reads is kept as is by an edit (unknown members are refused at load).
            {"token": "delegated-0", "kind": "delegated", "user": users[0]["id"], "scopes": ["User.Read"]}]}))


# ---------------------------------------------------------------------------------------------
def test_users(binary, workdir):
    path = os.path.join(workdir, "users.json")
    write_users(path, USERS)
    os.chmod(path, 0o640)  # it holds hashes and tokens: an edit must keep the operator's mode
    original = json.load(open(path))
    printed = []

    def users(args, stdin=b""):
        status, out, err = run(binary, ["users"] + args + ["--users", path], stdin)
        printed.append(out + err)
        return status, out, err

    status, out, _ = users(["list"])
    check(status == 0 and len(out.splitlines()) == 4, "list: %d %r" % (status, out))
    check(out.splitlines()[0] == "%s\tuser0@contoso.com\tUser 0\tumEnabled\t1 token" % USERS[0]["id"],
          "list row: %r" % out.splitlines()[0])

    status, out, err = users(["add", "--upn", "new@contoso.com", "--display-name", "New Person", "--um-enabled",
                              "--id", "11111111-2222-4333-8444-555555555555"], (NEW_PASSWORD + "\n").encode())
    check(status == 0 and "SIGHUP" in out, "add: %d %r %r" % (status, out, err))
    added = json.load(open(path))
    check(added["users"][:4] == original["users"] and added["tokens"] == original["tokens"],
          "add changed other entries")
    entry = added["users"][4]
    check(entry["userPrincipalName"] == "new@contoso.com" and entry["displayName"] == "New Person"
          and entry["umEnabled"] is True and entry["password"].startswith("pbkdf2-sha256$"), "added entry: %r" % entry)
    check(os.stat(path).st_mode & 0o777 == 0o640, "the users file lost its mode: %o" % os.stat(path).st_mode)

    before = open(path, "rb").read()
    for args, stdin, what in [
            (["add", "--upn", "NEW@contoso.com"], b"other-pw\n", "duplicate UPN"),
            (["add", "--upn", "x@contoso.com", "--id", USERS[1]["id"]], b"other-pw\n", "duplicate id"),
            (["add", "--upn", "y@contoso.com"], b"\n", "empty password"),
            (["add", "--upn", "z@contoso.com"], b"", "no password"),
            (["passwd", "--upn", "nobody@contoso.com"], b"pw\n", "unknown user"),
            (["remove", "--id", "no-such-id"], b"", "unknown id")]:
        status, out, err = users(args, stdin)
        check(status == 1 and err.startswith("oofgate users: "), "%s: %d %r %r" % (what, status, out, err))
        check(open(path, "rb").read() == before, "%s changed the file" % what)
    status, _, err = users(["frobnicate"])
    check(status == 2 and "usage" in err, "unknown verb: %d %r" % (status, err))
    status, _, err = users(["add", "--upn", "a@b", "--bogus"])
    check(status == 2 and "--bogus" in err, "unknown flag: %d %r" % (status, err))

    # The new user, and user 1 with a changed password, sign in on a gateway started afterwards.
    status, out, _ = users(["passwd", "--upn", USERS[1]["userPrincipalName"]], (NEW_PASSWORD + "\r\n").encode())
    check(status == 0 and "SIGHUP" in out, "passwd: %d %r" % (status, out))
    gateway = driver.Gateway(binary, workdir, ["--data-dir", os.path.join(workdir, "users-data")], path)
    try:
        client = driver.Client(gateway.port)
        probe = '<GetUMProperties xmlns="%s"/>' % MESSAGES_NS
        check(um(client, "new@contoso.com", NEW_PASSWORD, probe)[0] == 200, "new user cannot sign in")
        check(um(client, "new@contoso.com", "wrong", probe)[0] == 401, "new user signs in with a wrong password")
        check(um(client, USERS[1]["userPrincipalName"], NEW_PASSWORD, probe)[0] == 200, "new password refused")
        check(um(client, USERS[1]["userPrincipalName"], USERS[1]["password"], probe)[0] == 401,
              "old password still accepted")
        client.close()
    finally:
        gateway.stop()

    # add then remove of the same user: the file means what it meant before.
    status, out, _ = users(["remove", "--upn", "new@contoso.com"])
    check(status == 0 and "removed user new@contoso.com" in out, "remove: %d %r" % (status, out))
    after = json.load(open(path))
    after["users"][1]["password"] = original["users"][1]["password"]
    check(after == original, "add + remove is not a round trip: %r" % after)
    # Removing a user removes its delegated tokens too (the file would be refused otherwise).
    status, out, _ = users(["remove", "--id", USERS[0]["id"]])
    check(status == 0 and "1 delegated token" in out, "remove with token: %d %r" % (status, out))
    check(all(t.get("user") != USERS[0]["id"] for t in json.load(open(path))["tokens"]), "token left behind")

    # Edits run at once all land: each waits for the one before (no lost read-modify-write).
    racers = [subprocess.Popen([binary, "users", "add", "--users", path, "--upn", "racer%d@contoso.com" % i],
                               stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
              for i in range(8)]
    for racer in racers:
        racer.stdin.write(b"Racer-Pa55\n")
        racer.stdin.close()
    for racer in racers:
        err = racer.stderr.read()
        racer.wait(120)
        check(racer.returncode == 0, "concurrent add: %d %r" % (racer.returncode, err))
    listed = run(binary, ["users", "list", "--users", path])[1]
    check(all("racer%d@contoso.com" % i in listed for i in range(8)), "a concurrent add was lost: %r" % listed)

    for text in printed:
        check(NEW_PASSWORD not in text and "other-pw" not in text, "a password was printed: %r" % text)
    check(NEW_PASSWORD.encode() not in open(path, "rb").read(), "plain password stored")
    leftovers = [name for name in os.listdir(workdir) if name.startswith(".users.json.")]
    check(not leftovers, "temporary files left: %r" % leftovers)


def test_terminal_prompt(binary, workdir):
    """On a terminal the password is asked twice with echo off; a mismatch changes nothing."""
    path = os.path.join(workdir, "tty-users.json")
    write_users(path, USERS)

    def add(upn, answers):
        pid, fd = pty.fork()
        if pid == 0:
            os.execv(binary, [binary, "users", "add", "--users", path, "--upn", upn])
        seen = b""
        deadline = time.monotonic() + 30
        pending = list(answers)
        while time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.2)
            if ready:
                try:
                    chunk = os.read(fd, 4096)
                except OSError:
                    break
                if not chunk:
                    break
                seen += chunk
                if pending and seen.endswith(b": "):
                    os.write(fd, pending.pop(0) + b"\n")
        finished, status = os.waitpid(pid, os.WNOHANG)
        while finished == 0 and time.monotonic() < deadline:
            time.sleep(0.05)
            finished, status = os.waitpid(pid, os.WNOHANG)
        if finished == 0:
            os.kill(pid, signal.SIGKILL)  # the child we forked, by pid
            os.waitpid(pid, 0)
            os.close(fd)
            raise AssertionError("users add on a terminal did not finish; it printed %r" % seen)
        os.close(fd)
        return os.waitstatus_to_exitcode(status), seen.decode("utf-8", "replace")

    before = open(path, "rb").read()
    status, seen = add("tty-mismatch@contoso.com", [b"First-Typed-1", b"Second-Typed-2"])
    check(status == 1 and "differ" in seen and open(path, "rb").read() == before, "mismatch: %d %r" % (status, seen))
    status, seen = add("tty@contoso.com", [b"Typed-Secret-9", b"Typed-Secret-9"])
    check(status == 0 and "New password for tty@contoso.com:" in seen and "Retype it:" in seen
          and "added user tty@contoso.com" in seen, "prompted add: %d %r" % (status, seen))
    check("Typed" not in seen and "First-Typed" not in seen, "the terminal echoed a password: %r" % seen)


# ---------------------------------------------------------------------------------------------
def populate(client):
    """Different settings in every mailbox, through both facades."""
    custom = {"@odata.type": "#microsoft.graph.customTimeZone", "bias": -60, "name": "Custom Zone",
              "standardOffset": {"time": "03:00:00", "dayOccurrence": 5, "dayOfWeek": "sunday", "month": 10,
                                 "year": 0},
              "daylightOffset": {"time": "02:00:00", "dayOccurrence": 5, "dayOfWeek": "sunday", "month": 3,
                                 "year": 0, "daylightBias": -60}}
    patches = [
        {"automaticRepliesSetting": {"status": "scheduled", "externalAudience": "contactsOnly",
                                     "scheduledStartDateTime": {"dateTime": "2036-03-20T18:00:00.1234567",
                                                                "timeZone": "Pacific Standard Time"},
                                     "scheduledEndDateTime": {"dateTime": "2036-03-28T18:00:00",
                                                              "timeZone": "Europe/Berlin"},
                                     "internalReplyMessage": "<p>Out \u00e9t\u00e9 \U0001F334</p>\r\n\u0001  ",
                                     "externalReplyMessage": "x" * 5000},
         "timeZone": "Tokyo Standard Time", "language": {"locale": "fr-FR"}},
        {"workingHours": {"daysOfWeek": ["saturday", "monday"], "startTime": "06:30:00.5",
                          "endTime": "23:59:59.9999999", "timeZone": custom},
         "dateFormat": "dd.MM.yyyy", "timeFormat": "HH:mm", "delegateMeetingMessageDeliveryOptions": "sendToDelegateAndPrincipal"},
        {"automaticRepliesSetting": {"status": "alwaysEnabled", "internalReplyMessage": ""},
         "workingHours": {"timeZone": {"name": "America/Argentina/Buenos_Aires"}}},
        {"timeZone": "UTC"},
    ]
    for who, patch in zip(USERS, patches):
        status, body = client.patch_settings(who["id"], patch)
        check(status == 200, "PATCH %s: %d %s" % (who["id"], status, body))
    for who, operation in [(USERS[2], '<SetPlayOnPhoneDialString xmlns="%s"><dialString>+1 (555) 0100</dialString>'
                                      '</SetPlayOnPhoneDialString>' % MESSAGES_NS),
                           (USERS[3], '<SetMissedCallNotificationEnabled xmlns="%s"><status>false</status>'
                                      '</SetMissedCallNotificationEnabled>' % MESSAGES_NS),
                           (USERS[3], '<SetOofStatus xmlns="%s"><status>true</status></SetOofStatus>' % MESSAGES_NS)]:
        status, body = um(client, who["userPrincipalName"], who["password"], operation)
        check(status == 200, "UM write: %d %s" % (status, body))


def snapshot(binary, workdir, store_args, users_file):
    """Every mailbox's Graph GET and UM GetUMProperties bodies, from a gateway on that store."""
    gateway = driver.Gateway(binary, workdir, store_args, users_file)
    try:
        client = driver.Client(gateway.port)
        bodies = {}
        for who in USERS:
            status, graph = client.request("GET", "/v1.0/users/%s/mailboxSettings" % who["id"],
                                           {"Authorization": "Bearer " + driver.APP_TOKEN})
            um_status, properties = um(client, who["userPrincipalName"], who["password"],
                                       '<GetUMProperties xmlns="%s"/>' % MESSAGES_NS)
            check(status == 200 and um_status == 200, "GETs of %s: %d %d" % (who["id"], status, um_status))
            bodies[who["id"]] = (graph, properties)
        client.close()
        return bodies
    finally:
        gateway.stop()


def test_round_trip(binary, workdir, pg_url_file):
    users_file = os.path.join(workdir, "roundtrip-users.json")
    write_users(users_file, USERS)
    source = os.path.join(workdir, "source")
    gateway = driver.Gateway(binary, workdir, ["--data-dir", source], users_file)
    try:
        populate(driver.Client(gateway.port))
        # Refused while the gateway holds the directory, even with --replace; nothing changes.
        status, exported, _ = run(binary, ["export", "--data-dir", source])
        check(status == 0, "export of a running gateway's store failed")
        for extra in [[], ["--replace"]]:
            status, _, err = run(binary, ["import", "--data-dir", source] + extra, exported.encode())
            check(status == 1 and "another oofgate process (PID %d)" % gateway.process.pid in err
                  and "nothing was imported" in err, "import into a held data dir: %d %r" % (status, err))
    finally:
        gateway.stop()
    expected = snapshot(binary, workdir, ["--data-dir", source], users_file)

    status, from_sqlite, err = run(binary, ["export", "--data-dir", source])
    check(status == 0 and from_sqlite == exported, "export after stop differs: %r" % err)
    document = json.loads(from_sqlite)
    check(document["format"] == "oofgate-export" and document["version"] == 1
          and len(document["mailboxes"]) == len(USERS), "export document: %r" % document.keys())

    schema = driver.PostgresSchema(pg_url_file, "admin_import")
    schema_back = driver.PostgresSchema(pg_url_file, "admin_replace")
    try:
        status, _, err = run(binary, ["import", "--store", schema.url], from_sqlite.encode())
        check(status == 0, "import into PostgreSQL: %r" % err)
        pg_dir = os.path.join(workdir, "pg-outbox")
        check(snapshot(binary, workdir, ["--store", schema.url, "--data-dir", pg_dir], users_file) == expected,
              "SQLite -> PostgreSQL: GETs differ")
        status, from_postgres, err = run(binary, ["export", "--store", schema.url])
        check(status == 0 and from_postgres == from_sqlite, "PostgreSQL export differs: %r" % err)
        # A non-empty PostgreSQL store is refused without --replace; with it, it is replaced.
        status, _, err = run(binary, ["import", "--store", schema.url], from_sqlite.encode())
        check(status == 1 and "--replace" in err, "second import: %d %r" % (status, err))
        partial = dict(document, mailboxes=document["mailboxes"][:1])
        status, _, err = run(binary, ["import", "--store", schema.url, "--replace"], json.dumps(partial).encode())
        check(status == 0, "import --replace: %r" % err)
        check(len(json.loads(run(binary, ["export", "--store", schema.url])[1])["mailboxes"]) == 1,
              "--replace kept mailboxes the import does not have")
        malformed_import_changes_nothing(binary, ["--store", schema_back.url], from_sqlite)

        target = os.path.join(workdir, "target")
        status, _, err = run(binary, ["import", "--data-dir", target], from_postgres.encode())
        check(status == 0, "import into SQLite: %r" % err)
        check(snapshot(binary, workdir, ["--data-dir", target], users_file) == expected,
              "PostgreSQL -> SQLite: GETs differ")
        malformed_import_changes_nothing(binary, ["--data-dir", os.path.join(workdir, "malformed")], from_sqlite)
    finally:
        schema.drop()
        schema_back.drop()


def malformed_import_changes_nothing(binary, store, good):
    status, _, err = run(binary, ["import"] + store, good.encode())
    check(status == 0, "import: %r" % err)
    status, before, _ = run(binary, ["export"] + store)
    document = json.loads(good)

    def bad(path_and_value):
        copy = json.loads(good)
        node = copy
        *parents, last = path_and_value[0]
        for key in parents:
            node = node[key]
        node[last] = path_and_value[1]
        return json.dumps(copy)

    cases = [
        ("{", "not valid JSON"),
        (json.dumps(dict(document, version=2)), "/version"),
        (bad((["mailboxes", 2, "settings", "workingHours", "startTime"], "8 o'clock")),
         "/mailboxes/2/settings/workingHours/startTime"),
        (bad((["mailboxes", 1, "settings", "timeZone"], "Mars/Olympus_Mons")), "/mailboxes/1/settings: "),
        (bad((["mailboxes", 3, "settings", "automaticReplies", "status"], "sometimes")),
         "/mailboxes/3/settings/automaticReplies/status"),
        (bad((["mailboxes", 1, "settings", "workingHours", "endTime"], "00:00:00")), "/mailboxes/1/settings: "),
        (bad((["mailboxes", 2, "id"], document["mailboxes"][0]["id"])), "/mailboxes/2/id"),
        (bad((["mailboxes", 0, "version"], 0)), "/mailboxes/0/version"),
        (bad((["mailboxes", 0, "settings", "um"], "none")), "/mailboxes/0/settings/um"),
    ]
    for replace in [[], ["--replace"]]:
        for text, pointer in cases:
            status, _, err = run(binary, ["import"] + store + replace, text.encode())
            check(status == 1 and pointer in err and "nothing was imported" in err,
                  "malformed import (%s): %d %r" % (pointer, status, err))
    status, after, _ = run(binary, ["export"] + store)
    check(after == before, "a refused import changed the store")


# ---------------------------------------------------------------------------------------------
def test_export_while_writing(binary, workdir, name, serve_args, store_args):
    """Exports taken while a gateway commits writes are each a complete, importable document
    whose mailbox versions only grow from one export to the next."""
    users_file = os.path.join(workdir, "busy-users.json")
    write_users(users_file, USERS)
    gateway = driver.Gateway(binary, workdir, serve_args, users_file)
    stop = threading.Event()
    writes = [0]

    def writer():
        client = driver.Client(gateway.port)
        while not stop.is_set():
            who = USERS[writes[0] % len(USERS)]
            status, _ = client.patch_settings(who["id"], {"automaticRepliesSetting": {
                "internalReplyMessage": "write %d" % writes[0]}})
            check(status == 200, "busy PATCH: %d" % status)
            writes[0] += 1
        client.close()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        last = {}
        for round_number in range(15):
            status, text, err = run(binary, ["export"] + store_args)
            check(status == 0, "export while writing: %r" % err)
            versions = {m["id"]: m["version"] for m in json.loads(text)["mailboxes"]}
            check(all(versions.get(k, 0) >= v for k, v in last.items()), "versions went back: %r" % versions)
            last = versions
            if round_number == 7:
                target = os.path.join(workdir, "busy-copy-" + name)
                check(run(binary, ["import", "--data-dir", target], text.encode())[0] == 0,
                      "a mid-run export does not import")
    finally:
        stop.set()
        thread.join()
        gateway.stop()
    check(writes[0] > 0 and sum(last.values()) > 0, "nothing was written while exporting")


def test_usage(binary):
    for command in [["users", "--help"], ["export", "--help"], ["import", "--help"]]:
        status, out, _ = run(binary, command)
        check(status == 0 and out.startswith("usage: oofgate"), "%s: %d %r" % (command, status, out))
    for command in [["export"], ["import"], ["export", "--data-dir"], ["import", "--data-dir", "x", "--force"],
                    ["users", "list"], ["users", "remove", "--users", "f", "--upn", "a", "--id", "b"]]:
        status, _, err = run(binary, command)
        check(status == 2 and "usage: oofgate" in err, "%s: %d %r" % (command, status, err))
    status, _, err = run(binary, ["export", "--data-dir", "/nonexistent/oofgate"])
    check(status == 1 and "no store at /nonexistent/oofgate/oofgate.sqlite3" in err, "export of nothing: %r" % err)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--pg-url-file", required=True)
    args = parser.parse_args()
    workdir = driver.scratch_dir("oofgate-admin-")
    test_usage(args.binary)
    test_users(args.binary, workdir)
    test_terminal_prompt(args.binary, workdir)
    test_round_trip(args.binary, workdir, args.pg_url_file)
    busy = os.path.join(workdir, "busy")
    test_export_while_writing(args.binary, workdir, "sqlite", ["--data-dir", busy], ["--data-dir", busy])
    schema = driver.PostgresSchema(args.pg_url_file, "admin_busy")
    try:
        test_export_while_writing(args.binary, workdir, "postgres",
                                  ["--store", schema.url, "--data-dir", os.path.join(workdir, "busy-pg")],
                                  ["--store", schema.url])
    finally:
        schema.drop()
    print("admin e2e: all passed")


if __name__ == "__main__":
    driver.main(main)
