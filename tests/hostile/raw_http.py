"""Raw HTTP/1.1 over a socket to 127.0.0.1: every byte sent is the caller's, and responses are
parsed here (status line, header fields, Content-Length or chunked body), so a test can see
exactly what oofgate wrote and whether it closed the connection."""

import socket
import time

LOOPBACK = "127.0.0.1"


class Response:
    def __init__(self, version, status, reason, headers, body):
        self.version = version
        self.status = status
        self.reason = reason
        self.headers = headers  # [(lower-case name, value)], in order
        self.body = body  # bytes

    def header(self, name):
        """The value of the first field called `name` (case-insensitive), or None."""
        name = name.lower()
        for key, value in self.headers:
            if key == name:
                return value
        return None

    def wants_close(self):
        connection = (self.header("connection") or "").lower()
        if "close" in connection:
            return True
        return self.version == "HTTP/1.0" and "keep-alive" not in connection

    def __repr__(self):
        return "%d %s %r" % (self.status, self.reason, self.body[:300])


class ProtocolError(Exception):
    """oofgate wrote something that is not an HTTP/1.1 response."""


class Connection:
    """One TCP connection; reads are bounded by a deadline, never by a blocking call."""

    def __init__(self, port, timeout=5.0):
        self.sock = socket.create_connection((LOOPBACK, port), timeout=timeout)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.timeout = timeout
        self.buffer = b""
        self.eof = False
        self.reset = False

    def send(self, data):
        """Sends everything; returns False when the peer has already closed (EPIPE/ECONNRESET)."""
        try:
            self.sock.sendall(data)
            return True
        except OSError:  # EPIPE, ECONNRESET, or closed by another thread of the test
            self.reset = True
            return False

    def _fill(self, deadline):
        if self.eof:
            return False
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError("no complete response in time")
        self.sock.settimeout(remaining)
        try:
            chunk = self.sock.recv(65536)
        except socket.timeout:
            raise TimeoutError("no complete response in time")
        except ConnectionResetError:
            self.reset = True
            self.eof = True
            return False
        if not chunk:
            self.eof = True
            return False
        self.buffer += chunk
        return True

    def _read_until(self, marker, deadline):
        while marker not in self.buffer:
            if not self._fill(deadline):
                return None
        index = self.buffer.index(marker) + len(marker)
        data, self.buffer = self.buffer[:index], self.buffer[index:]
        return data

    def _read_exactly(self, count, deadline):
        while len(self.buffer) < count:
            if not self._fill(deadline):
                raise ProtocolError("connection closed inside a body")
        data, self.buffer = self.buffer[:count], self.buffer[count:]
        return data

    def read_response(self, timeout=None, head_request=False):
        """The next response, or None when the connection closed cleanly before one began."""
        deadline = time.monotonic() + (timeout if timeout is not None else self.timeout)
        head = self._read_until(b"\r\n\r\n", deadline)
        if head is None:
            if self.buffer:
                raise ProtocolError("connection closed inside a response head: %r" % self.buffer[:200])
            return None
        lines = head[:-4].split(b"\r\n")
        parts = lines[0].decode("latin-1").split(" ", 2)
        if len(parts) < 2 or not parts[0].startswith("HTTP/1.") or not parts[1].isdigit():
            raise ProtocolError("bad status line %r" % lines[0])
        headers = []
        for line in lines[1:]:
            name, sep, value = line.decode("latin-1").partition(":")
            if not sep:
                raise ProtocolError("bad header line %r" % line)
            headers.append((name.strip().lower(), value.strip()))
        response = Response(parts[0], int(parts[1]), parts[2] if len(parts) > 2 else "", headers, b"")
        if head_request or response.status in (204, 304) or 100 <= response.status < 200:
            return response
        if (response.header("transfer-encoding") or "").lower() == "chunked":
            response.body = self._read_chunked(deadline)
        elif response.header("content-length") is not None:
            response.body = self._read_exactly(int(response.header("content-length")), deadline)
        else:
            while self._fill(deadline):
                pass
            response.body, self.buffer = self.buffer, b""
        return response

    def _read_chunked(self, deadline):
        body = b""
        while True:
            line = self._read_until(b"\r\n", deadline)
            if line is None:
                raise ProtocolError("connection closed inside a chunked body")
            size = int(line.split(b";")[0].strip(), 16)
            if size == 0:
                while self._read_until(b"\r\n", deadline) not in (b"\r\n", None):
                    pass
                return body
            body += self._read_exactly(size, deadline)
            self._read_exactly(2, deadline)

    def closed_by_peer(self, wait=1.0):
        """True when oofgate closes the connection within `wait` seconds with nothing more sent."""
        deadline = time.monotonic() + wait
        try:
            while not self.eof:
                self._fill(deadline)
        except TimeoutError:
            return False
        return not self.buffer

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass


def request_bytes(method, target, headers=(), body=b"", version="HTTP/1.1"):
    """A well-formed request: `headers` is a list of (name, value); Content-Length is added when
    a body is given and the headers do not frame it themselves."""
    if isinstance(body, str):
        body = body.encode("utf-8")
    lines = ["%s %s %s" % (method, target, version)]
    names = {name.lower() for name, _ in headers}
    for name, value in headers:
        lines.append("%s: %s" % (name, value))
    if body and "content-length" not in names and "transfer-encoding" not in names:
        lines.append("Content-Length: %d" % len(body))
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body
