#!/usr/bin/python3
"""`sopctl notify --send` against a local WeCom robot stand-in.

Starts an HTTP server on 127.0.0.1 (a free port, in this process) that
records every request and answers by the URL's path: /ok success, /e93000
errcode 93000, /flaky HTTP 500 twice then success, /slow a reply slower than
--timeout once then success, /html a page that is not WeCom's JSON. Checks
the payloads byte for byte against the dry run, the digest count, retries,
exit codes, stderr, and the pacing of 20 messages a minute per robot (with
SOPCTL_FAKE_CLOCK=1 waits take no time and the summary says how long they
were). No request goes anywhere but 127.0.0.1.

Usage: test_notify_send.py SOPCTL
"""
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
import time

SOP = """version: 1
sop: day-camp
title: 训练营当日
timezone: Asia/Shanghai
tasks:
  - {id: read, title: 每日早读, type: retention, channel: group, owner: assistant, at: "08:00",
     days: "1..3", script: "早上好,今天是第{day}天,早读已发群文件~"}
  - {id: live, title: 晚间直播课, type: education, channel: live, owner: owner, at: "20:00",
     days: "1..3", duration: 60m, script: "今晚 8 点直播,提前 5 分钟进直播间"}
  - {id: tip, title: 答疑汇总, type: education, channel: private, owner: advisor, at: "21:30",
     days: "1..3", script: "把今天群里的问题整理成一条回复"}
"""

ROSTER = """version: 1
staff:
  - {id: wanzi, name: 小丸子, roles: [owner], wecom_userid: wanzi, mobile: "13800001111"}
  - {id: li, name: 李助教, roles: [assistant], wecom_userid: li}
  - {id: zhou, name: 周顾问, roles: [advisor]}
groups:
  - {id: A, name: 研讨所A群, sop: day-camp, open: 2026-12-03, owner: wanzi, assistants: [li, zhou]}
  - {id: B, name: 研讨所B群, sop: day-camp, open: 2026-12-02, owner: wanzi, assistants: [li, zhou]}
"""

NOW = "2026-12-03T07:00:00+08:00"


class Robot(http.server.BaseHTTPRequestHandler):
    requests = []
    counts = {}
    lock = threading.Lock()

    def log_message(self, *args):
        pass

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        with Robot.lock:
            Robot.requests.append((self.path, self.headers.get("Content-Type"), body))
            n = Robot.counts.get(self.path, 0) + 1
            Robot.counts[self.path] = n
        path = self.path.split("?")[0]
        if path == "/flaky" and n <= 2:
            return self.answer(500, b"busy")
        if path == "/slow" and n == 1:
            time.sleep(1.5)
        if path == "/e93000":
            return self.answer(200, b'{"errcode":93000,"errmsg":"invalid webhook url"}')
        if path == "/html":
            return self.answer(200, b"<html>bad gateway</html>")
        self.answer(200, b'{"errcode":0,"errmsg":"ok"}')

    def answer(self, status, body):
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up waiting (the /slow case)


failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


def main():
    sopctl = os.path.abspath(sys.argv[1])
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Robot)
    port = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{port}"
    env = dict(os.environ, SOPCTL_NOW=NOW, SOPCTL_FAKE_CLOCK="1")
    try:
        with tempfile.TemporaryDirectory(prefix="sopctl-notify-") as tmp:
            sop = os.path.join(tmp, "day.sop.yaml")
            roster = os.path.join(tmp, "roster.yaml")
            open(sop, "w", encoding="utf-8").write(SOP)
            open(roster, "w", encoding="utf-8").write(ROSTER)

            def run(*args):
                p = subprocess.run([sopctl, "notify", sop, "--roster", roster, *args], env=env,
                                   capture_output=True, timeout=60)
                return p.returncode, p.stdout.decode(), p.stderr.decode()

            def sent(path):
                return [r for r in Robot.requests if r[0] == path]

            rc, out, err = run()
            dry = [json.loads(line) for line in out.splitlines()]
            check(rc == 0 and len(dry) == 3, f"dry run: 3 digests, exit 0 (rc {rc}, {len(dry)})")
            check([d["staff"] for d in dry] == ["wanzi", "li", "zhou"], "staff in roster order")

            rc, out, err = run("--send", base + "/ok")
            got = sent("/ok")
            check(rc == 0 and len(got) == 3, f"--send URL: 3 posts, exit 0 (rc {rc}, {len(got)})")
            check(all(r[1] == "application/json" for r in got), "Content-Type application/json")
            check([r[2] for r in got] == [json.dumps(d["payload"], ensure_ascii=False,
                                                    separators=(",", ":")).encode() for d in dry],
                  "posted payloads are the dry run's, byte for byte")
            check("sent 3 of 3 digests to 1 robot" in err, "summary on stderr: " + err.strip())
            check(out == "", "nothing on stdout when sending")

            rc, out, err = run("--send", base + "/e93000")
            check(rc == 2, f"errcode 93000: exit 2 (rc {rc})")
            check(len(sent("/e93000")) == 1, "stops at the first error")
            check("小丸子 (wanzi)" in err and "invalid webhook url" in err and "93000" in err,
                  "names the staff member and errmsg: " + err.strip().replace("\n", " | "))
            check("not sent: wanzi, li, zhou" in err and "sent 0 of 3" in err,
                  "says what was not sent")

            rc, out, err = run("--send", base + "/flaky")
            check(rc == 0 and len(sent("/flaky")) == 5,
                  f"HTTP 500 twice then success: retried, exit 0 (rc {rc}, {len(sent('/flaky'))} posts)")
            check("2 retries" in err and "waited 3s" in err, "retries and back-off said: " + err.strip())

            rc, out, err = run("--send", base + "/slow", "--timeout", "1s")
            check(rc == 0 and len(sent("/slow")) == 4,
                  f"a slow reply times out and is retried (rc {rc}, {len(sent('/slow'))} posts)")

            rc, out, err = run("--send", base + "/html")
            check(rc == 2 and "not WeCom's" in err, f"an answer that is not JSON: exit 2 (rc {rc})")

            # Each staff member's own robot; one without a robot stops before anything is sent.
            own = ROSTER.replace("mobile: \"13800001111\"}", f"mobile: \"13800001111\", robot: \"{base}/own?key=abcdef123456\"}}")
            open(roster, "w", encoding="utf-8").write(own)
            before = len(Robot.requests)
            rc, out, err = run("--send")
            check(rc == 2 and len(Robot.requests) == before and "has no robot" in err,
                  f"a staff member without robot: exit 2, nothing sent (rc {rc})")
            rc, out, err = run("--staff", "wanzi")
            line = json.loads(out.splitlines()[0])
            check(line["robot"] == f"{base}/own?key=********3456", "robot key masked: " + line["robot"])
            rc, out, err = run("--staff", "wanzi", "--send")
            check(rc == 0 and len(sent("/own?key=abcdef123456")) == 1, "--send to the staff member's robot")

            # 25 staff on one robot: 20 go at once, the 21st waits for the minute.
            many = "version: 1\nstaff:\n" + "".join(
                f"  - {{id: s{i}, name: 员工{i}, roles: [owner]}}\n" for i in range(25))
            many += "  - {id: adv, name: 顾问, roles: [assistant, advisor]}\n"
            many += "groups:\n" + "".join(
                f"  - {{id: G{i}, sop: day-camp, open: 2026-12-03, owner: s{i}, assistants: [adv]}}\n"
                for i in range(25))
            open(roster, "w", encoding="utf-8").write(many)
            rc, out, err = run("--send", base + "/paced", "--at", "19:30", "--within", "60m")
            check(rc == 0 and len(sent("/paced")) == 25, f"25 digests sent (rc {rc})")
            check("waited 60s" in err, "the 21st waited for the rate limit: " + err.strip())
    finally:
        server.shutdown()
        server.server_close()
    if failures:
        print(f"{len(failures)} failures")
        return 1
    print("notify: every check passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
