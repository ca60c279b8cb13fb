#!/usr/bin/env bash
# Launch-to-first-frame of the TUI under tmux: starts `target/pryx` in a private tmux server
# and polls the pane every 5 ms until the footer (drawn last) is on screen. Prints each run in
# milliseconds and the median; then the same until the provider list is drawn (the vault
# unlocked with the passphrase from a file). Usage: src/perf/first-frame.sh [runs] [launcher]
# The vault passphrase is given through a file, so it never appears in argv.
set -euo pipefail
runs=${1:-20}
launcher=${2:-target/pryx}
shift $(( $# > 2 ? 2 : $# )) || true
work=$(mktemp -d)
trap 'for s in "$work"/sock-*; do [ -e "$s" ] && tmux -S "$s" kill-server 2>/dev/null; done; rm -rf "$work"' EXIT
printf 'set -g escape-time 0\nset -g remain-on-exit on\nset -g status off\n' > "$work/tmux.conf"
printf 'perf-passphrase-not-secret\n' > "$work/pass"
chmod 600 "$work/pass"
measure() {  # $1 = text that marks the frame
  local times=() i start end ms sock
  for i in $(seq 1 "$runs"); do
    # A fresh server each run: tmux takes about a second to exit after kill-server.
    sock="$work/sock-$1-$i"
    start=$(date +%s%N)
    tmux -S "$sock" -f "$work/tmux.conf" new-session -d -x 120 -y 40 -s p \
      "env PRYX_HOME=$work/home PRYX_VAULT_PASSPHRASE_FILE=$work/pass TERM=xterm-256color $launcher"
    until tmux -S "$sock" capture-pane -p -t p 2>/dev/null | grep -q "$1"; do
      sleep 0.005
      if [ $(( ($(date +%s%N) - start) / 1000000 )) -gt 20000 ]; then echo "no frame after 20 s" >&2; exit 1; fi
    done
    end=$(date +%s%N)
    ms=$(( (end - start) / 1000000 ))
    times+=("$ms")
    tmux -S "$sock" send-keys -t p q
    sleep 0.5
    tmux -S "$sock" kill-server 2>/dev/null || true
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v what="$1" '{a[NR]=$1} END {printf "until \"%s\": median %d ms, min %d ms, max %d ms over %d runs\n", what, a[int((NR+1)/2)], a[1], a[NR], NR}'
}
# The first run creates the vault; it is not counted.
runs_wanted=$runs; runs=1; measure 'q quit' > /dev/null; runs=$runs_wanted
measure 'q quit'
measure 'pryx · Providers'
