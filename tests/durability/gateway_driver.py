"""Drives real oofgate processes for the durability tests: start on port 0, talk Graph REST and
UM SOAP over loopback HTTP, kill -9. Only processes started here are ever signalled (by pid)."""

import base64
import http.client
import json
import os
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time

APP_TOKEN = "app-rw"
MESSAGES_NS = "http://schemas.microsoft.com/exchange/services/2006/messages"


def user(index):
    """The index-th test user: id, UPN and password."""
    return {
        "id": "00000000-0000-4000-8000-%012d" % index,
        "userPrincipalName": "user%d@contoso.com" % index,
        "displayName": "User %d" % index,
        "password": "User%d-Pa55" % index,
        "umEnabled": True,
    }


def users_json(count):
    return json.dumps({
        "users": [user(i) for i in range(count)],
        "tokens": [{"token": APP_TOKEN, "kind": "application", "roles": ["MailboxSettings.ReadWrite"]}],
    })


class Gateway:
    """One `oofgate serve` on 127.0.0.1:0 over the given store arguments."""

    def __init__(self, binary, workdir, store_args, users_file):
        self.log = open(os.path.join(workdir, "gateway-%d.log" % time.monotonic_ns()), "wb")
        if "--data-dir" not in store_args:  # serve requires one; with --store it holds the PIN outbox
            store_args = store_args + ["--data-dir", os.path.join(workdir, "data")]
        self.process = subprocess.Popen(
            [binary, "serve", "--listen", "127.0.0.1:0", "--users", users_file, "--threads", "2"] + store_args,
            stdout=subprocess.PIPE, stderr=self.log)
        self.scheme, self.port = self._wait_ready(60)

    def _wait_ready(self, seconds):
        deadline = time.monotonic() + seconds
        seen = b""
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.process.stdout], [], [], 0.5)
            if ready:
                chunk = os.read(self.process.stdout.fileno(), 4096)
                if not chunk:
                    break
                seen += chunk
                match = re.search(rb"oofgate listening on (https?)://127\.0\.0\.1:(\d+)\n", seen)
                if match:
                    return match.group(1).decode(), int(match.group(2))
        self.kill()
        raise RuntimeError("oofgate did not become ready; stdout: %r; see %s" % (seen, self.log.name))

    def kill(self):
        """SIGKILL: no chance to flush or finish anything."""
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait()
        self.process.stdout.close()
        self.log.close()

    def stop(self):
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                pass
        self.kill()


class Client:
    """One keep-alive connection to a gateway; reconnects after any failure."""

    def __init__(self, port, timeout=10):
        self.port = port
        self.timeout = timeout
        self.connection = None

    def request(self, method, path, headers, body=None):
        """(status, body text); raises OSError/HTTPException when no response arrived."""
        if self.connection is None:
            self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
        try:
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
            return response.status, response.read().decode("utf-8", "replace")
        except Exception:
            self.close()
            raise

    def close(self):
        if self.connection is not None:
            self.connection.close()
            self.connection = None

    # Graph
    def patch_settings(self, user_id, settings):
        return self.request("PATCH", "/v1.0/users/%s/mailboxSettings" % user_id,
                            {"Authorization": "Bearer " + APP_TOKEN, "Content-Type": "application/json"},
                            json.dumps(settings))

    def get_settings(self, user_id):
        status, body = self.request("GET", "/v1.0/users/%s/mailboxSettings" % user_id,
                                    {"Authorization": "Bearer " + APP_TOKEN})
        if status != 200:
            raise AssertionError("GET mailboxSettings of %s: %d %s" % (user_id, status, body))
        return json.loads(body)

    # UM web service, as the mailbox owner
    def _um(self, who, operation):
        envelope = ('<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>%s'
                    '</soap:Body></soap:Envelope>' % operation)
        credentials = base64.b64encode(("%s:%s" % (who["userPrincipalName"], who["password"])).encode()).decode()
        return self.request("POST", "/EWS/UM2007Legacy.asmx",
                            {"Authorization": "Basic " + credentials, "Content-Type": "text/xml; charset=utf-8"},
                            envelope.encode())

    def set_oof_status(self, who, enabled):
        return self._um(who, '<SetOofStatus xmlns="%s"><status>%s</status></SetOofStatus>'
                        % (MESSAGES_NS, "true" if enabled else "false"))

    def get_oof_status(self, who):
        status, body = self._um(who, '<GetUMProperties xmlns="%s"/>' % MESSAGES_NS)
        match = re.search(r"<(?:\w+:)?OofStatus>\s*(\w+)\s*</(?:\w+:)?OofStatus>", body)
        if status != 200 or not match:
            raise AssertionError("GetUMProperties of %s: %d %s" % (who["userPrincipalName"], status, body))
        return match.group(1) == "true"


def require_facades(gateway, who):
    """Fails the test unless the gateway answers a Graph PATCH and a UM SetOofStatus with 200:
    a durability run that wrote nothing would prove nothing."""
    client = Client(gateway.port)
    try:
        rest, body = client.patch_settings(who["id"], {"automaticRepliesSetting": {"internalReplyMessage": "probe"}})
        soap, fault = client.set_oof_status(who, False)
    except (OSError, http.client.HTTPException) as error:
        raise AssertionError("probe writes got no answer (%r); see %s" % (error, gateway.log.name))
    finally:
        client.close()
    if rest != 200 or soap != 200:
        raise AssertionError("probe writes failed: REST %d %s, SOAP %d %s" % (rest, body, soap, fault))


class PostgresSchema:
    """A fresh schema in the test cluster's database, so parallel tests never share tables."""

    def __init__(self, url_file, name):
        with open(url_file) as f:
            self.base = f.read().strip()
        self.name = "%s_%d" % (name, os.getpid())
        self._psql("DROP SCHEMA IF EXISTS %s CASCADE; CREATE SCHEMA %s;" % (self.name, self.name))
        separator = "&" if "?" in self.base else "?"
        self.url = "%s%soptions=-csearch_path%%3D%s" % (self.base, separator, self.name)

    def _psql(self, sql):
        quiet = dict(os.environ, PGOPTIONS="-c client_min_messages=warning")
        subprocess.run([shutil.which("psql") or "psql", "-q", "-v", "ON_ERROR_STOP=1", self.base, "-c", sql],
                       check=True, stdout=subprocess.DEVNULL, env=quiet)

    def drop(self):
        self._psql("DROP SCHEMA IF EXISTS %s CASCADE;" % self.name)


def scratch_dir(prefix):
    return tempfile.mkdtemp(prefix=prefix)


PG_CLUSTER = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                          "scripts", "pg-cluster")


def pg_cluster(command, directory):
    """scripts/pg-cluster start|suspend|resume|stop DIR."""
    subprocess.run([PG_CLUSTER, command, directory], check=True, stdout=subprocess.DEVNULL)


def cluster_with_users(prefix, count):
    """A scratch directory with a PostgreSQL cluster of its own (a test that suspends the database
    must not share one) and a users file of `count` users: (work, cluster, url, users_file).
    remove_cluster() stops and deletes both."""
    work = scratch_dir(prefix)
    os.chmod(work, 0o755)  # the cluster runs as an unprivileged user
    cluster = os.path.join(work, "pg")
    pg_cluster("start", cluster)
    try:
        with open(os.path.join(cluster, "url")) as f:
            url = f.read().strip()
        users_file = os.path.join(work, "users.json")
        with open(users_file, "w") as f:
            f.write(users_json(count))
    except OSError:
        remove_cluster(work, cluster)
        raise
    return work, cluster, url, users_file


def remove_cluster(work, cluster):
    pg_cluster("stop", cluster)
    shutil.rmtree(work, ignore_errors=True)


def main(run):
    """Runs `run()`; any failure exits non-zero (never a skip: CI must not pass what did not run)."""
    try:
        run()
    except AssertionError as failure:
        print("FAILED: %s" % failure)
        sys.exit(1)
