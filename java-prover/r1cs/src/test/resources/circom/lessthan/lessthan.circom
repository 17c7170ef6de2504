pragma circom 2.1.0;

include "circomlib/circuits/comparators.circom";
include "circomlib/circuits/bitify.circom";

// Public bound and threshold; private value x. Proves the 8-bit decomposition of x and
// outputs lt = (x < bound) and ge = (x >= threshold).
template RangeCheck() {
    signal input x;
    signal input bound;
    signal input threshold;
    signal output lt;
    signal output ge;

    component bits = Num2Bits(8);
    bits.in <== x;

    component less = LessThan(8);
    less.in[0] <== x;
    less.in[1] <== bound;
    lt <== less.out;

    component geq = GreaterEqThan(8);
    geq.in[0] <== x;
    geq.in[1] <== threshold;
    ge <== geq.out;
}

component main {public [bound, threshold]} = RangeCheck();
