#!/usr/bin/python3
"""A small SMTP server for the mail tests, on 127.0.0.1 only.

    smtp_server.py DIR [--starttls CERT KEY | --smtps CERT KEY] [--auth USER:PASSWORD]
                       [--lifetime SECONDS]

Listens on a port the system chooses and prints that port alone on the
first line of standard output once it accepts connections. Each message
received is saved as DIR/N.eml (the bytes of the DATA, dot-unstuffed) with
DIR/N.json (the envelope: mail_from, rcpt_tos); each EHLO or HELO appends a
line to DIR/sessions, so a test can tell that nobody connected at all.
The recipient refuse@example.org is refused with 550. With --auth, AUTH
PLAIN and LOGIN are offered (after STARTTLS only) and checked against
USER:PASSWORD; attempts go to DIR/auth.

Exits on SIGTERM or SIGINT, and after --lifetime seconds (default 60)
whatever happens, so that a test that dies never leaves it running.
Uses Debian's python3-aiosmtpd.
"""
import argparse
import asyncio
import json
import os
import signal
import ssl
import sys

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

REFUSED = "refuse@example.org"


class Saver:
    def __init__(self, directory):
        self.directory = directory
        self.count = 0

    def log(self, name, line):
        with open(os.path.join(self.directory, name), "a") as f:
            f.write(line + "\n")

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        self.log("sessions", "EHLO " + hostname)
        session.host_name = hostname
        return responses

    async def handle_HELO(self, server, session, envelope, hostname):
        self.log("sessions", "HELO " + hostname)
        session.host_name = hostname
        return "250 {}".format(server.hostname)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() == REFUSED:
            return "550 5.1.1 <{}>: no such user here".format(address)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        base = os.path.join(self.directory, str(self.count))
        content = envelope.original_content or envelope.content
        with open(base + ".eml.tmp", "wb") as f:
            f.write(content if isinstance(content, bytes) else content.encode())
        with open(base + ".json", "w") as f:
            json.dump({"mail_from": envelope.mail_from, "rcpt_tos": envelope.rcpt_tos,
                       "tls": server.transport.get_extra_info("ssl_object") is not None}, f)
        os.rename(base + ".eml.tmp", base + ".eml")
        return "250 Message accepted for delivery"


def make_authenticator(saver, user, password):
    def check(server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword) and auth_data.login == user.encode()
              and auth_data.password == password.encode())
        saver.log("auth", "{} {}".format(mechanism, "ok" if ok else "refused"))
        return AuthResult(success=ok, handled=False)
    return check


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--starttls", nargs=2, metavar=("CERT", "KEY"))
    ap.add_argument("--smtps", nargs=2, metavar=("CERT", "KEY"))
    ap.add_argument("--auth", metavar="USER:PASSWORD")
    ap.add_argument("--lifetime", type=float, default=60.0)
    args = ap.parse_args()

    saver = Saver(args.dir)
    pair = args.starttls or args.smtps
    context = None
    if pair:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(*pair)
    kwargs = {"hostname": "localhost", "enable_SMTPUTF8": False,
              "data_size_limit": 64 * 1024 * 1024}
    if args.starttls:
        kwargs["tls_context"] = context
    if args.auth:
        user, password = args.auth.split(":", 1)
        kwargs["authenticator"] = make_authenticator(saver, user, password)
        kwargs["auth_require_tls"] = True
    else:
        kwargs["auth_require_tls"] = False

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    server = loop.run_until_complete(loop.create_server(
        lambda: SMTP(saver, loop=loop, **kwargs), host="127.0.0.1", port=0,
        ssl=context if args.smtps else None))
    print(server.sockets[0].getsockname()[1], flush=True)
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, loop.stop)
    loop.call_later(args.lifetime, loop.stop)
    try:
        loop.run_forever()
    finally:
        server.close()
        loop.run_until_complete(server.wait_closed())
        loop.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
