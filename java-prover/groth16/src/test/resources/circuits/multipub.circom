pragma circom 2.0.0;

include "circomlib/circuits/poseidon.circom";

// Several public inputs and outputs for the Groth16 interop tests:
// private x, y; public a, b, c; outputs h = Poseidon(x, y) and s = a·x + b·y + c.
template MultiPublic() {
    signal input x;
    signal input y;
    signal input a;
    signal input b;
    signal input c;
    signal output h;
    signal output s;

    component p = Poseidon(2);
    p.inputs[0] <== x;
    p.inputs[1] <== y;
    h <== p.out;

    signal ax <== a * x;
    signal by <== b * y;
    s <== ax + by + c;
}

component main {public [a, b, c]} = MultiPublic();
