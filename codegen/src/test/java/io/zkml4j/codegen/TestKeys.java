package io.zkml4j.codegen;

import io.zkml4j.algebra.curve.G1Affine;
import io.zkml4j.algebra.curve.G2Affine;
import io.zkml4j.algebra.field.Fr;
import io.zkml4j.groth16.VerifyingKey;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic verifying keys for golden files: every point is a generator times a scalar drawn
 * from a fixed-seed generator (deliberately not {@code zkml.test.seed}: golden files must not move
 * when someone changes the seed). Valid group elements, but no circuit behind them.
 */
final class TestKeys {

    private TestKeys() {
    }

    static VerifyingKey deterministic(int nPublic, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        G1Affine alpha = G1Affine.GENERATOR.mul(scalar(rng));
        G2Affine beta = G2Affine.GENERATOR.mul(scalar(rng));
        G2Affine gamma = G2Affine.GENERATOR.mul(scalar(rng));
        G2Affine delta = G2Affine.GENERATOR.mul(scalar(rng));
        List<G1Affine> ic = new ArrayList<>();
        for (int i = 0; i <= nPublic; i++) {
            ic.add(G1Affine.GENERATOR.mul(scalar(rng)));
        }
        return VerifyingKey.of(alpha, beta, gamma, delta, ic);
    }

    private static Fr scalar(SplittableRandom rng) {
        BigInteger v = BigInteger.ZERO;
        for (int i = 0; i < 4; i++) {
            v = v.shiftLeft(64).or(BigInteger.valueOf(rng.nextLong()).and(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE)));
        }
        v = v.mod(Fr.MODULUS);
        return Fr.of(v.signum() == 0 ? BigInteger.ONE : v);
    }
}
