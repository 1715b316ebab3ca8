# Gluster pieces that scripts/test and scripts/testbed share: start glusterd, add the brick-host
# alias, wait for a volume's bricks. Sourced; the caller sets GLUSTER_STATE (glusterd's log goes
# there) and defines say/die. Every wait is bounded.

# glusterd refuses a brick named 127.0.0.1/localhost; an alias of loopback of our own is accepted
# and keeps all traffic on this machine.
GLUSTER_BRICK_HOST=glio-gluster-1

gluster_cli() { gluster --mode=script "$@"; }

# Starts glusterd (it daemonizes itself; no systemd here) unless one answers, and makes sure
# /etc/hosts maps the brick-host alias to loopback. Root only.
gluster_start_glusterd() {
  mkdir -p "$GLUSTER_STATE"
  if ! gluster_cli pool list >/dev/null 2>&1; then
    say "starting glusterd"
    glusterd -l "$GLUSTER_STATE/glusterd.log"
    local i
    for i in $(seq 1 100); do gluster_cli pool list >/dev/null 2>&1 && break; sleep 0.2; done
    gluster_cli pool list >/dev/null 2>&1 || die "glusterd did not answer (log: $GLUSTER_STATE/glusterd.log)"
  fi
  grep -Eq "^127\.0\.0\.1[[:space:]].*\b$GLUSTER_BRICK_HOST\b" /etc/hosts ||
    printf '\n127.0.0.1 %s\n' "$GLUSTER_BRICK_HOST" >>/etc/hosts
}

gluster_volume_started() { # VOLUME
  gluster_cli volume info "$1" 2>/dev/null | grep -q '^Status: Started'
}

# How many of VOLUME's bricks are online (a brick's node has a path; the self-heal daemon's has none).
gluster_bricks_online() { # VOLUME
  gluster_cli volume status "$1" --xml 2>/dev/null |
    awk -F'[<>]' '$2 == "path" { brick = ($3 ~ /^\//) } $2 == "status" && brick && $3 == 1 { n++ } END { print n + 0 }'
}

# Starts VOLUME if it is not, then waits until every brick is online: the brick processes lag
# behind "Started", and gfapi clients cannot mount before.
gluster_start_volume() { # VOLUME
  local volume=$1 i xml bricks
  gluster_volume_started "$volume" || gluster_cli volume start "$volume" force >/dev/null
  bricks=$(gluster_cli volume info "$volume" | sed -n 's/^Number of Bricks: .*= *\([0-9]*\)$/\1/p; s/^Number of Bricks: \([0-9]*\)$/\1/p')
  for i in $(seq 1 150); do
    [[ $(gluster_bricks_online "$volume") -ge ${bricks:-1} ]] && return 0
    sleep 0.2
  done
  die "volume $volume did not come online (log: $GLUSTER_STATE/glusterd.log)"
}
