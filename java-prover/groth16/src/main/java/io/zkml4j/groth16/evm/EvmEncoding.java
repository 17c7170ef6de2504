package io.zkml4j.groth16.evm;

import io.zkml4j.algebra.InvalidEncodingException;
import io.zkml4j.algebra.curve.G1Affine;
import io.zkml4j.algebra.curve.G2Affine;
import io.zkml4j.algebra.field.Fq;
import io.zkml4j.algebra.field.Fq2;
import io.zkml4j.algebra.field.Fr;
import io.zkml4j.groth16.Groth16Exception;
import io.zkml4j.groth16.Proof;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The one place that knows how a Groth16 proof and its public inputs travel to an EVM verifier
 * (codegen and deployer use this class; nothing else should lay out calldata).
 *
 * <h2>Layout</h2>
 * The stable verifier ABI is {@code verifyProof(uint256[8] proof, uint256[] input)} with the proof
 * words in the order
 * <pre>
 *   a.x, a.y, b.x.c1, b.x.c0, b.y.c1, b.y.c0, c.x, c.y
 * </pre>
 * i.e. G2 coordinates with the <em>imaginary part first</em>, as the pairing precompile 0x08
 * (EIP-197) expects them, and as snarkjs's Solidity calldata lists them (its {@code pi_b} in JSON has
 * the real part first). Each word is the coordinate's canonical integer below p; the point at infinity
 * is all zero (EIP-196/197). Public inputs are their canonical integers below r, in
 * {@code public.json} order.
 *
 * <p>{@link #solidityCalldata} prints the same values in the text format of
 * {@code snarkjs zkey export soliditycalldata} (without the newline its CLI appends):
 * {@code ["0x…", "0x…"],[["0x…", "0x…"],["0x…", "0x…"]],["0x…", "0x…"],["0x…","0x…",…]}, each value
 * 64 lower-case hex digits. (For a proof point at infinity snarkjs would print its JSON form
 * {@code (0, 1)}; we print the EVM's {@code (0, 0)}. Honest provers never produce such a point.)
 */
public final class EvmEncoding {

    /** Number of uint256 words of a proof. */
    public static final int PROOF_WORDS = 8;

    private EvmEncoding() {
    }

    /** The eight proof words in ABI order (see the class Javadoc). */
    public static List<BigInteger> proofWords(Proof proof) {
        Objects.requireNonNull(proof, "proof");
        List<BigInteger> words = new ArrayList<>(PROOF_WORDS);
        words.addAll(g1Words(proof.a()));
        words.addAll(g2Words(proof.b()));
        words.addAll(g1Words(proof.c()));
        return List.copyOf(words);
    }

    /**
     * A G1 point as the two words the precompiles 0x06-0x08 take: {@code x, y}; the point at
     * infinity is {@code 0, 0}.
     */
    public static List<BigInteger> g1Words(G1Affine p) {
        Objects.requireNonNull(p, "p");
        if (p.isInfinity()) {
            return List.of(BigInteger.ZERO, BigInteger.ZERO);
        }
        return List.of(p.x().toBigInteger(), p.y().toBigInteger());
    }

    /**
     * A G2 point as the four words the pairing precompile 0x08 takes (EIP-197):
     * {@code x.c1, x.c0, y.c1, y.c0}, imaginary part first, where {@code x = x.c0 + x.c1·u}; the
     * point at infinity is four zero words. Solidity verifier generators must take G2 constants in
     * this order from here rather than re-deriving it.
     */
    public static List<BigInteger> g2Words(G2Affine p) {
        Objects.requireNonNull(p, "p");
        if (p.isInfinity()) {
            return List.of(BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO);
        }
        return List.of(p.x().c1().toBigInteger(), p.x().c0().toBigInteger(),
                p.y().c1().toBigInteger(), p.y().c0().toBigInteger());
    }

    /** The proof as 256 bytes: the eight words, 32-byte big-endian each (the ABI's static uint256[8]). */
    public static byte[] proofBytes(Proof proof) {
        byte[] out = new byte[32 * PROOF_WORDS];
        List<BigInteger> words = proofWords(proof);
        for (int i = 0; i < PROOF_WORDS; i++) {
            writeWord(words.get(i), out, 32 * i);
        }
        return out;
    }

    /**
     * Decodes eight proof words (ABI order) into a proof.
     *
     * @throws Groth16Exception if there are not eight words, a word is not below p, a point is off its
     *     curve or B is outside G2 (the message names the word or point)
     */
    public static Proof decodeProof(List<BigInteger> words) {
        if (words.size() != PROOF_WORDS) {
            throw new Groth16Exception("Expected " + PROOF_WORDS + " proof words but got " + words.size());
        }
        Fq[] f = new Fq[PROOF_WORDS];
        for (int i = 0; i < PROOF_WORDS; i++) {
            BigInteger w = Objects.requireNonNull(words.get(i), "word");
            if (w.signum() < 0 || w.compareTo(Fq.MODULUS) >= 0) {
                throw new Groth16Exception("Proof word " + i + " = " + w + " is not below the base field modulus p");
            }
            f[i] = Fq.of(w);
        }
        try {
            G1Affine a = g1(f[0], f[1], "A");
            G2Affine b = g2(Fq2.of(f[3], f[2]), Fq2.of(f[5], f[4]));
            G1Affine c = g1(f[6], f[7], "C");
            return Proof.of(a, b, c);
        } catch (InvalidEncodingException e) {
            throw new Groth16Exception("Invalid proof words: " + e.getMessage(), e);
        }
    }

    /** The public inputs as uint256 words (their canonical integers below r). */
    public static List<BigInteger> publicInputWords(List<Fr> inputs) {
        List<BigInteger> out = new ArrayList<>(inputs.size());
        for (Fr f : inputs) {
            out.add(f.toBigInteger());
        }
        return out;
    }

    /** The text {@code snarkjs zkey export soliditycalldata} prints for this proof and these inputs. */
    public static String solidityCalldata(Proof proof, List<Fr> inputs) {
        List<BigInteger> w = proofWords(proof);
        StringBuilder sb = new StringBuilder();
        sb.append('[').append(hex(w.get(0))).append(", ").append(hex(w.get(1))).append("],");
        sb.append("[[").append(hex(w.get(2))).append(", ").append(hex(w.get(3))).append("],[")
                .append(hex(w.get(4))).append(", ").append(hex(w.get(5))).append("]],");
        sb.append('[').append(hex(w.get(6))).append(", ").append(hex(w.get(7))).append("],");
        sb.append('[');
        List<BigInteger> in = publicInputWords(inputs);
        for (int i = 0; i < in.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(hex(in.get(i)));
        }
        return sb.append(']').toString();
    }

    private static String hex(BigInteger v) {
        String h = v.toString(16);
        return "\"0x" + "0".repeat(64 - h.length()) + h + "\"";
    }

    private static void writeWord(BigInteger v, byte[] out, int offset) {
        byte[] be = v.toByteArray();
        int n = Math.min(be.length, 32);
        System.arraycopy(be, be.length - n, out, offset + 32 - n, n);
    }

    private static G1Affine g1(Fq x, Fq y, String name) {
        if (x.isZero() && y.isZero()) {
            return G1Affine.INFINITY;
        }
        return G1Affine.of(x, y);
    }

    private static G2Affine g2(Fq2 x, Fq2 y) {
        if (x.isZero() && y.isZero()) {
            return G2Affine.INFINITY;
        }
        return G2Affine.of(x, y);
    }
}
