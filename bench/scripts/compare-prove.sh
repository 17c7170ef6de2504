#!/usr/bin/env bash
# Side by side: whole-process `zkml4j groth16 prove` against `snarkjs groth16 prove` on the same zkey
# and witness, for circuits of about 2^P constraints.
#
# Usage: bench/scripts/compare-prove.sh [-r RUNS] [-d DIR] [-p] [P ...]
#   P      powers to run, each one of 12 14 16 18 20 (default: 12 14 16)
#   -r N   timed runs per prover and power (default 3; env RUNS); the table shows medians
#   -d DIR cache root (default ~/.cache/zkml4j-bench; env ZKML4J_BENCH_DIR): DIR/p<P> keeps the
#          circuit, witness, dev zkey and verification key, reused when present
#   -p     prepare only: make the cached files (and report dev-setup's time and RSS), time no prover
#
# Per power: a circom2 circuit chaining circomlib Poseidon(2) hashes (public input y), as many as fit
# nPublic + constraints + 1 <= 2^P (constraints per hash measured once by compiling 1 and 2 hashes);
# the witness from the circuit's wasm (`snarkjs wtns calculate`); the key from `zkml4j groth16
# dev-setup` (development only: never use such a key for anything real). Then RUNS runs of each prover
# under /usr/bin/time (wall time and max RSS of the whole process), our proof checked by `snarkjs
# groth16 verify`, snarkjs's by `zkml4j groth16 verify`, and zkml4j's stage times from the last run
# (`groth16 prove --timings`). Needs Node.js >= 20 with test-chain/node_modules (`bash
# test-chain/scripts/install-node-modules.sh`), GNU time (/usr/bin/time), Maven for the first build.
# snarkjs gets NODE_OPTIONS from the environment (e.g. --max-old-space-size=16384 at 2^20); zkml4j gets
# ZKML4J_JAVA_OPTS.
set -euo pipefail

runs=${RUNS:-3}
prepare_only=
root=${ZKML4J_BENCH_DIR:-$HOME/.cache/zkml4j-bench}
while getopts "r:d:ph" opt; do
  case $opt in
    p) prepare_only=1 ;;
    r) runs=$OPTARG ;;
    d) root=$OPTARG ;;
    h) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) exit 2 ;;
  esac
done
shift $((OPTIND - 1))
powers=("$@")
[ ${#powers[@]} -gt 0 ] || powers=(12 14 16)
for p in "${powers[@]}"; do
  case $p in 12|14|16|18|20) ;; *) echo "compare-prove: power $p is not one of 12 14 16 18 20" >&2; exit 2 ;; esac
done
case $runs in ''|*[!0-9]*|0) echo "compare-prove: -r needs a positive number, got '$runs'" >&2; exit 2 ;; esac

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
nm="$repo/test-chain/node_modules"
snarkjs=(node "$nm/snarkjs/build/cli.cjs")
circom=(node "$nm/circom2/cli.js")
zk="$repo/zkml4j"
[ -f "$nm/snarkjs/build/cli.cjs" ] && [ -f "$nm/circom2/cli.js" ] || {
  echo "compare-prove: $nm lacks snarkjs or circom2; run: bash test-chain/scripts/install-node-modules.sh" >&2
  exit 2
}
[ -x /usr/bin/time ] || { echo "compare-prove: needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 2; }
mkdir -p "$root"
log() { echo "[compare-prove] $*" >&2; }

# One build of the CLI, then never again during the runs.
if [ "${ZKML4J_NO_BUILD:-}" != 1 ]; then
  log "building the zkml4j CLI if needed"
  "$zk" --version > /dev/null
fi
export ZKML4J_NO_BUILD=1 ZKML4J_PROGRESS=off

. "$repo/bench/scripts/poseidon-chain.sh"

compile() { # <dir> <hashes>: chain.r1cs and chain_js/chain.wasm in <dir>
  write_poseidon_chain "$1/chain.circom" "$2"
  (cd / && "${circom[@]}" "$1/chain.circom" --r1cs --wasm -l "$nm" -o "$1") > "$1/circom.log"
}

constraints_of() { # <r1cs>
  "${snarkjs[@]}" r1cs info "$1" | sed -n 's/.*# of Constraints: *\([0-9]*\).*/\1/p'
}

# Constraints per hash and the rest, from circuits of 1 and 2 hashes (cached).
calib="$root/calibration"
if [ ! -s "$calib/per-hash" ]; then
  log "measuring constraints per Poseidon(2) hash"
  mkdir -p "$calib/h1" "$calib/h2"
  compile "$calib/h1" 1
  compile "$calib/h2" 2
  c1=$(constraints_of "$calib/h1/chain.r1cs"); c2=$(constraints_of "$calib/h2/chain.r1cs")
  echo $((c2 - c1)) > "$calib/per-hash"
  echo $((c1 - (c2 - c1))) > "$calib/base"
fi
per_hash=$(cat "$calib/per-hash"); base=$(cat "$calib/base")
n_public=2 # out and y

spread() { # min–max of the numbers on stdin, scaled by $1 (e.g. 1/1024 for KB -> MB), with $2 decimals
  sort -g | awk -v f="$1" -v d="$2" 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%.*f–%.*f", d, lo * f, d, hi * f }'
}

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

timed() { # <out-file> <cmd...>: appends "wall_s max_rss_kb" to <out-file>
  local out=$1; shift
  /usr/bin/time -f "%e %M" -o "$out.last" "$@" > /dev/null 2>> "$out.stderr"
  cat "$out.last" >> "$out"
}

rows=()
spreads=()
breakdowns=()
for p in "${powers[@]}"; do
  dir="$root/p$p"
  mkdir -p "$dir"
  hashes=$(( ((1 << p) - base - n_public - 1) / per_hash ))
  if [ ! -f "$dir/hashes" ] || [ "$(cat "$dir/hashes")" != "$hashes" ]; then
    rm -rf "${dir:?}"/*
    log "2^$p: compiling a chain of $hashes hashes"
    compile "$dir" "$hashes"
    echo "$hashes" > "$dir/hashes"
  fi
  if [ ! -s "$dir/w.wtns" ]; then
    echo '{"x": "1", "y": "2"}' > "$dir/input.json"
    "${snarkjs[@]}" wtns calculate "$dir/chain_js/chain.wasm" "$dir/input.json" "$dir/w.wtns" > /dev/null
  fi
  if [ ! -s "$dir/c.zkey" ]; then
    log "2^$p: zkml4j groth16 dev-setup"
    /usr/bin/time -f "%e %M" -o "$dir/dev-setup.time" "$zk" groth16 dev-setup "$dir/chain.r1cs" "$dir/c.zkey" \
      > /dev/null 2> "$dir/dev-setup.log"
    log "2^$p: dev-setup took $(cut -d' ' -f1 "$dir/dev-setup.time") s, max RSS $(( $(cut -d' ' -f2 "$dir/dev-setup.time") / 1024 )) MB"
    rm -f "$dir/vk.json"
  fi
  [ -s "$dir/vk.json" ] || "$zk" zkey export-vk "$dir/c.zkey" "$dir/vk.json"
  constraints=$(constraints_of "$dir/chain.r1cs")
  zkey_mb=$(awk -v b="$(stat -c %s "$dir/c.zkey")" 'BEGIN { printf "%.1f", b / 1048576 }')
  if [ -n "$prepare_only" ]; then
    log "2^$p: prepared in $dir: $constraints constraints, zkey $zkey_mb MB"
    continue
  fi

  rm -f "$dir"/t.snarkjs* "$dir"/t.zkml4j*
  log "2^$p: $constraints constraints, zkey $zkey_mb MB; $runs runs of each prover"
  for ((i = 1; i <= runs; i++)); do
    timed "$dir/t.snarkjs" "${snarkjs[@]}" groth16 prove "$dir/c.zkey" "$dir/w.wtns" "$dir/sp.json" "$dir/spub.json"
    rm -f "$dir/zp.json" "$dir/zpub.json"
    timed "$dir/t.zkml4j" "$zk" groth16 prove --timings "$dir/c.zkey" "$dir/w.wtns" "$dir/zp.json" "$dir/zpub.json"
  done
  "${snarkjs[@]}" groth16 verify "$dir/vk.json" "$dir/zpub.json" "$dir/zp.json" | grep -q 'OK!' \
    || { echo "compare-prove: 2^$p: snarkjs rejects zkml4j's proof ($dir/zp.json)" >&2; exit 1; }
  "$zk" groth16 verify "$dir/vk.json" "$dir/spub.json" "$dir/sp.json" > /dev/null \
    || { echo "compare-prove: 2^$p: zkml4j rejects snarkjs's proof ($dir/sp.json)" >&2; exit 1; }
  cmp -s "$dir/zpub.json" "$dir/spub.json" \
    || { echo "compare-prove: 2^$p: the public signals differ" >&2; exit 1; }

  s_wall=$(cut -d' ' -f1 "$dir/t.snarkjs" | median); z_wall=$(cut -d' ' -f1 "$dir/t.zkml4j" | median)
  s_rss=$(cut -d' ' -f2 "$dir/t.snarkjs" | median); z_rss=$(cut -d' ' -f2 "$dir/t.zkml4j" | median)
  rows+=("$(awk -v p="$p" -v c="$constraints" -v mb="$zkey_mb" -v sw="$s_wall" -v zw="$z_wall" -v sr="$s_rss" \
    -v zr="$z_rss" 'BEGIN { printf "| 2^%s | %d | %.1f | %.2f | %.2f | %.2f | %.0f | %.0f | %.1f |", p, c, mb, sw, zw,
      sw / zw, sr / 1024, zr / 1024, (zr / 1024) / mb }')")
  spreads+=("2^$p: snarkjs $(cut -d' ' -f1 "$dir/t.snarkjs" | spread 1 2) s, $(cut -d' ' -f2 "$dir/t.snarkjs" \
    | spread 0.0009765625 0) MB; zkml4j $(cut -d' ' -f1 "$dir/t.zkml4j" | spread 1 2) s, $(cut -d' ' -f2 \
    "$dir/t.zkml4j" | spread 0.0009765625 0) MB")
  breakdowns+=("2^$p $(grep '^timings:' "$dir/t.zkml4j.stderr" | tail -1 | sed "s#$dir/##g")")
done

[ -z "$prepare_only" ] || exit 0
echo
echo "Whole-process medians of $runs runs (wall time and max RSS by /usr/bin/time); ratio = snarkjs / zkml4j."
echo "Both proofs cross-verified (snarkjs groth16 verify, zkml4j groth16 verify); public.json identical."
echo
echo "| power | constraints | zkey MB | snarkjs s | zkml4j s | ratio | snarkjs RSS MB | zkml4j RSS MB | zkml4j RSS/zkey |"
echo "|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
echo
echo "Spread (fastest–slowest run, smallest–largest peak RSS):"
printf '  %s\n' "${spreads[@]}"
echo
echo "zkml4j stages, last run (groth16 prove --timings):"
printf '  %s\n' "${breakdowns[@]}"
