#!/usr/bin/env bash
# A room: one redis-server, N dashboard instances and nginx as the load balancer in front of them,
# all on loopback, each with its logs in a temporary folder; stops everything it started when it
# exits (Ctrl+C, TERM, or an error).
#
#   scripts/room.sh [--instances N] [--port P] [--state DIR] [--no-build] [--configuration C]
#
# Blazor Server needs sticky sessions: nginx hashes each request on the browser's bufferlab.owner
# cookie (set by the app on the first page), or on the request's id when there is none, over a
# consistent ring, so a browser stays on one instance and, if that instance dies, moves to the next
# live one (proxy_next_upstream). The instances share data-protection keys and the SignalR
# backplane through the Redis, so a page prerendered by one instance starts its circuit on another.
set -euo pipefail

usage() {
  cat <<'EOF'
usage: scripts/room.sh [--instances N] [--port P] [--state DIR] [--no-build] [--configuration C]
  --instances N      dashboard instances behind the balancer, 1 to 16 (default 2)
  --port P           the balancer's loopback port (default 5190)
  --state DIR        write instance-K.pid, instance-K.port, redis.pid, redis.port, nginx.pid and,
                     once everything answers, `ready` (holding the balancer's address) into DIR
  --no-build         run the Simulator.Web already built (bin/C/net10.0) instead of building it
  --configuration C  Release (default) or Debug
EOF
}

fail() { echo "room: $*" >&2; exit 1; }
missing() { echo "room: $1 is not installed; install it with: apt-get install -y $2" >&2; exit 2; }

instances=2
port=5190
state=""
build=1
configuration=Release
while [ $# -gt 0 ]; do
  case "$1" in
    --instances) [ $# -ge 2 ] || fail "--instances needs a number"; instances=$2; shift 2 ;;
    --port) [ $# -ge 2 ] || fail "--port needs a number"; port=$2; shift 2 ;;
    --state) [ $# -ge 2 ] || fail "--state needs a folder"; state=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    --configuration|-c) [ $# -ge 2 ] || fail "--configuration needs Release or Debug"; configuration=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; fail "unknown option '$1'" ;;
  esac
done
[[ "$instances" =~ ^[0-9]+$ ]] && [ "$instances" -ge 1 ] && [ "$instances" -le 16 ] ||
  fail "--instances is '$instances'; it must be a whole number from 1 to 16"
[[ "$port" =~ ^[0-9]+$ ]] && [ "$port" -ge 1024 ] && [ "$port" -le 65535 ] ||
  fail "--port is '$port'; it must be a port from 1024 to 65535"
case "$configuration" in Release|Debug) ;; *) fail "--configuration is '$configuration'; it must be Release or Debug" ;; esac

redis_server=$(command -v redis-server || true)
[ -n "$redis_server" ] || missing redis-server redis-server
nginx=$(command -v nginx || true)
[ -n "$nginx" ] || { [ -x /usr/sbin/nginx ] && nginx=/usr/sbin/nginx; } || missing nginx nginx
command -v dotnet >/dev/null 2>&1 || fail "the .NET SDK (dotnet) is not on PATH"

repo=$(cd "$(dirname "$0")/.." && pwd)
project="$repo/src/Simulator.Web"
dll="$project/bin/$configuration/net10.0/Simulator.Web.dll"

# Whether something accepts connections on loopback port $1 now.
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

listening "$port" && fail "port $port is taken; choose another with --port"
if [ -n "$state" ]; then
  mkdir -p "$state" || fail "cannot make the state folder $state"
  state=$(cd "$state" && pwd)
  rm -f "$state"/instance-*.pid "$state"/instance-*.port "$state"/redis.pid "$state"/redis.port "$state"/nginx.pid "$state"/ready
fi

if [ "$build" -eq 1 ]; then
  echo "room: building Simulator.Web ($configuration)"
  dotnet build "$project" -c "$configuration" -nologo -v quiet >/dev/null || fail "the build failed: run dotnet build $project -c $configuration to see why"
fi
[ -f "$dll" ] || fail "$dll is missing: build it (dotnet build src/Simulator.Web -c $configuration) or drop --no-build"

dir=$(mktemp -d "${TMPDIR:-/tmp}/bufferlab-room.XXXXXX")
chmod 755 "$dir" # nginx's workers (nobody, when started by root) keep their temp files in it
pids=()  # everything started, stopped in reverse order

stop() {
  local status=$?
  # A second Ctrl+C or TERM while stopping must not cut the stop short (each process below gets at most 10 s anyway).
  trap - EXIT
  trap '' INT TERM
  local i
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    kill -TERM "${pids[$i]}" 2>/dev/null || true
  done
  # Each gets 10 s to stop (an instance ends its sessions; nginx and redis are quick), then is killed.
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  [ -z "$state" ] || rm -f "$state"/instance-*.pid "$state"/instance-*.port "$state"/redis.pid "$state"/redis.port "$state"/nginx.pid "$state"/ready
  rm -rf "$dir"
  echo "room: stopped"
  exit "$status"
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

record() { [ -z "$state" ] || echo "$2" > "$state/$1"; }

# Redis: loopback only, nothing written to disk, on a port nobody listens on.
redis_port=""
for _ in $(seq 1 50); do
  candidate=$((20000 + RANDOM % 40000))
  listening "$candidate" || { redis_port=$candidate; break; }
done
[ -n "$redis_port" ] || fail "found no free port for redis-server"
"$redis_server" --port "$redis_port" --bind 127.0.0.1 --protected-mode yes --save "" --appendonly no \
  --dir "$dir" --logfile "$dir/redis.log" --daemonize no &
pids+=($!)
record redis.pid "$!"
record redis.port "$redis_port"
redis_pid=$!
for _ in $(seq 1 100); do listening "$redis_port" && break; kill -0 "$redis_pid" 2>/dev/null || break; sleep 0.1; done
listening "$redis_port" || { cat "$dir/redis.log" >&2 || true; fail "redis-server did not start on port $redis_port"; }
echo "redis: 127.0.0.1:$redis_port (pid $redis_pid, log $dir/redis.log)"

# The instances: each on a free loopback port of its own choosing, read back from the line it prints.
declare -a ports instance_pids
cd "$project" # the content root: wwwroot and node_modules
for k in $(seq 1 "$instances"); do
  BufferLab__Room__Redis="127.0.0.1:$redis_port" BufferLab__Room__Instance="$k" \
    dotnet "$dll" --urls "http://127.0.0.1:0" > "$dir/instance-$k.log" 2>&1 &
  pids+=($!)
  record "instance-$k.pid" "$!"
  instance_pids[$k]=$!
done
for k in $(seq 1 "$instances"); do
  pid=${instance_pids[$k]}
  address=""
  for _ in $(seq 1 900); do
    address=$(sed -n 's/^Buffer Lab dashboard: \(http:\/\/127\.0\.0\.1:[0-9]*\).*/\1/p' "$dir/instance-$k.log" | head -n 1)
    [ -n "$address" ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  [ -n "$address" ] || { tail -n 40 "$dir/instance-$k.log" >&2 || true; fail "instance $k printed no address within 90 s"; }
  ports[$k]=${address##*:}
  record "instance-$k.port" "${ports[$k]}"
  echo "instance $k: $address (pid $pid, log $dir/instance-$k.log)"
done

# nginx, from its own prefix: config, pid, logs and temp files in the temporary folder.
{
  echo "worker_processes 1;"
  echo "worker_rlimit_nofile 8192;"
  echo "daemon off;"
  echo "pid $dir/nginx.pid;"
  echo "error_log $dir/nginx-error.log warn;"
  echo "events { worker_connections 4096; }"
  echo "http {"
  echo "  access_log $dir/nginx-access.log;"
  for t in client_body proxy fastcgi uwsgi scgi; do echo "  ${t}_temp_path $dir/$t;"; done
  echo "  # The sticky key: the browser's owner cookie (its name has a dot, so no \$cookie_ variable), else this request's id."
  echo "  map \$http_cookie \$bufferlab_sticky {"
  echo "    default \$request_id;"
  echo "    \"~(?:^|;)\\s*bufferlab\\.owner=(?<owner>[A-Za-z0-9_-]+)\" \$owner;"
  echo "  }"
  echo "  map \$http_upgrade \$connection_upgrade { default upgrade; '' close; }"
  echo "  upstream dashboards {"
  echo "    hash \$bufferlab_sticky consistent;"
  for k in $(seq 1 "$instances"); do
    echo "    server 127.0.0.1:${ports[$k]} max_fails=1 fail_timeout=5s;"
  done
  echo "  }"
  echo "  server {"
  echo "    listen 127.0.0.1:$port;"
  echo "    location / {"
  echo "      proxy_pass http://dashboards;"
  echo "      proxy_http_version 1.1;"
  echo "      proxy_set_header Upgrade \$http_upgrade;"
  echo "      proxy_set_header Connection \$connection_upgrade;"
  echo "      proxy_set_header Host \$http_host; # with the port: the app builds absolute links (redirects, the follow link) from it"
  echo "      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;"
  echo "      proxy_set_header X-Forwarded-Proto \$scheme;"
  echo "      # A dead instance's browsers go to the next live one on the ring."
  echo "      proxy_next_upstream error timeout;"
  echo "      proxy_connect_timeout 2s;"
  echo "      # Circuits and hub streams are long-lived WebSockets; frames go out as they come."
  echo "      proxy_read_timeout 1h;"
  echo "      proxy_send_timeout 1h;"
  echo "      proxy_buffering off;"
  echo "    }"
  echo "  }"
  echo "}"
} > "$dir/nginx.conf"
"$nginx" -t -q -p "$dir" -c "$dir/nginx.conf" -e "$dir/nginx-error.log" || fail "nginx refused its configuration ($dir/nginx.conf)"
"$nginx" -p "$dir" -c "$dir/nginx.conf" -e "$dir/nginx-error.log" &
nginx_pid=$!
pids+=($nginx_pid)
record nginx.pid "$nginx_pid"
for _ in $(seq 1 100); do listening "$port" && break; kill -0 "$nginx_pid" 2>/dev/null || break; sleep 0.1; done
listening "$port" || { cat "$dir/nginx-error.log" >&2 || true; fail "nginx did not start on port $port"; }
echo "nginx: 127.0.0.1:$port (pid $nginx_pid, config $dir/nginx.conf)"

record ready "http://127.0.0.1:$port"
echo "room ready: http://127.0.0.1:$port"

# Runs until stopped; an instance may die (its browsers move on), but without the balancer there is no room.
set +e
wait "$nginx_pid"
echo "room: nginx exited" >&2
exit 1
