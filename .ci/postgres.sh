# Sourced by .ci/run: makes a PostgreSQL server available to the storage contract suite and exports DATABASE_URL.
#   1. DATABASE_URL when it is set;
#   2. else the server this project's machines run on 127.0.0.1:5432 (trust auth), when it answers;
#   3. else Debian's postgresql, installed with apt-get and started on loopback as the postgres user.
# When all three fail the suite's PostgreSQL file fails under CI=true with a loud message: that is not a pass.

CI_PG_DIR=/tmp/contractbeheer-ci-postgres
CI_PG_PORT=55432
CI_PG_STARTED=""

pg_answers() { # host port
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h "$1" -p "$2" -t 5
  else
    (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null
  fi
}

ensure_test_database() { # host port
  local query="select 1 from pg_database where datname = 'test'"
  if command -v psql >/dev/null 2>&1 &&
    [ "$(psql -h "$1" -p "$2" -U postgres -d postgres -Atc "$query" 2>/dev/null)" != "1" ]; then
    psql -h "$1" -p "$2" -U postgres -d postgres -qc 'create database test' || true
  fi
}

start_own_postgres() {
  echo "ci: no PostgreSQL on 127.0.0.1:5432; installing Debian's postgresql and starting one on 127.0.0.1:$CI_PG_PORT"
  if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null || return 1
  fi
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  if [ -f "$CI_PG_DIR/data/postmaster.pid" ]; then
    runuser -u postgres -- "$bin/pg_ctl" -D "$CI_PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
  fi
  rm -rf "$CI_PG_DIR" && mkdir -p "$CI_PG_DIR" && chown postgres: "$CI_PG_DIR" || return 1
  # initdb refuses to run as root; trust is fine for a throwaway cluster that listens on loopback only.
  runuser -u postgres -- "$bin/initdb" -D "$CI_PG_DIR/data" -U postgres -A trust >/dev/null || return 1
  runuser -u postgres -- "$bin/pg_ctl" -D "$CI_PG_DIR/data" -l "$CI_PG_DIR/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $CI_PG_PORT -k $CI_PG_DIR" start >/dev/null || return 1
  CI_PG_STARTED="$bin"
  runuser -u postgres -- "$bin/createdb" -h 127.0.0.1 -p "$CI_PG_PORT" test || return 1
  export DATABASE_URL="postgres://postgres@127.0.0.1:$CI_PG_PORT/test"
}

stop_own_postgres() {
  if [ -n "$CI_PG_STARTED" ]; then
    runuser -u postgres -- "$CI_PG_STARTED/pg_ctl" -D "$CI_PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
  fi
}

ensure_postgres() {
  if [ -n "${DATABASE_URL:-}" ]; then
    echo "ci: PostgreSQL from DATABASE_URL"
  elif pg_answers 127.0.0.1 5432; then
    ensure_test_database 127.0.0.1 5432
    export DATABASE_URL="postgres://postgres@127.0.0.1:5432/test"
    echo "ci: PostgreSQL on 127.0.0.1:5432"
  elif ! start_own_postgres; then
    echo "ci: !!!!! could not make PostgreSQL available: the PostgreSQL storage suite will FAIL (see above) !!!!!"
  fi
}
