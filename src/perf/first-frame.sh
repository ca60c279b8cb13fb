#!/usr/bin/env bash
# Launch-to-first-frame of the TUI under tmux: starts `target/pryx` in a private tmux server
# and polls the pane every 5 ms until the footer (drawn last) is on screen. Prints each run in
# milliseconds and the median. Usage: src/perf/first-frame.sh [runs] [launcher] [extra env...]
# The vault passphrase is given through a file, so it never appears in argv.
set -euo pipefail
runs=${1:-20}
launcher=${2:-target/pryx}
shift $(( $# > 2 ? 2 : $# )) || true
work=$(mktemp -d)
trap 'tmux -L pryxperf kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
printf 'set -g escape-time 0\nset -g remain-on-exit on\nset -g status off\n' > "$work/tmux.conf"
printf 'perf-passphrase-not-secret\n' > "$work/pass"
chmod 600 "$work/pass"
times=()
for i in $(seq 1 "$runs"); do
  home="$work/home"
  if [ "$i" -eq 1 ]; then rm -rf "$home"; fi
  tmux -L pryxperf kill-server 2>/dev/null || true
  start=$(date +%s%N)
  tmux -L pryxperf -f "$work/tmux.conf" new-session -d -x 120 -y 40 -s p \
    "env PRYX_HOME=$home PRYX_VAULT_PASSPHRASE_FILE=$work/pass TERM=xterm-256color $* $launcher"
  until tmux -L pryxperf capture-pane -p -t p 2>/dev/null | grep -q 'q quit'; do
    sleep 0.005
    if [ $(( ($(date +%s%N) - start) / 1000000 )) -gt 20000 ]; then echo "no frame after 20 s" >&2; exit 1; fi
  done
  end=$(date +%s%N)
  ms=$(( (end - start) / 1000000 ))
  times+=("$ms")
  echo "run $i: $ms ms"
  tmux -L pryxperf send-keys -t p q
  sleep 0.3
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "median %d ms, min %d ms, max %d ms over %d runs\n", a[int((NR+1)/2)], a[1], a[NR], NR}'
