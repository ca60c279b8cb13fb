#!/usr/bin/env bash
# Whole-process time of `pryx provider status --check` over 10 providers whose servers each take
# 1 s to answer: sequential tests would need 10 s, concurrent ones about 1 s plus start-up.
# Starts 10 slow OpenAI-style servers on loopback (python3), configures 10 providers against them
# in a throw-away PRYX_HOME, then times the check. Usage: src/perf/status-check.sh [runs] [launcher]
set -euo pipefail
runs=${1:-5}
launcher=${2:-target/pryx}
work=$(mktemp -d)
server_pid=
trap '[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$work"' EXIT
cat > "$work/slow.py" <<'PY'
import http.server, socketserver, sys, threading, time
BODY = b'{"object":"list","data":[{"id":"m1","object":"model","created":0,"owned_by":"perf"}]}'
class Slow(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        time.sleep(1)
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(BODY)))
        self.end_headers()
        self.wfile.write(BODY)
    def log_message(self, *args):
        pass
class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
ports = []
for _ in range(10):
    s = Server(("127.0.0.1", 0), Slow)
    ports.append(s.server_address[1])
    threading.Thread(target=s.serve_forever, daemon=True).start()
print(" ".join(map(str, ports)), flush=True)
sys.stdin.read()
PY
mkfifo "$work/in"
python3 "$work/slow.py" < "$work/in" > "$work/ports" &
server_pid=$!
exec 3> "$work/in"
until [ -s "$work/ports" ]; do sleep 0.05; done
printf 'perf-passphrase-not-secret\n' > "$work/pass"
chmod 600 "$work/pass"
export PRYX_HOME="$work/home" PRYX_VAULT_PASSPHRASE_FILE="$work/pass"
i=0
for port in $(cat "$work/ports"); do
  "$launcher" provider add openai --as "slow-$i" --base-url "http://127.0.0.1:$port/v1" > /dev/null
  printf 'sk-perf-not-a-real-key-%s\n' "$i" | "$launcher" provider set-key "slow-$i" > /dev/null
  i=$((i + 1))
done
base=()
for r in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  "$launcher" provider status > /dev/null
  base+=($(( ($(date +%s%N) - start) / 1000000 )))
done
echo "status without --check (start-up, unlock, board), ms: ${base[*]}"
start=$(date +%s%N); "$launcher" provider test slow-0 > /dev/null; echo "one provider test, ms: $(( ($(date +%s%N) - start) / 1000000 ))"
times=()
for r in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  "$launcher" provider status --check > /dev/null
  times+=($(( ($(date +%s%N) - start) / 1000000 )))
done
echo "status --check, 10 providers x 1 s, ms: ${times[*]}"
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print "median ms: " a[int((NR+1)/2)]}'
