#!/usr/bin/env python3
"""tests/e2e/raw.py - one raw HTTP request to the test server, byte for byte,
for the requests an HTTP client library will not send (two Content-Length
headers, broken chunked encoding, %00 in the path, no Content-Length).

    python3 tests/e2e/raw.py PORT REQUEST HEADERS BODY

Sends the file REQUEST as it is to 127.0.0.1:PORT, reads the answer until the
server closes the connection or its Content-Length is complete (at most 30
seconds), writes the status line and headers (without CRs) to HEADERS and the
body to BODY, and prints the status code (000 when there was no answer).
"""
import socket
import sys
import time


def main():
    port, req, hdrs, body = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
    with open(req, "rb") as f:
        data = f.read()
    deadline = time.monotonic() + 30
    got = b""
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=30)
        s.sendall(data)
        while time.monotonic() < deadline:
            s.settimeout(max(0.1, deadline - time.monotonic()))
            chunk = s.recv(65536)
            if not chunk:
                break
            got += chunk
            head, sep, rest = got.partition(b"\r\n\r\n")
            if sep:
                length = None
                for line in head.split(b"\r\n")[1:]:
                    k, _, v = line.partition(b":")
                    if k.strip().lower() == b"content-length":
                        length = int(v.strip())
                if length is not None and len(rest) >= length:
                    break
        s.close()
    except OSError:
        pass
    head, _, rest = got.partition(b"\r\n\r\n")
    with open(hdrs, "wb") as f:
        f.write(head.replace(b"\r", b"") + b"\n")
    with open(body, "wb") as f:
        f.write(rest)
    status = head.split(b" ")[1].decode("latin-1") if head.startswith(b"HTTP/") else "000"
    print(status)


if __name__ == "__main__":
    main()
