#!/usr/bin/env bash
# Installs, starts and stops the real LRS used by the xAPI tests (Learning Locker's
# xapi-statements 5.0.1 on Node, in-memory). See docs/xapi.md, "Tests and the real LRS".
#   lrs.sh install DIR          install once into DIR (skipped when present)
#   lrs.sh start DIR PORT       start on 127.0.0.1:PORT, wait until it listens, print its PID
#   lrs.sh stop PID             stop that process (by PID only)
set -euo pipefail
cmd=${1:-}
case "$cmd" in
  install)
    dir=$2
    mkdir -p "$dir"
    exec 9>"$dir/.install.lock"
    flock 9  # parallel test processes install once
    if [ -f "$dir/node_modules/xapi-statements/dist/index.js" ]; then exit 0; fi
    if ! command -v npm >/dev/null || ! command -v node >/dev/null; then
      echo "lrs.sh: node and npm are needed for the real-LRS tests (apt install nodejs npm)" >&2
      exit 2
    fi
    cd "$dir"
    [ -f package.json ] || npm init -y >/dev/null
    if ! timeout 240 npm install --no-audit --no-fund --fetch-retries=1 \
        --fetch-timeout=60000 xapi-statements@5.0.1 >install.log 2>&1; then
      echo "lrs.sh: 'npm install xapi-statements@5.0.1' failed in $dir (no network to the npm" \
           "registry?); see $dir/install.log" >&2
      tail -5 install.log >&2 || true
      exit 2
    fi
    ;;
  start)
    dir=$2 port=$3
    run="$dir/run-$port"
    mkdir -p "$run/storage" "$run/logs"
    EXPRESS_PORT=$port AUTH_REPO=test EVENTS_REPO=test MODELS_REPO=memory STORAGE_REPO=local \
      FS_LOCAL_STORAGE_DIR="$run/storage" EXPRESS_MORGAN_DIRECTORY="$run/logs" \
      nohup node "$dir/node_modules/xapi-statements/dist/index.js" >"$run/stdout.log" 2>&1 &
    pid=$!
    for _ in $(seq 1 300); do
      if grep -q "Listening on port" "$run/stdout.log" 2>/dev/null; then echo "$pid"; exit 0; fi
      if ! kill -0 "$pid" 2>/dev/null; then break; fi
      sleep 0.1
    done
    echo "lrs.sh: the LRS did not start on port $port; see $run/stdout.log" >&2
    kill "$pid" 2>/dev/null || true
    exit 2
    ;;
  stop)
    kill "$2" 2>/dev/null || true
    ;;
  *)
    echo "usage: lrs.sh install DIR | start DIR PORT | stop PID" >&2
    exit 2
    ;;
esac
