package io.zkml4j.algebra.field;

import java.math.BigInteger;

class FrTest implements PrimeFieldContract<Fr> {
    @Override public BigInteger modulus() { return Fr.MODULUS; }
    @Override public Fr zero() { return Fr.ZERO; }
    @Override public Fr one() { return Fr.ONE; }
    @Override public Fr of(BigInteger x) { return Fr.of(x); }
    @Override public Fr reduce(BigInteger x) { return Fr.reduce(x); }
    @Override public Fr fromBytesBE(byte[] b) { return Fr.fromBytesBE(b); }
    @Override public Fr fromBytesLE(byte[] b) { return Fr.fromBytesLE(b); }
    @Override public Fr[] batchInverse(Fr[] v) { return Fr.batchInverse(v); }
}
