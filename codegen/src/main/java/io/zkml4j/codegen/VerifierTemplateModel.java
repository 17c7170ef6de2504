package io.zkml4j.codegen;

import io.zkml4j.algebra.curve.G1Affine;
import io.zkml4j.algebra.curve.G2Affine;
import io.zkml4j.algebra.field.Fr;
import io.zkml4j.groth16.VerifyingKey;
import io.zkml4j.groth16.evm.EvmEncoding;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bouncycastle.crypto.digests.KeccakDigest;

/**
 * Everything {@code Groth16Verifier.sol.tmpl} prints, computed and formatted in Java: the template
 * only substitutes. Field elements are decimal strings, memory and calldata offsets hex strings
 * ({@code 0x..}). Build with {@link #of(VerifyingKey, SolidityExportOptions, String)}; render
 * through {@link #toContext()}.
 *
 * <h2>Pairing check</h2>
 * Groth16 accepts when {@code e(A, B) = e(alpha, beta) · e(vk_x, gamma) · e(C, delta)}. The
 * verifier asks ecPairing (0x08) whether {@code e(A, B) · e(alpha, -beta) · e(vk_x, -gamma) ·
 * e(C, -delta) = 1}, so the model stores -beta, -gamma and -delta and the proof travels from
 * calldata to the precompile untouched: no negation, no reduction modulo q in Solidity.
 *
 * <h2>Memory layout</h2>
 * The 24-word pairing input lives in {@code [0x000, 0x300)}; while vk_x is accumulated, its pair
 * slot doubles as the ecMul/ecAdd scratch:
 * <pre>
 *   0x000 vk_x (accumulator)        0x040 -gamma   (during the loop: 0x040 PUB_i, 0x080 input[i])
 *   0x0c0 A                         0x100 B        (copied from calldata 0x004..0x0c4)
 *   0x180 C (from calldata 0x0c4)   0x1c0 -delta
 *   0x240 alpha                     0x280 -beta
 * </pre>
 * ecMul reads {@code (PUB_i, input[i])} at 0x040 and writes the product to 0x040, so ecAdd reads
 * the accumulator and the product as one 4-word input at 0x000 and writes the sum to 0x000.
 * G2 words are in {@link EvmEncoding#g2Words} order (imaginary part first).
 *
 * @param spdxLicense SPDX identifier for the first line
 * @param pragma version expression after {@code pragma solidity}
 * @param contractName name of the generated contract
 * @param generatorVersion zkml4j-codegen's version for the header
 * @param vkHash {@code 0x} + keccak256 of the key's EVM words (alpha, beta, gamma, delta, IC; each
 *     G1 point x, y; each G2 point x_1, x_0, y_1, y_0; 32 bytes big-endian each)
 * @param implementsInterface whether the contract is {@code IZkmlVerifier}
 * @param interfaceName {@code IZkmlVerifier}
 * @param interfaceImport its import path
 * @param publicInputCount the circuit's number of public inputs
 * @param scalarModulus r, decimal
 * @param alpha alpha (G1)
 * @param betaNeg -beta (G2)
 * @param gammaNeg -gamma (G2)
 * @param deltaNeg -delta (G2)
 * @param ic0 IC_0, the constant term of vk_x
 * @param publicInputs one entry per public input: its multiplier IC_(i+1) and calldata offset
 * @param memory the memory layout above
 */
public record VerifierTemplateModel(
        String spdxLicense,
        String pragma,
        String contractName,
        String generatorVersion,
        String vkHash,
        boolean implementsInterface,
        String interfaceName,
        String interfaceImport,
        int publicInputCount,
        String scalarModulus,
        G1Words alpha,
        G2Words betaNeg,
        G2Words gammaNeg,
        G2Words deltaNeg,
        G1Words ic0,
        List<PublicInput> publicInputs,
        MemoryLayout memory) {

    /** A G1 constant as the two decimal words x, y. */
    public record G1Words(String x, String y) {

        static G1Words of(G1Affine p) {
            List<BigInteger> w = EvmEncoding.g1Words(p);
            return new G1Words(w.get(0).toString(), w.get(1).toString());
        }
    }

    /** A G2 constant as the four decimal words of {@link EvmEncoding#g2Words}: x_1, x_0, y_1, y_0. */
    public record G2Words(String x1, String x0, String y1, String y0) {

        static G2Words of(G2Affine p) {
            List<BigInteger> w = EvmEncoding.g2Words(p);
            return new G2Words(w.get(0).toString(), w.get(1).toString(), w.get(2).toString(), w.get(3).toString());
        }
    }

    /**
     * Public input {@code index}: its multiplier {@code PUB_index = IC_(index+1)} and the offset of
     * its word from the start of the inputs in calldata (hex).
     */
    public record PublicInput(int index, G1Words point, String calldataOffset) {}

    /**
     * Memory addresses (hex) of every word the verifier writes, and the sizes it passes to the
     * precompiles (see the class comment for the picture).
     */
    public record MemoryLayout(
            String vkX, String vkY,
            String mulX, String mulY, String mulScalar,
            G2Addresses gammaNeg,
            String proofA, String proofB, String proofC,
            G2Addresses deltaNeg,
            String alphaX, String alphaY,
            G2Addresses betaNeg,
            String result,
            String g1Size, String g2Size,
            String ecMulInputSize, String ecAddInputSize, String pairingInputSize,
            String proofCalldataA, String proofCalldataC, String proofCalldataEnd, String proofAbSize) {

        /** The one layout every verifier uses. */
        public static MemoryLayout standard() {
            int word = 0x20;
            int g1 = 2 * word;
            int g2 = 4 * word;
            int pair = g1 + g2;
            int pair0 = 0;
            int pair1 = pair0 + pair;
            int pair2 = pair1 + pair;
            int pair3 = pair2 + pair;
            return new MemoryLayout(
                    hex(pair0), hex(pair0 + word),
                    hex(pair0 + g1), hex(pair0 + g1 + word), hex(pair0 + g1 + 2 * word),
                    G2Addresses.at(pair0 + g1),
                    hex(pair1), hex(pair1 + g1), hex(pair2),
                    G2Addresses.at(pair2 + g1),
                    hex(pair3), hex(pair3 + word),
                    G2Addresses.at(pair3 + g1),
                    hex(0),
                    hex(g1), hex(g2),
                    hex(g1 + word), hex(2 * g1), hex(4 * pair),
                    // Both entry points start with the proof's 8 static words right after the
                    // 4-byte selector: A (2 words), B (4), C (2).
                    hex(4), hex(4 + g1 + g2), hex(4 + 2 * g1 + g2), hex(g1 + g2));
        }
    }

    /** Addresses of the four words of a G2 constant, in {@link EvmEncoding#g2Words} order. */
    public record G2Addresses(String x1, String x0, String y1, String y0) {

        static G2Addresses at(int base) {
            return new G2Addresses(hex(base), hex(base + 0x20), hex(base + 0x40), hex(base + 0x60));
        }
    }

    public VerifierTemplateModel {
        publicInputs = List.copyOf(publicInputs);
        Objects.requireNonNull(memory, "memory");
    }

    /**
     * Computes the model of {@code vk}'s verifier.
     *
     * @throws CodegenException if a key point is the point at infinity, or gamma equals delta and
     *     {@code options} does not allow it (see {@link SolidityExportOptions})
     */
    public static VerifierTemplateModel of(VerifyingKey vk, SolidityExportOptions options, String generatorVersion) {
        Objects.requireNonNull(vk, "vk");
        Objects.requireNonNull(options, "options");
        requireFinite(vk.alpha1().isInfinity(), "alpha");
        requireFinite(vk.beta2().isInfinity(), "beta");
        requireFinite(vk.gamma2().isInfinity(), "gamma");
        requireFinite(vk.delta2().isInfinity(), "delta");
        if (vk.gamma2().equals(vk.delta2()) && !options.allowGammaEqualsDelta()) {
            throw new CodegenException("The verifying key has gamma = delta, as left by a phase-2 setup without"
                    + " any contribution: anyone could forge proofs for any public inputs against its verifier."
                    + " Contribute to the zkey (snarkjs zkey contribute / zkml4j zkey contribute) and export the"
                    + " key again, or, for a throw-away development key only, set"
                    + " SolidityExportOptions.builder().allowGammaEqualsDelta(true).");
        }
        List<PublicInput> inputs = new ArrayList<>();
        for (int i = 0; i < vk.nPublic(); i++) {
            inputs.add(new PublicInput(i, G1Words.of(vk.ic().get(i + 1)), hex(0x20 * i)));
        }
        return new VerifierTemplateModel(
                options.spdxLicense(),
                options.pragma(),
                options.contractName(),
                generatorVersion,
                vkHash(vk),
                options.implementsInterface(),
                SolidityExportOptions.INTERFACE_NAME,
                options.interfaceImport(),
                vk.nPublic(),
                Fr.MODULUS.toString(),
                G1Words.of(vk.alpha1()),
                G2Words.of(vk.beta2().neg()),
                G2Words.of(vk.gamma2().neg()),
                G2Words.of(vk.delta2().neg()),
                G1Words.of(vk.ic().get(0)),
                inputs,
                MemoryLayout.standard());
    }

    /**
     * keccak256 over the key's EVM words (see {@code vkHash} above), as {@code 0x} + 64 hex
     * digits. The same words a contract would hash with {@code keccak256(abi.encodePacked(...))}.
     */
    public static String vkHash(VerifyingKey vk) {
        List<BigInteger> words = new ArrayList<>();
        words.addAll(EvmEncoding.g1Words(vk.alpha1()));
        words.addAll(EvmEncoding.g2Words(vk.beta2()));
        words.addAll(EvmEncoding.g2Words(vk.gamma2()));
        words.addAll(EvmEncoding.g2Words(vk.delta2()));
        for (G1Affine p : vk.ic()) {
            words.addAll(EvmEncoding.g1Words(p));
        }
        KeccakDigest keccak = new KeccakDigest(256);
        byte[] word = new byte[32];
        for (BigInteger w : words) {
            byte[] be = w.toByteArray();
            java.util.Arrays.fill(word, (byte) 0);
            int n = Math.min(be.length, 32);
            System.arraycopy(be, be.length - n, word, 32 - n, n);
            keccak.update(word, 0, 32);
        }
        byte[] digest = new byte[32];
        keccak.doFinal(digest, 0);
        return "0x" + java.util.HexFormat.of().formatHex(digest);
    }

    /** The template's names and values ({@code ALPHA_X}, {@code PUBS}, {@code M_VK_X}, ...). */
    public Map<String, Object> toContext() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("SPDX", spdxLicense);
        c.put("PRAGMA", pragma);
        c.put("CONTRACT_NAME", contractName);
        c.put("VERSION", generatorVersion);
        c.put("VK_HASH", vkHash);
        c.put("INTERFACE", implementsInterface);
        c.put("INTERFACE_NAME", interfaceName);
        c.put("INTERFACE_IMPORT", interfaceImport);
        c.put("N", Integer.toString(publicInputCount));
        c.put("HAS_INPUTS", publicInputCount > 0);
        c.put("R", scalarModulus);
        c.put("ALPHA_X", alpha.x());
        c.put("ALPHA_Y", alpha.y());
        putG2(c, "BETA_NEG", betaNeg);
        putG2(c, "GAMMA_NEG", gammaNeg);
        putG2(c, "DELTA_NEG", deltaNeg);
        c.put("IC0_X", ic0.x());
        c.put("IC0_Y", ic0.y());
        List<Map<String, Object>> pubs = new ArrayList<>();
        for (PublicInput p : publicInputs) {
            pubs.add(Map.of("INDEX", Integer.toString(p.index()), "X", p.point().x(), "Y", p.point().y(),
                    "CALLDATA_OFFSET", p.calldataOffset()));
        }
        c.put("PUBS", pubs);
        MemoryLayout m = memory;
        c.put("M_VK_X", m.vkX());
        c.put("M_VK_Y", m.vkY());
        c.put("M_MUL_X", m.mulX());
        c.put("M_MUL_Y", m.mulY());
        c.put("M_MUL_S", m.mulScalar());
        putAddresses(c, "M_GAMMA_NEG", m.gammaNeg());
        c.put("M_PROOF_A", m.proofA());
        c.put("M_PROOF_C", m.proofC());
        putAddresses(c, "M_DELTA_NEG", m.deltaNeg());
        c.put("M_ALPHA_X", m.alphaX());
        c.put("M_ALPHA_Y", m.alphaY());
        putAddresses(c, "M_BETA_NEG", m.betaNeg());
        c.put("M_RESULT", m.result());
        c.put("G1_SIZE", m.g1Size());
        c.put("EC_MUL_INPUT_SIZE", m.ecMulInputSize());
        c.put("EC_ADD_INPUT_SIZE", m.ecAddInputSize());
        c.put("PAIRING_INPUT_SIZE", m.pairingInputSize());
        c.put("PROOF_CALLDATA_A", m.proofCalldataA());
        c.put("PROOF_CALLDATA_C", m.proofCalldataC());
        c.put("PROOF_CALLDATA_END", m.proofCalldataEnd());
        c.put("PROOF_AB_SIZE", m.proofAbSize());
        return c;
    }

    private static void putG2(Map<String, Object> c, String prefix, G2Words w) {
        c.put(prefix + "_X_1", w.x1());
        c.put(prefix + "_X_0", w.x0());
        c.put(prefix + "_Y_1", w.y1());
        c.put(prefix + "_Y_0", w.y0());
    }

    private static void putAddresses(Map<String, Object> c, String prefix, G2Addresses a) {
        c.put(prefix + "_X_1", a.x1());
        c.put(prefix + "_X_0", a.x0());
        c.put(prefix + "_Y_1", a.y1());
        c.put(prefix + "_Y_0", a.y0());
    }

    private static void requireFinite(boolean infinity, String name) {
        if (infinity) {
            throw new CodegenException("The verifying key's " + name + " is the point at infinity: not a key from a"
                    + " Groth16 setup, and its verifier would accept forged proofs");
        }
    }

    private static String hex(int value) {
        return String.format("0x%03x", value);
    }
}
