package io.zkml4j.groth16.ptau;

import io.zkml4j.algebra.Bn254;
import io.zkml4j.algebra.curve.G1Affine;
import io.zkml4j.algebra.curve.G2Affine;
import io.zkml4j.algebra.field.Fq;
import io.zkml4j.algebra.field.Fq2;
import io.zkml4j.algebra.field.Fr;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * The deterministic random stream snarkjs derives its contribution keys from, reproduced exactly so
 * that the points it derives from a transcript hash ({@link #hashToG2}) are the ones snarkjs
 * recomputes when it verifies our contributions.
 *
 * <p>The generator is the ChaCha20 block function (RFC 8439 quarter rounds, 10 double rounds) keyed
 * by eight 32-bit seed words, with a 128-bit block counter in state words 12..15 starting at 0 and no
 * nonce; each block yields sixteen 32-bit outputs in order. On top of it, as ffjavascript defines them:
 * <ul>
 *   <li>{@code nextU64 = nextU32·2^32 + nextU32} (high word first); {@code nextBool} is the low bit of
 *       {@code nextU32};</li>
 *   <li>a field element (Fr or Fq) takes four {@code nextU64}s as little-endian limbs, keeps the low
 *       254 bits, retries while the value is {@code >=} the modulus, and uses the value as the
 *       element's <em>Montgomery</em> representation (so the element is {@code value · 2^−256});</li>
 *   <li>Fq2: {@code c0} then {@code c1};</li>
 *   <li>a curve point: draw {@code x}, then a bit {@code negative}, until {@code x³ + b} is a square;
 *       take the square root whose sign (see {@link SnarkjsEncoding#isNegative(Fq2)}) equals the bit;
 *       for G2 multiply by the twist's cofactor {@code 2p − r} to land in the order-r subgroup.</li>
 * </ul>
 *
 * <p><b>Not a general-purpose CSPRNG API.</b> Seeded by {@link #fromEntropy} its output is as
 * unpredictable as the 64 fresh random bytes mixed in; seeded from a public hash it is public. Not
 * thread-safe.
 */
public final class SnarkjsRng {

    private static final BigInteger MASK_254 = BigInteger.ONE.shiftLeft(254).subtract(BigInteger.ONE);
    private static final BigInteger G2_COFACTOR = Bn254.P.shiftLeft(1).subtract(Bn254.R);
    private static final Fq G1_B = Fq.of(3);
    private static final Fq2 G2_B = Fq2.of(Fq.of(3), Fq.ZERO).mul(Fq2.NON_RESIDUE.inverse());
    private static final Fq MONTGOMERY_R_INVERSE_Q = Fq.of(BigInteger.ONE.shiftLeft(256).mod(Bn254.P)).inverse();
    private static final Fr MONTGOMERY_R_INVERSE_R = Fr.of(BigInteger.ONE.shiftLeft(256).mod(Bn254.R)).inverse();

    private final int[] state = new int[16];
    private final int[] block = new int[16];
    private int index = 16;

    /**
     * A generator keyed by eight 32-bit words.
     *
     * @throws IllegalArgumentException unless {@code seed} has 8 words
     */
    public SnarkjsRng(int[] seed) {
        if (seed.length != 8) {
            throw new IllegalArgumentException("Expected 8 seed words but got " + seed.length);
        }
        state[0] = 0x61707865;
        state[1] = 0x3320646E;
        state[2] = 0x79622D32;
        state[3] = 0x6B206574;
        System.arraycopy(seed, 0, state, 4, 8);
    }

    /** Keyed by the first 32 bytes of {@code hash} read as eight big-endian words (snarkjs's rule). */
    public static SnarkjsRng fromHash(byte[] hash) {
        if (hash.length < 32) {
            throw new IllegalArgumentException("Expected at least 32 bytes of hash but got " + hash.length);
        }
        int[] seed = new int[8];
        for (int i = 0; i < 8; i++) {
            seed[i] = ((hash[4 * i] & 0xff) << 24) | ((hash[4 * i + 1] & 0xff) << 16)
                    | ((hash[4 * i + 2] & 0xff) << 8) | (hash[4 * i + 3] & 0xff);
        }
        return new SnarkjsRng(seed);
    }

    /**
     * snarkjs's contribution generator: keyed by {@code Blake2b-512(64 bytes from random || UTF-8(entropy))}.
     * Pass a {@link java.security.SecureRandom} except in tests.
     *
     * @throws IllegalArgumentException if the entropy text is empty (snarkjs would prompt for one)
     */
    public static SnarkjsRng fromEntropy(String entropy, RandomGenerator random) {
        Objects.requireNonNull(random, "random");
        if (entropy == null || entropy.isEmpty()) {
            throw new IllegalArgumentException("Expected a non-empty entropy text");
        }
        byte[] fresh = new byte[64];
        random.nextBytes(fresh);
        Blake2bDigest d = new Blake2bDigest(512);
        d.update(fresh, 0, fresh.length);
        byte[] text = entropy.getBytes(StandardCharsets.UTF_8);
        d.update(text, 0, text.length);
        byte[] hash = new byte[64];
        d.doFinal(hash, 0);
        return fromHash(hash);
    }

    /**
     * snarkjs's {@code hashToG2}: the G2 point drawn from the generator keyed by {@code hash}. Used for
     * the "{@code g2_sp}" base of contribution proofs of knowledge.
     */
    public static G2Affine hashToG2(byte[] hash) {
        return fromHash(hash).nextG2();
    }

    /** The next 32 output bits. */
    public int nextU32() {
        if (index == 16) {
            refill();
        }
        return block[index++];
    }

    /** The next 64 bits: the first 32-bit output is the high half. */
    public long nextU64() {
        long hi = Integer.toUnsignedLong(nextU32());
        long lo = Integer.toUnsignedLong(nextU32());
        return (hi << 32) | lo;
    }

    /** The low bit of the next 32-bit output. */
    public boolean nextBool() {
        return (nextU32() & 1) == 1;
    }

    /** An Fr element as ffjavascript's {@code Fr.fromRng} draws it. */
    public Fr nextFr() {
        return Fr.of(nextMontgomeryValue(Bn254.R)).mul(MONTGOMERY_R_INVERSE_R);
    }

    /** An Fq element as ffjavascript's {@code F1.fromRng} draws it. */
    public Fq nextFq() {
        return Fq.of(nextMontgomeryValue(Bn254.P)).mul(MONTGOMERY_R_INVERSE_Q);
    }

    /** A G1 point as ffjavascript's {@code G1.fromRng} draws it (never infinity). */
    public G1Affine nextG1() {
        while (true) {
            Fq x = nextFq();
            boolean negative = nextBool();
            Optional<Fq> y = x.square().mul(x).add(G1_B).sqrt();
            if (y.isPresent()) {
                Fq root = y.get();
                return G1Affine.of(x, SnarkjsEncoding.isNegative(root) == negative ? root : root.neg());
            }
        }
    }

    /** A G2 point as ffjavascript's {@code G2.fromRng} draws it: in the order-r subgroup. */
    public G2Affine nextG2() {
        while (true) {
            Fq2 x = nextFq2();
            boolean negative = nextBool();
            Optional<Fq2> y = x.square().mul(x).add(G2_B).sqrt();
            if (y.isPresent()) {
                Fq2 root = y.get();
                Fq2 chosen = SnarkjsEncoding.isNegative(root) == negative ? root : root.neg();
                return G2Affine.ofOnCurve(x, chosen).mul(G2_COFACTOR);
            }
        }
    }

    private Fq2 nextFq2() {
        Fq c0 = nextFq();
        Fq c1 = nextFq();
        return Fq2.of(c0, c1);
    }

    private BigInteger nextMontgomeryValue(BigInteger modulus) {
        while (true) {
            BigInteger v = BigInteger.ZERO;
            for (int i = 0; i < 4; i++) {
                v = v.or(BigInteger.valueOf(nextU64()).and(U64).shiftLeft(64 * i));
            }
            v = v.and(MASK_254);
            if (v.compareTo(modulus) < 0) {
                return v;
            }
        }
    }

    private static final BigInteger U64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private void refill() {
        System.arraycopy(state, 0, block, 0, 16);
        for (int i = 0; i < 10; i++) {
            quarterRound(block, 0, 4, 8, 12);
            quarterRound(block, 1, 5, 9, 13);
            quarterRound(block, 2, 6, 10, 14);
            quarterRound(block, 3, 7, 11, 15);
            quarterRound(block, 0, 5, 10, 15);
            quarterRound(block, 1, 6, 11, 12);
            quarterRound(block, 2, 7, 8, 13);
            quarterRound(block, 3, 4, 9, 14);
        }
        for (int i = 0; i < 16; i++) {
            block[i] += state[i];
        }
        index = 0;
        for (int w = 12; w < 16; w++) { // 128-bit little-endian counter
            state[w]++;
            if (state[w] != 0) {
                break;
            }
        }
    }

    private static void quarterRound(int[] s, int a, int b, int c, int d) {
        s[a] += s[b];
        s[d] = Integer.rotateLeft(s[d] ^ s[a], 16);
        s[c] += s[d];
        s[b] = Integer.rotateLeft(s[b] ^ s[c], 12);
        s[a] += s[b];
        s[d] = Integer.rotateLeft(s[d] ^ s[a], 8);
        s[c] += s[d];
        s[b] = Integer.rotateLeft(s[b] ^ s[c], 7);
    }
}
