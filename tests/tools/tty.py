#!/usr/bin/env python3
"""tty.py — drive a program on a pseudo-terminal and print what its screen shows.

The golden cases of the interactive mode (tests/cases/repl/) and of the
shell completions run their program inside tmux, which gives it a real
terminal of a fixed size and keeps a screen we can read back. The script
comes on standard input, one directive a line:

    wait TEXT       wait until the screen shows TEXT somewhere
    prompt TEXT     wait until the text before the cursor, on the cursor's
                    line, is exactly TEXT (trailing spaces count) and
                    nothing follows it: the program is waiting for input
                    at that prompt
    type TEXT       type TEXT as it is (no key names)
    key KEY ...     press keys, by tmux name: Enter Tab C-c C-d Up BSpace ...
    paste TEXT      paste TEXT as the terminal would, bracketed if the
                    program asked for it; "\\n" in TEXT is a newline
    rawpaste TEXT   the same, never bracketed (a terminal without it)
    sh COMMAND      run COMMAND with sh and wait for it to end: what
                    another process does meanwhile (its output is dropped)
    screen          print the screen: trailing blanks of each line and
                    blank lines at the end dropped
    exit            wait for the program to end; tty.py exits with its status
                    (a screen after it shows what the program left)

A wait is over only when the screen also differs from what it was just
before the last keys were sent, so the prompt that was showing before
them cannot pass for the one they lead to.

Every wait gives up after $TTY_TIMEOUT seconds (default 10): it prints the
screen, says what it waited for on stderr and exits with 124, so the case
fails with the screen it got. Nothing here sleeps to let the program catch
up: each step waits for the text that proves the program got there.

Usage: tty.py [-s COLSxROWS] [-e NAME=VALUE ...] -- COMMAND [ARG ...]

The program runs with this process's environment, TERM=screen, and HOME
set to a new empty directory (unless -e HOME=... is given), so a user's
history or shell start-up files never leak into a case.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time


class Tmux:
    def __init__(self, socket):
        self.socket = socket

    def run(self, *args, check=True):
        return subprocess.run(["tmux", "-S", self.socket, *args], check=check,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def screen_lines(self):
        # When the program has ended, tmux's line about it (remain-on-exit)
        # scrolled the screen up by one: take that line back from the history.
        dead = self.run("display-message", "-p", "-t", "t", "#{pane_dead}").stdout.strip() == "1"
        out = self.run("capture-pane", "-p", "-t", "t", *(["-S", "-1"] if dead else [])).stdout
        return out.split("\n")[:-1] if out.endswith("\n") else out.split("\n")

    def cursor(self):
        out = self.run("display-message", "-p", "-t", "t",
                       "#{cursor_x} #{cursor_y} #{pane_dead} #{pane_dead_status}").stdout.split()
        return int(out[0]), int(out[1]), out[2] == "1", out[3] if len(out) > 3 else ""


def render(lines):
    # tmux's own line about a program that ended (remain-on-exit) is not its screen
    lines = [l.rstrip() for l in lines if not l.startswith("Pane is dead")]
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines) + ("\n" if lines else "")


def main():
    args = sys.argv[1:]
    size = "80x24"
    env = dict(os.environ)
    while args and args[0] != "--":
        if args[0] == "-s":
            size = args[1]
            args = args[2:]
        elif args[0] == "-e":
            name, _, value = args[1].partition("=")
            env[name] = value
            args = args[2:]
        else:
            sys.exit("usage: tty.py [-s COLSxROWS] [-e NAME=VALUE ...] -- COMMAND [ARG ...]")
    if not args or len(args) < 2:
        sys.exit("usage: tty.py [-s COLSxROWS] [-e NAME=VALUE ...] -- COMMAND [ARG ...]")
    command = args[1:]
    cols, rows = size.split("x")
    timeout = float(os.environ.get("TTY_TIMEOUT", "10"))

    work = tempfile.mkdtemp(prefix="tty.")
    tmux = Tmux(os.path.join(work, "sock"))
    if "HOME" not in [a.partition("=")[0] for a in sys.argv[1:] if "=" in a]:
        home = os.path.join(work, "home")
        os.mkdir(home)
        env["HOME"] = home
    env["TERM"] = "screen"
    conf = os.path.join(work, "tmux.conf")
    with open(conf, "w") as f:
        f.write("set -g remain-on-exit on\nset -g status off\n"
                "set -g default-terminal screen\n")
    status = 0
    try:
        # The server is started with the environment the program should see.
        subprocess.run(["tmux", "-S", tmux.socket, "-f", conf, "new-session", "-d", "-s", "t",
                        "-x", cols, "-y", rows, "--", *command], check=True, env=env,
                        cwd=os.getcwd())
        status = play(tmux, sys.stdin.read().split("\n"), timeout)
    finally:
        subprocess.run(["tmux", "-S", tmux.socket, "kill-server"], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        shutil.rmtree(work, ignore_errors=True)
    sys.exit(status)


def state(tmux):
    x, y, dead, _ = tmux.cursor()
    return (tuple(tmux.screen_lines()), x, y, dead)


def play(tmux, script, timeout):
    status = 0
    # The screen as it was just before the last keys were sent: a wait is
    # over only once the screen differs from it, so that a prompt still
    # showing from before cannot pass for the one the keys lead to.
    before = None

    def changed():
        return before is None or state(tmux) != before

    for line in script:
        if not line.strip():
            continue
        verb, _, arg = line.partition(" ")
        if verb in ("type", "key", "paste", "rawpaste"):
            before = state(tmux)
        if verb == "wait":
            if not wait_for(tmux, timeout,
                            lambda: changed() and any(arg in l for l in tmux.screen_lines()),
                            "the text " + repr(arg)):
                return 124
        elif verb == "prompt":
            def at_prompt():
                x, y, dead, _ = tmux.cursor()
                lines = tmux.screen_lines()
                return (changed() and not dead and y < len(lines) and
                        lines[y][:x].ljust(x) == arg and not lines[y][x:].strip())
            if not wait_for(tmux, timeout, at_prompt, "the prompt " + repr(arg)):
                return 124
        elif verb == "type":
            tmux.run("send-keys", "-t", "t", "-l", "--", arg)
        elif verb == "key":
            tmux.run("send-keys", "-t", "t", *arg.split())
        elif verb in ("paste", "rawpaste"):
            text = arg.replace("\\n", "\n")
            tmux.run("set-buffer", "-b", "p", "--", text)
            # -r: newlines stay newlines (tmux would send CR otherwise)
            tmux.run("paste-buffer", "-r", "-d", "-b", "p", "-t", "t",
                     *(["-p"] if verb == "paste" else []))
        elif verb == "sh":
            subprocess.run(["sh", "-c", arg], stdout=subprocess.DEVNULL, check=False)
        elif verb == "screen":
            sys.stdout.write(render(tmux.screen_lines()))
            sys.stdout.flush()
        elif verb == "exit":
            if not wait_for(tmux, timeout, lambda: tmux.cursor()[2], "the program to end"):
                return 124
            status = int(tmux.cursor()[3] or 0)
        else:
            sys.exit("tty.py: unknown directive: " + line)
    return status


def wait_for(tmux, timeout, cond, what):
    end = time.monotonic() + timeout
    while True:
        if cond():
            return True
        if time.monotonic() > end:
            sys.stdout.write(render(tmux.screen_lines()))
            sys.stderr.write("tty.py: gave up waiting for %s\n" % what)
            return False
        time.sleep(0.02)


if __name__ == "__main__":
    main()
