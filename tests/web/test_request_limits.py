"""Request bodies against a real uvicorn server over raw sockets: a body that lies about its length, chunked bodies
counted as they arrive, unauthenticated requests never read beyond a few kilobytes, and an upload's checks kept off
the event loop so other users are answered meanwhile."""

from __future__ import annotations

import select
import threading
import time

import httpx
import pytest
from web_helpers import make_web, raw_request, read_status, served

from arbitration.web.uploads import UploadLimits

BOUNDARY = "----arbitrationtestboundary"


def chunk(data: bytes) -> bytes:
    return b"%x\r\n%s\r\n" % (len(data), data)


def multipart(name: str, data: bytes) -> bytes:
    return (f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{name}\"\r\n"
            "Content-Type: text/plain\r\n\r\n").encode() + data + f"\r\n--{BOUNDARY}--\r\n".encode()


def send_until_answered(sock, pieces, limit_s: float = 20.0) -> tuple[int, int]:
    """Send the pieces one by one, a moment apart, until the server answers (or closes); (status, bytes sent by
    then). The pause keeps the kernel's socket buffers from swallowing megabytes before the server has read any."""
    sent, deadline = 0, time.monotonic() + limit_s
    for piece in pieces:
        readable, _, _ = select.select([sock], [], [], 0.005)
        if readable or time.monotonic() > deadline:
            break
        try:
            sock.sendall(piece)
        except OSError:  # the server closed the connection: its answer is already in our receive buffer
            break
        sent += len(piece)
    return read_status(sock), sent


def session_of(client) -> str:
    return f"arb_session={client.cookies['arb_session']}"


def test_body_with_both_chunked_and_length_is_refused(web):
    """Transfer-Encoding: chunked and Content-Length together: 400 before any of the body is read, and the server
    stops reading (it used to spool the whole chunked body of an unauthenticated POST /login to disk)."""
    with served(web.app) as address:
        sock = raw_request(address, "POST /login HTTP/1.1\nHost: t\nContent-Type: application/x-www-form-urlencoded\n"
                                    "Content-Length: 5\nTransfer-Encoding: chunked\n")
        assert read_status(sock) == 400
        total = 200 << 20
        sent = 0
        with pytest.raises(OSError):  # the connection is closed: the body is not drained
            piece = chunk(b"a" * (1 << 16))
            while sent < total:
                sock.sendall(piece)
                sent += len(piece)
        assert sent < total
        sock.close()


def test_unauthenticated_bodies_are_cut_at_a_few_kilobytes(web):
    with served(web.app) as address:
        # a declared 20 MB multipart upload without a session: refused at once, nothing parsed
        sock = raw_request(address, f"POST /cases HTTP/1.1\nHost: t\nContent-Type: multipart/form-data; "
                                    f"boundary={BOUNDARY}\nContent-Length: {20 << 20}\n",
                           multipart("a.txt", b"a" * (64 << 10))[: 64 << 10])
        assert read_status(sock) == 413
        sock.close()
        # the same as a chunked body (no length to refuse up front): cut off once a few kilobytes have arrived
        sock = raw_request(address, f"POST /login HTTP/1.1\nHost: t\nContent-Type: multipart/form-data; "
                                    f"boundary={BOUNDARY}\nTransfer-Encoding: chunked\n")
        body = multipart("a.txt", b"a" * (20 << 20))
        status, sent = send_until_answered(sock, (chunk(body[i:i + 4096]) for i in range(0, len(body), 4096)))
        assert status == 413 and sent < 1 << 20, (status, sent)
        sock.close()
        # a login form still fits
        assert httpx.get(f"http://{address[0]}:{address[1]}/login").status_code == 200


def test_chunked_upload_counted_against_the_cap(tmp_path, monkeypatch):
    """A chunked upload (no Content-Length) is accepted while under the cap and cut off with 413 as soon as the bytes
    that arrived pass it (it used to be refused outright with 411)."""
    web = make_web(tmp_path, monkeypatch, upload_limits=UploadLimits(max_request_bytes=1 << 20))
    web.app.state.workspace.start_extraction = lambda case_id, user=None: None  # storage only
    staff = web.login("staff")
    head = (f"POST /api/cases HTTP/1.1\nHost: t\nCookie: {session_of(staff)}\nX-CSRF-Token: {staff.csrf}\n"
            f"Content-Type: multipart/form-data; boundary={BOUNDARY}\nTransfer-Encoding: chunked\n")
    with served(web.app) as address:
        small = multipart("工资条.txt", "工资条：月工资八千元。\n".encode())
        sock = raw_request(address, head, chunk(small) + chunk(b""))
        assert read_status(sock) == 201
        sock.close()
        big = multipart("大文件.txt", "工资条：月工资八千元。\n".encode() * (1 << 20))  # about 33 MB
        sock = raw_request(address, head)
        status, sent = send_until_answered(sock, (chunk(big[i:i + (1 << 16)]) for i in range(0, len(big), 1 << 16)))
        assert status == 413 and sent < len(big) // 2, (status, sent, len(big))
        sock.close()
    assert len(web.store.query("SELECT id FROM cases")) == 1
    web.app.state.workspace.close()


def test_upload_checks_do_not_stall_other_requests(web, monkeypatch):
    """While an upload's files are being checked and stored (blocking work), another user's request is answered:
    the upload's checks are held inside the content sniffer until the other request has its answer."""
    from arbitration.web import uploads

    web.app.state.workspace.start_extraction = lambda case_id, user=None: None
    entered, release = threading.Event(), threading.Event()
    real_sniff = uploads.sniff

    def held_sniff(data: bytes):
        entered.set()
        release.wait(20)  # released as soon as the other request is answered; on a blocked loop it never is
        return real_sniff(data)

    monkeypatch.setattr(uploads, "sniff", held_sniff)
    staff, arb = web.login("staff"), web.login("arb")
    done: dict[str, float] = {}
    with served(web.app) as address:
        base = f"http://{address[0]}:{address[1]}"

        def upload() -> None:
            r = httpx.post(f"{base}/api/cases", files=[("files", ("申请书.txt", "仲裁申请书".encode(), "text/plain"))],
                           headers={"Cookie": session_of(staff), "X-CSRF-Token": staff.csrf}, timeout=90)
            done["upload"], done["upload_status"] = time.monotonic(), r.status_code

        thread = threading.Thread(target=upload)
        thread.start()
        assert entered.wait(20), "the upload never reached its checks"
        start = time.monotonic()
        other = httpx.get(f"{base}/api/me", headers={"Cookie": session_of(arb)}, timeout=60)
        done["other"] = time.monotonic()
        upload_still_running = thread.is_alive()
        release.set()
        thread.join(90)
    assert other.status_code == 200 and done["upload_status"] == 201
    assert upload_still_running and done["other"] < done["upload"], (
        f"the other request waited {done['other'] - start:.2f} s, until the upload was done")
