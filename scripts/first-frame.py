# Time from launching a command in a fresh tmux (80x24) until its screen shows TEXT, five times.
# usage: python3 scripts/first-frame.py "COMMAND" "TEXT"   (tmux must be installed)
import subprocess, time, sys
cmd, text = sys.argv[1], sys.argv[2]
t = lambda *a: subprocess.run(["tmux", "-L", sock] + list(a), capture_output=True, text=True)
best = []
for attempt in range(5):
    sock = "ff%d" % time.time_ns()
    start = time.perf_counter()
    t("new-session", "-d", "-x", "80", "-y", "24", cmd)
    seen = None
    while time.perf_counter() - start < 20:
        out = t("capture-pane", "-p").stdout
        if text in out:
            seen = time.perf_counter() - start
            break
        time.sleep(0.005)
    t("kill-server")
    best.append(seen)
print("first frame with %r: %s s (5 launches)" % (text, ", ".join("%.3f" % b if b else "timeout" for b in best)))
