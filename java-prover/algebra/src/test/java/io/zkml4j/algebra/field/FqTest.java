package io.zkml4j.algebra.field;

import java.math.BigInteger;

class FqTest implements PrimeFieldContract<Fq> {
    @Override public BigInteger modulus() { return Fq.MODULUS; }
    @Override public Fq zero() { return Fq.ZERO; }
    @Override public Fq one() { return Fq.ONE; }
    @Override public Fq of(BigInteger x) { return Fq.of(x); }
    @Override public Fq reduce(BigInteger x) { return Fq.reduce(x); }
    @Override public Fq fromBytesBE(byte[] b) { return Fq.fromBytesBE(b); }
    @Override public Fq fromBytesLE(byte[] b) { return Fq.fromBytesLE(b); }
    @Override public Fq[] batchInverse(Fq[] v) { return Fq.batchInverse(v); }
}
