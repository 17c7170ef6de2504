package io.zkml4j.groth16.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zkml4j.algebra.InvalidEncodingException;
import io.zkml4j.algebra.curve.G1Affine;
import io.zkml4j.algebra.curve.G2Affine;
import io.zkml4j.algebra.field.Fq;
import io.zkml4j.algebra.field.Fq12;
import io.zkml4j.algebra.field.Fq2;
import io.zkml4j.algebra.field.Fq6;
import io.zkml4j.algebra.field.Fr;
import io.zkml4j.algebra.pairing.Gt;
import io.zkml4j.groth16.Groth16Exception;
import io.zkml4j.groth16.Proof;
import io.zkml4j.groth16.VerifyingKey;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * snarkjs's JSON files for Groth16 over BN254 ("bn128"): {@code proof.json}, {@code public.json} and
 * {@code verification_key.json}, read strictly and written byte for byte as snarkjs 0.7 writes them.
 *
 * <h2>Shapes</h2>
 * <ul>
 *   <li>Numbers are decimal strings. G1 points are projective triples {@code [x, y, "1"]}, G2 points
 *       {@code [[x.c0, x.c1], [y.c0, y.c1], ["1", "0"]]} (real part first, unlike the EVM). The point at
 *       infinity is {@code ["0", "1", "0"]} (G2: {@code [["0","0"],["1","0"],["0","0"]]}).</li>
 *   <li>proof: {@code {"pi_a", "pi_b", "pi_c", "protocol": "groth16", "curve": "bn128"}};
 *       public: an array of decimal strings;
 *       verification key: {@code {"protocol", "curve", "nPublic" (a JSON number), "vk_alpha_1",
 *       "vk_beta_2", "vk_gamma_2", "vk_delta_2", "vk_alphabeta_12", "IC"}}, where
 *       {@code vk_alphabeta_12} is {@code e(alpha1, beta2)} raised to {@link #SNARKJS_GT_EXPONENT} (see
 *       there), as {@code [c0, c1]} of Fq12, each an Fq6
 *       {@code [c0, c1, c2]} of Fq2 pairs {@code [c0, c1]} (tower {@code Fq12 = Fq6[w]/(w² − v)},
 *       {@code Fq6 = Fq2[v]/(v³ − (9 + u))}).</li>
 *   <li>Layout (snarkjs writes with {@code bfj}, {@code space: 1}): one space of indentation per level,
 *       every array element and object member on its own line, {@code "key": value}, empty arrays as
 *       {@code [}, newline, indentation, {@code ]}; no trailing newline.</li>
 * </ul>
 *
 * <h2>Reading</h2>
 * Strict: malformed JSON, duplicate or unknown keys, a missing field, a wrong type, a number that is not
 * a string of decimal digits, a coordinate not below q (e.g. {@code x + q}), a public signal not below
 * r, a point off its curve, a G2 point outside the subgroup, a {@code z} other than 1 (except for the
 * infinity form), a {@code protocol} other than {@code "groth16"} or a {@code curve} other than
 * {@code "bn128"} are all {@link Groth16Exception}s naming the file, the field path (such as
 * {@code pi_b[1][0]}) and what was expected. snarkjs itself is laxer (it reduces values modulo the
 * field), which would let one proof stand for several encodings; we refuse that.
 *
 * <h2>Writing</h2>
 * Atomic: to a temporary file in the target's directory, then renamed into place.
 */
public final class SnarkjsJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    /**
     * {@code m = 2x·(6x² + 3x + 1)}, {@code x} the BN254 parameter. snarkjs (through wasmcurves) computes
     * the hard part of the final exponentiation with the Fuentes-Castañeda–Knapp–Rodríguez-Henríquez
     * addition chain, which raises to {@code m·(p⁴ − p² + 1)/r} instead of {@code (p⁴ − p² + 1)/r}; so its
     * pairing values, and the {@code vk_alphabeta_12} it writes, are our {@code e(P, Q)} to the power m
     * (checked against {@code snarkjs zkey export verificationkey} output). Both are non-degenerate
     * bilinear pairings (m is not a multiple of r) and agree on which products equal 1, so only this
     * exported value is affected.
     */
    public static final BigInteger SNARKJS_GT_EXPONENT;

    static {
        BigInteger x = io.zkml4j.algebra.Bn254.X;
        SNARKJS_GT_EXPONENT = x.shiftLeft(1).multiply(
                x.pow(2).multiply(BigInteger.valueOf(6)).add(x.multiply(BigInteger.valueOf(3))).add(BigInteger.ONE));
    }

    private static final Pattern DECIMAL = Pattern.compile("0|[1-9][0-9]{0,100}");

    private SnarkjsJson() {
    }

    // ---- proof.json -----------------------------------------------------------------------------

    /** The text of {@code proof.json} for {@code proof}. */
    public static String proofJson(Proof proof) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pi_a", g1(proof.a()));
        m.put("pi_b", g2(proof.b()));
        m.put("pi_c", g1(proof.c()));
        m.put("protocol", "groth16");
        m.put("curve", "bn128");
        return BfjWriter.write(m);
    }

    public static void writeProof(Proof proof, Path path) {
        writeAtomically(path, proofJson(proof));
    }

    /** Reads and validates {@code proof.json}. */
    public static Proof readProof(Path path) {
        return parseProof(read(path), name(path));
    }

    /** Parses the text of a {@code proof.json}; {@code source} names it in messages. */
    public static Proof parseProof(String json, String source) {
        Ctx ctx = new Ctx(source);
        JsonNode root = ctx.parse(json);
        ctx.requireObject(root, "", Set.of("pi_a", "pi_b", "pi_c", "protocol", "curve"),
                Set.of("pi_a", "pi_b", "pi_c"));
        ctx.checkConstant(root, "protocol", "groth16");
        ctx.checkConstant(root, "curve", "bn128");
        G1Affine a = ctx.g1(root.get("pi_a"), "pi_a");
        G2Affine b = ctx.g2(root.get("pi_b"), "pi_b");
        G1Affine c = ctx.g1(root.get("pi_c"), "pi_c");
        return Proof.of(a, b, c);
    }

    // ---- public.json ----------------------------------------------------------------------------

    /** The text of {@code public.json} for the given signals. */
    public static String publicSignalsJson(List<Fr> signals) {
        List<Object> l = new ArrayList<>();
        for (Fr f : signals) {
            l.add(f.toBigInteger().toString());
        }
        return BfjWriter.write(l);
    }

    public static void writePublicSignals(List<Fr> signals, Path path) {
        writeAtomically(path, publicSignalsJson(signals));
    }

    /** Reads {@code public.json}: every entry a decimal string below r. */
    public static List<Fr> readPublicSignals(Path path) {
        return parsePublicSignals(read(path), name(path));
    }

    public static List<Fr> parsePublicSignals(String json, String source) {
        Ctx ctx = new Ctx(source);
        JsonNode root = ctx.parse(json);
        if (!root.isArray()) {
            throw ctx.error("", "expected an array of decimal strings (the public signals) but got "
                    + kind(root));
        }
        List<Fr> out = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) {
            out.add(Fr.of(ctx.integer(root.get(i), "[" + i + "]", Fr.MODULUS, "r (the scalar field)")));
        }
        return out;
    }

    // ---- verification_key.json ------------------------------------------------------------------

    /** The text of {@code verification_key.json}, as {@code snarkjs zkey export verificationkey} writes it. */
    public static String verificationKeyJson(VerifyingKey vk) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("protocol", "groth16");
        m.put("curve", "bn128");
        m.put("nPublic", vk.nPublic());
        m.put("vk_alpha_1", g1(vk.alpha1()));
        m.put("vk_beta_2", g2(vk.beta2()));
        m.put("vk_gamma_2", g2(vk.gamma2()));
        m.put("vk_delta_2", g2(vk.delta2()));
        m.put("vk_alphabeta_12", gt(vk.alphaBeta().pow(SNARKJS_GT_EXPONENT)));
        List<Object> ic = new ArrayList<>();
        for (G1Affine p : vk.ic()) {
            ic.add(g1(p));
        }
        m.put("IC", ic);
        return BfjWriter.write(m);
    }

    public static void writeVerificationKey(VerifyingKey vk, Path path) {
        writeAtomically(path, verificationKeyJson(vk));
    }

    /**
     * Reads {@code verification_key.json}. {@code nPublic} must equal the number of IC points minus one;
     * {@code vk_alphabeta_12}, when present, must equal {@code e(alpha1, beta2)^m} with
     * {@code m =} {@link #SNARKJS_GT_EXPONENT} (one pairing).
     */
    public static VerifyingKey readVerificationKey(Path path) {
        return parseVerificationKey(read(path), name(path));
    }

    public static VerifyingKey parseVerificationKey(String json, String source) {
        Ctx ctx = new Ctx(source);
        JsonNode root = ctx.parse(json);
        ctx.requireObject(root, "", Set.of("protocol", "curve", "nPublic", "vk_alpha_1", "vk_beta_2", "vk_gamma_2",
                "vk_delta_2", "vk_alphabeta_12", "IC"), Set.of("protocol", "nPublic", "vk_alpha_1", "vk_beta_2",
                "vk_gamma_2", "vk_delta_2", "IC"));
        ctx.checkConstant(root, "protocol", "groth16");
        ctx.checkConstant(root, "curve", "bn128");
        JsonNode np = root.get("nPublic");
        if (!np.isIntegralNumber() || !np.canConvertToInt() || np.intValue() < 0) {
            throw ctx.error("nPublic", "expected a non-negative integer but got " + np);
        }
        G1Affine alpha = ctx.g1(root.get("vk_alpha_1"), "vk_alpha_1");
        G2Affine beta = ctx.g2(root.get("vk_beta_2"), "vk_beta_2");
        G2Affine gamma = ctx.g2(root.get("vk_gamma_2"), "vk_gamma_2");
        G2Affine delta = ctx.g2(root.get("vk_delta_2"), "vk_delta_2");
        JsonNode icNode = root.get("IC");
        if (!icNode.isArray()) {
            throw ctx.error("IC", "expected an array of G1 points but got " + kind(icNode));
        }
        if (icNode.size() != np.intValue() + 1) {
            throw ctx.error("IC", "has " + icNode.size() + " points but nPublic = " + np.intValue()
                    + " requires nPublic + 1 = " + (np.intValue() + 1));
        }
        List<G1Affine> ic = new ArrayList<>();
        for (int i = 0; i < icNode.size(); i++) {
            ic.add(ctx.g1(icNode.get(i), "IC[" + i + "]"));
        }
        VerifyingKey vk = VerifyingKey.of(alpha, beta, gamma, delta, ic);
        if (root.has("vk_alphabeta_12")) {
            Fq12 given = ctx.fq12(root.get("vk_alphabeta_12"), "vk_alphabeta_12");
            if (!given.equals(vk.alphaBeta().pow(SNARKJS_GT_EXPONENT).value())) {
                throw ctx.error("vk_alphabeta_12", "does not equal e(vk_alpha_1, vk_beta_2) (in snarkjs's "
                        + "normalisation, see SNARKJS_GT_EXPONENT)");
            }
        }
        return vk;
    }

    // ---- Encoding helpers -------------------------------------------------------------------------

    private static List<Object> g1(G1Affine p) {
        if (p.isInfinity()) {
            return List.of("0", "1", "0");
        }
        return List.of(dec(p.x()), dec(p.y()), "1");
    }

    private static List<Object> g2(G2Affine p) {
        if (p.isInfinity()) {
            return List.of(List.of("0", "0"), List.of("1", "0"), List.of("0", "0"));
        }
        return List.of(fq2(p.x()), fq2(p.y()), List.of("1", "0"));
    }

    private static List<Object> fq2(Fq2 v) {
        return List.of(dec(v.c0()), dec(v.c1()));
    }

    private static List<Object> fq6(Fq6 v) {
        return List.of(fq2(v.c0()), fq2(v.c1()), fq2(v.c2()));
    }

    private static List<Object> gt(Gt g) {
        Fq12 v = g.value();
        return List.of(fq6(v.c0()), fq6(v.c1()));
    }

    private static String dec(Fq v) {
        return v.toBigInteger().toString();
    }

    // ---- Files ----------------------------------------------------------------------------------

    private static String read(Path path) {
        Objects.requireNonNull(path, "path");
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            throw new Groth16Exception(name(path) + ": cannot read: " + e, e);
        }
    }

    private static String name(Path path) {
        Path fn = path.getFileName();
        return fn == null ? path.toString() : fn.toString();
    }

    /** Writes {@code text} to a temporary file next to {@code path} and renames it into place. */
    static void writeAtomically(Path path, String text) {
        Objects.requireNonNull(path, "path");
        Path abs = path.toAbsolutePath();
        Path temp = null;
        try {
            temp = Files.createTempFile(abs.getParent(), "." + name(abs) + ".", ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try {
                Files.move(temp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw new Groth16Exception(name(abs) + ": cannot write: " + e, e);
        }
    }

    private static String kind(JsonNode n) {
        return n == null ? "nothing" : n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parsing context: the source name for messages. */
    private record Ctx(String source) {

        JsonNode parse(String json) {
            try {
                JsonNode n = MAPPER.readTree(json);
                if (n == null || n.isMissingNode()) {
                    throw new Groth16Exception(source + ": is empty, expected JSON");
                }
                return n;
            } catch (JsonProcessingException e) {
                throw new Groth16Exception(source + ": malformed JSON: " + e.getOriginalMessage()
                        + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr() + ")"), e);
            }
        }

        Groth16Exception error(String field, String problem) {
            return new Groth16Exception(source + ": " + (field.isEmpty() ? "" : "field " + field + ": ") + problem);
        }

        void requireObject(JsonNode n, String field, Set<String> allowed, Set<String> required) {
            if (!n.isObject()) {
                throw error(field, "expected a JSON object but got " + kind(n));
            }
            for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!allowed.contains(k)) {
                    throw error(k, "unexpected key; expected only " + new java.util.TreeSet<>(allowed));
                }
            }
            for (String k : required) {
                if (!n.has(k)) {
                    throw error(k, "is missing");
                }
            }
        }

        void checkConstant(JsonNode root, String key, String expected) {
            JsonNode v = root.get(key);
            if (v != null && !(v.isTextual() && v.textValue().equals(expected))) {
                throw error(key, "expected \"" + expected + "\" but got " + v);
            }
        }

        BigInteger integer(JsonNode n, String field, BigInteger bound, String boundName) {
            if (n == null || !n.isTextual()) {
                throw error(field, "expected a decimal string but got " + (n == null ? "nothing" : n.toString()));
            }
            String s = n.textValue();
            if (!DECIMAL.matcher(s).matches()) {
                throw error(field, "expected a decimal string without sign or leading zeros but got \"" + s + "\"");
            }
            BigInteger v = new BigInteger(s);
            if (v.compareTo(bound) >= 0) {
                throw error(field, "value " + s + " is not below " + boundName + " (non-canonical encoding)");
            }
            return v;
        }

        Fq fq(JsonNode n, String field) {
            return Fq.of(integer(n, field, Fq.MODULUS, "q (the base field)"));
        }

        JsonNode array(JsonNode n, String field, int size) {
            if (n == null || !n.isArray() || n.size() != size) {
                throw error(field, "expected an array of " + size + " elements but got "
                        + (n == null ? "nothing" : n.isArray() ? n.size() + " elements" : kind(n)));
            }
            return n;
        }

        Fq2 fq2(JsonNode n, String field) {
            array(n, field, 2);
            return Fq2.of(fq(n.get(0), field + "[0]"), fq(n.get(1), field + "[1]"));
        }

        G1Affine g1(JsonNode n, String field) {
            array(n, field, 3);
            Fq x = fq(n.get(0), field + "[0]");
            Fq y = fq(n.get(1), field + "[1]");
            Fq z = fq(n.get(2), field + "[2]");
            if (z.isZero()) {
                if (x.isZero() && y.isOne()) {
                    return G1Affine.INFINITY;
                }
                throw error(field, "z = 0 but the point is not [\"0\", \"1\", \"0\"], the point at infinity");
            }
            if (!z.isOne()) {
                throw error(field + "[2]", "expected \"1\" (affine coordinates) but got " + n.get(2));
            }
            try {
                return G1Affine.of(x, y);
            } catch (InvalidEncodingException e) {
                throw error(field, "the point is not on the BN254 G1 curve y² = x³ + 3");
            }
        }

        G2Affine g2(JsonNode n, String field) {
            array(n, field, 3);
            Fq2 x = fq2(n.get(0), field + "[0]");
            Fq2 y = fq2(n.get(1), field + "[1]");
            Fq2 z = fq2(n.get(2), field + "[2]");
            if (z.isZero()) {
                if (x.isZero() && y.isOne()) {
                    return G2Affine.INFINITY;
                }
                throw error(field, "z = 0 but the point is not the point at infinity [[0,0],[1,0],[0,0]]");
            }
            if (!z.isOne()) {
                throw error(field + "[2]", "expected [\"1\", \"0\"] (affine coordinates) but got " + n.get(2));
            }
            G2Affine p;
            try {
                p = G2Affine.ofOnCurve(x, y);
            } catch (InvalidEncodingException e) {
                throw error(field, "the point is not on the BN254 G2 twist curve");
            }
            if (!p.isInSubgroup()) {
                throw error(field, "the point is on the twist but not in the order-r subgroup G2");
            }
            return p;
        }

        Fq12 fq12(JsonNode n, String field) {
            array(n, field, 2);
            Fq6[] c = new Fq6[2];
            for (int i = 0; i < 2; i++) {
                JsonNode six = array(n.get(i), field + "[" + i + "]", 3);
                c[i] = Fq6.of(fq2(six.get(0), field + "[" + i + "][0]"), fq2(six.get(1), field + "[" + i + "][1]"),
                        fq2(six.get(2), field + "[" + i + "][2]"));
            }
            return Fq12.of(c[0], c[1]);
        }
    }
}
