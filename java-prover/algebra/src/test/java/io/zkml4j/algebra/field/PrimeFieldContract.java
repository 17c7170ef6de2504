package io.zkml4j.algebra.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zkml4j.algebra.InvalidEncodingException;
import io.zkml4j.algebra.test.Seeds;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * Laws of the BN254 prime fields beyond the axioms: agreement with a {@link BigInteger} oracle on
 * random and edge values, strict encodings, square roots, batch inversion.
 *
 * @param <F> the prime field under test
 */
public interface PrimeFieldContract<F extends PrimeFieldElement<F>> extends FieldContract<F> {

    BigInteger modulus();

    F of(BigInteger x);

    F reduce(BigInteger x);

    F fromBytesBE(byte[] bytes);

    F fromBytesLE(byte[] bytes);

    F[] batchInverse(F[] elements);

    /** 0, 1, 2, p−1, p−2, (p±1)/2 and 2^k for the limb boundaries. */
    default List<BigInteger> edgeIntegers() {
        BigInteger p = modulus();
        List<BigInteger> v = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO,
                p.subtract(BigInteger.ONE), p.subtract(BigInteger.TWO),
                p.shiftRight(1), p.shiftRight(1).add(BigInteger.ONE)));
        for (int k : new int[] {31, 32, 63, 64, 65, 127, 128, 191, 192, 252, 253}) {
            v.add(BigInteger.ONE.shiftLeft(k));
            v.add(BigInteger.ONE.shiftLeft(k).subtract(BigInteger.ONE));
        }
        return v;
    }

    @Override
    default List<F> edgeValues() {
        return edgeIntegers().stream().map(this::of).toList();
    }

    default List<BigInteger> oracleSamples(String salt) {
        SplittableRandom rng = Seeds.rng(getClass().getName() + salt);
        List<BigInteger> out = new ArrayList<>(edgeIntegers());
        for (int i = 0; i < SAMPLES; i++) {
            out.add(new BigInteger(256, new java.util.Random(rng.nextLong())).mod(modulus()));
        }
        return out;
    }

    @Test
    default void matchesBigIntegerOracle() {
        BigInteger p = modulus();
        List<BigInteger> xs = oracleSamples("oracle-x");
        List<BigInteger> ys = oracleSamples("oracle-y").reversed();
        for (int i = 0; i < xs.size(); i++) {
            BigInteger x = xs.get(i), y = ys.get(i);
            F a = of(x), b = of(y);
            assertThat(a.toBigInteger()).isEqualTo(x);
            assertThat(a.add(b).toBigInteger()).as("%s + %s", x, y).isEqualTo(x.add(y).mod(p));
            assertThat(a.sub(b).toBigInteger()).as("%s - %s", x, y).isEqualTo(x.subtract(y).mod(p));
            assertThat(a.mul(b).toBigInteger()).as("%s * %s", x, y).isEqualTo(x.multiply(y).mod(p));
            assertThat(a.square().toBigInteger()).as("%s^2", x).isEqualTo(x.multiply(x).mod(p));
            assertThat(a.neg().toBigInteger()).as("-%s", x).isEqualTo(x.negate().mod(p));
            assertThat(a.dbl().toBigInteger()).as("2*%s", x).isEqualTo(x.shiftLeft(1).mod(p));
            if (x.signum() != 0) {
                assertThat(a.inverse().toBigInteger()).as("1/%s", x).isEqualTo(x.modInverse(p));
            }
        }
    }

    @Test
    default void powMatchesOracle() {
        List<BigInteger> xs = oracleSamples("pow");
        for (int i = 0; i < 40; i++) {
            BigInteger x = xs.get(i);
            BigInteger e = xs.get(xs.size() - 1 - i);
            assertThat(of(x).pow(e).toBigInteger()).isEqualTo(x.modPow(e, modulus()));
        }
    }

    @Test
    default void reduceMapsEveryIntegerIntoTheField() {
        BigInteger p = modulus();
        assertThat(reduce(p).isZero()).isTrue();
        assertThat(reduce(p.add(BigInteger.ONE)).isOne()).isTrue();
        assertThat(reduce(BigInteger.ONE.negate())).isEqualTo(one().neg());
        assertThat(reduce(BigInteger.ONE.shiftLeft(300))).isEqualTo(of(BigInteger.ONE.shiftLeft(300).mod(p)));
    }

    @Test
    default void serializationRoundTrips() {
        for (F a : samples("ser")) {
            byte[] be = a.toBytesBE();
            byte[] le = a.toBytesLE();
            assertThat(be).hasSize(32);
            assertThat(new BigInteger(1, be)).isEqualTo(a.toBigInteger());
            assertThat(fromBytesBE(be)).isEqualTo(a);
            assertThat(fromBytesLE(le)).isEqualTo(a);
            assertThat(of(a.toBigInteger())).isEqualTo(a);
        }
    }

    @Test
    default void rejectsNonCanonicalEncodings() {
        BigInteger p = modulus();
        for (BigInteger bad : List.of(p, p.add(BigInteger.ONE), BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE))) {
            byte[] be = toBytes32(bad);
            assertThatThrownBy(() -> fromBytesBE(be)).isInstanceOf(InvalidEncodingException.class)
                    .hasMessageContaining(bad.toString());
            byte[] le = reverse(be);
            assertThatThrownBy(() -> fromBytesLE(le)).isInstanceOf(InvalidEncodingException.class);
            assertThatThrownBy(() -> of(bad)).isInstanceOf(InvalidEncodingException.class);
        }
        assertThatThrownBy(() -> of(BigInteger.ONE.negate())).isInstanceOf(InvalidEncodingException.class);
        assertThatThrownBy(() -> fromBytesBE(new byte[31])).isInstanceOf(InvalidEncodingException.class)
                .hasMessageContaining("Expected 32 bytes").hasMessageContaining("31");
        assertThatThrownBy(() -> fromBytesLE(new byte[33])).isInstanceOf(InvalidEncodingException.class);
    }

    @Test
    default void squareRootsSquareBackAndLegendreMatchesEuler() {
        BigInteger p = modulus();
        int squares = 0;
        for (F a : samples("sqrt")) {
            int expected = a.isZero() ? 0 : a.toBigInteger().modPow(p.shiftRight(1), p).equals(BigInteger.ONE) ? 1 : -1;
            assertThat(a.legendre()).isEqualTo(expected);
            assertThat(a.square().sqrt()).hasValueSatisfying(r -> assertThat(r.square()).isEqualTo(a.square()));
            if (expected == 1) {
                squares++;
                assertThat(a.sqrt()).hasValueSatisfying(r -> assertThat(r.square()).isEqualTo(a));
            } else if (expected == -1) {
                assertThat(a.sqrt()).isEmpty();
            }
        }
        assertThat(squares).as("some samples are squares").isPositive();
    }

    @Test
    default void batchInverseMatchesSingleInversesAndKeepsZeros() {
        List<F> xs = samples("batch");
        @SuppressWarnings("unchecked")
        F[] in = xs.toArray(n -> (F[]) java.lang.reflect.Array.newInstance(zero().getClass(), n));
        F[] out = batchInverse(in);
        for (int i = 0; i < in.length; i++) {
            assertThat(out[i]).isEqualTo(in[i].isZero() ? zero() : in[i].inverse());
        }
        assertThat(in).containsExactlyElementsOf(xs);
    }

    @Test
    default void signedReadingIsSymmetricAroundZero() {
        assertThat(one().neg().toSignedBigInteger()).isEqualTo(BigInteger.ONE.negate());
        assertThat(of(BigInteger.valueOf(5)).toSignedBigInteger()).isEqualTo(BigInteger.valueOf(5));
        assertThat(reduce(BigInteger.valueOf(-12345)).toSignedBigInteger()).isEqualTo(BigInteger.valueOf(-12345));
    }

    private static byte[] toBytes32(BigInteger x) {
        byte[] raw = x.toByteArray();
        byte[] out = new byte[32];
        int n = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - n, out, 32 - n, n);
        return out;
    }

    private static byte[] reverse(byte[] b) {
        byte[] r = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            r[i] = b[b.length - 1 - i];
        }
        return r;
    }

    @Override
    default F random(RandomGenerator rng) {
        return reduce(new BigInteger(320, new java.util.Random(rng.nextLong())));
    }
}
