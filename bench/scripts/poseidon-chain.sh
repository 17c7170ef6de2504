# Sourced by the benchmark scripts: the synthetic circuit they prove.
# write_poseidon_chain <file.circom> <hashes>: a circom2 circuit chaining <hashes> circomlib
# Poseidon(2) hashes, acc[i+1] = Poseidon(acc[i], y), with private input x = acc[0], public input y
# and output out = acc[hashes].
write_poseidon_chain() {
  cat > "$1" <<CIRCOM
pragma circom 2.0.0;
include "circomlib/circuits/poseidon.circom";
template Chain(n) {
    signal input x;
    signal input y;
    signal output out;
    component h[n];
    signal acc[n + 1];
    acc[0] <== x;
    for (var i = 0; i < n; i++) {
        h[i] = Poseidon(2);
        h[i].inputs[0] <== acc[i];
        h[i].inputs[1] <== y;
        acc[i + 1] <== h[i].out;
    }
    out <== acc[n];
}
component main {public [y]} = Chain($2);
CIRCOM
}
