"""An SMTP server for tests that refuses mail with a chosen reply, then (optionally) accepts it.

Run with Debian's aiosmtpd, this folder on PYTHONPATH:

    python3 -m aiosmtpd -n -l 127.0.0.1:PORT -c replying_smtpd.ReplyingMailbox MAILDIR

Configured by environment variables:

    SMTP_REPLY           the reply that refuses, e.g. "451 4.3.0 Try again later"; empty: accept everything
    SMTP_REPLY_TIMES     refuse the first N transactions, then accept; 0 or unset: refuse every one
    SMTP_REPLY_AT        "data" (default): refuse the message after DATA; "rcpt": refuse recipients at RCPT TO
    SMTP_REPLY_MATCHING  with "rcpt": refuse only the recipients whose address contains this text
    SMTP_DATA_DELAY      seconds to wait before answering the end of each message (a slow server); the
                         Message-ID of each message it is holding is written to MAILDIR/receiving.log first

Accepted messages go into the Maildir as aiosmtpd.handlers.Mailbox writes them. Each refusal is one line
in MAILDIR/refusals.log: the reply, the Message-ID (or "-" when refused before DATA) and the recipient(s),
separated by tabs.
"""

import asyncio
import os
from email.parser import BytesHeaderParser

from aiosmtpd.handlers import Mailbox


class ReplyingMailbox(Mailbox):
    def __init__(self, mail_dir):
        super().__init__(mail_dir)
        self.reply = os.environ.get("SMTP_REPLY", "").strip()
        self.times = int(os.environ.get("SMTP_REPLY_TIMES", "0") or "0")
        self.at = (os.environ.get("SMTP_REPLY_AT", "data") or "data").strip().lower()
        self.matching = os.environ.get("SMTP_REPLY_MATCHING", "").strip().lower()
        self.delay = float(os.environ.get("SMTP_DATA_DELAY", "0") or "0")
        self.transactions_refused = 0
        self.log_path = os.path.join(mail_dir, "refusals.log")

    def _log(self, message_id, recipients):
        with open(self.log_path, "a", encoding="utf-8") as log:
            log.write(f"{self.reply}\t{message_id}\t{recipients}\n")
            log.flush()

    @staticmethod
    def _message_id(envelope):
        content = envelope.original_content or envelope.content
        if isinstance(content, str):
            content = content.encode("utf-8", "surrogateescape")
        return str(BytesHeaderParser().parsebytes(content).get("Message-ID", "-")).strip()

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        # Whether this transaction is refused is decided once, when it starts.
        refuse = bool(self.reply) and (self.times <= 0 or self.transactions_refused < self.times)
        if refuse:
            self.transactions_refused += 1
        envelope.refuse = refuse
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if (
            getattr(envelope, "refuse", False)
            and self.at == "rcpt"
            and (not self.matching or self.matching in address.lower())
        ):
            self._log("-", address)
            return self.reply
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(rcpt_options)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.delay > 0:
            with open(os.path.join(self.mail_dir, "receiving.log"), "a", encoding="utf-8") as log:
                log.write(self._message_id(envelope) + "\n")
            await asyncio.sleep(self.delay)
        if getattr(envelope, "refuse", False) and self.at == "data":
            self._log(self._message_id(envelope), ", ".join(envelope.rcpt_tos))
            return self.reply
        return await super().handle_DATA(server, session, envelope)

    @classmethod
    def from_cli(cls, parser, *args):
        if len(args) != 1:
            parser.error("The directory for the maildir is required")
        return cls(args[0])
