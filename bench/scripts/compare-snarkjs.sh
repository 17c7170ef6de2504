#!/usr/bin/env bash
# Proves the same circuit with snarkjs and with zkml4j (warm, in one JVM: ProveFiles), and checks our
# proof with snarkjs. Sets up with a snarkjs ceremony (slow above 2^14); for whole-process timings on a
# zkml4j dev key at 2^12..2^20 use compare-prove.sh.
# Usage: bench/scripts/compare-snarkjs.sh <hashes> <ptau power> [workdir]
#   hashes: number of chained Poseidon(2) hashes (about 517 constraints each with circom2 from test-chain)
#   ptau power: log2 of the domain (constraints + public inputs + 1 must fit)
# Needs test-chain/node_modules and `mvn -pl bench -am package -DskipTests`. Runs on JDK 25.
set -euo pipefail
hashes=${1:-16}; power=${2:-12}
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work=${3:-$(mktemp -d)}
mkdir -p "$work"; cd "$work"
java=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
snarkjs="node $repo/test-chain/node_modules/snarkjs/build/cli.cjs"
circom="node $repo/test-chain/node_modules/circom2/cli.js"
. "$repo/bench/scripts/poseidon-chain.sh"
write_poseidon_chain chain.circom "$hashes"
echo '{"x": "1", "y": "2"}' > input.json
(cd / && $circom "$work/chain.circom" --r1cs --wasm -l "$repo/test-chain/node_modules" -o "$work") > /dev/null
$snarkjs r1cs info chain.r1cs | grep -E 'Constraints|Wires' || true
if [ ! -f pot.ptau ]; then
  $snarkjs powersoftau new bn128 "$power" pot0.ptau > /dev/null
  $snarkjs powersoftau contribute pot0.ptau pot1.ptau --name=bench -e=bench-entropy > /dev/null
  $snarkjs powersoftau prepare phase2 pot1.ptau pot.ptau > /dev/null
fi
$snarkjs groth16 setup chain.r1cs pot.ptau c0.zkey > /dev/null
$snarkjs zkey contribute c0.zkey c.zkey --name=bench -e=bench-entropy-2 > /dev/null
$snarkjs zkey export verificationkey c.zkey vk.json > /dev/null
$snarkjs wtns calculate chain_js/chain.wasm input.json w.wtns
for i in 1 2 3; do
  /usr/bin/time -f "snarkjs groth16 prove (process): %e s, %P CPU" $snarkjs groth16 prove c.zkey w.wtns sp.json spub.json
done
$java -cp "$repo/bench/target/benchmarks.jar" io.zkml4j.bench.ProveFiles c.zkey w.wtns p.json pub.json 5
$snarkjs groth16 verify vk.json pub.json p.json
cmp pub.json spub.json && echo "public.json identical"
