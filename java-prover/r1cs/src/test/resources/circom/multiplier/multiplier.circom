pragma circom 2.1.0;

// out = a * b * c, with a public scale input k: scaled = k * out.
template Multiplier3() {
    signal input a;
    signal input b;
    signal input c;
    signal input k;
    signal output out;
    signal output scaled;
    signal ab;
    ab <== a * b;
    out <== ab * c;
    scaled <== k * out;
}

component main {public [k]} = Multiplier3();
