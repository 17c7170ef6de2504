pragma circom 2.1.6;

// Test fixture for the snarkjs harness: knowledge of a non-trivial factorisation.
// Public: the product c (output) and the factor a (input); private: b. IsZero comes from
// circomlib so the test also proves that node_modules is on circom's include path.
include "circomlib/circuits/comparators.circom";

template Multiplier() {
    signal input a;
    signal input b;
    signal output c;

    // b != 0, via circomlib (after simplification one constraint: b * inv = 1)
    component bIsZero = IsZero();
    bIsZero.in <== b;
    bIsZero.out === 0;

    c <== a * b;
}

component main {public [a]} = Multiplier();
