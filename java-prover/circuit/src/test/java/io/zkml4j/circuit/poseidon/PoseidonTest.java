package io.zkml4j.circuit.poseidon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zkml4j.algebra.field.Fr;
import io.zkml4j.circuit.CountingBuilder;
import io.zkml4j.circuit.Var;
import io.zkml4j.circuit.gadgets.PoseidonGadget;
import io.zkml4j.circuit.testing.Runs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Native Poseidon and the gadget against hashes computed by circomlibjs 0.1.7 (committed in
 * {@code circomlibjs-vectors.csv}, made by {@code scripts/poseidon-vectors.mjs}), and the generated
 * constants pinned by a digest that {@code PoseidonCircomlibjsIT} recomputes from circomlibjs's table.
 */
class PoseidonTest {

    /** SHA-256 of the constants for t = 2..17 in {@link #constantsDigest()}'s layout. */
    static final String CONSTANTS_DIGEST = "5243c148ce09f35ab26d165cebb81c7effd00e89f3c0ae46df35177bebee4135";

    record Vector(Fr[] inputs, Fr hash) {
    }

    static List<Vector> vectors() {
        try {
            Path p = Path.of(PoseidonTest.class.getResource("circomlibjs-vectors.csv").toURI());
            List<Vector> out = new ArrayList<>();
            for (String line : Files.readAllLines(p)) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] parts = line.split(";");
                Fr[] in = Arrays.stream(parts[1].split(",")).map(s -> Fr.of(new BigInteger(s))).toArray(Fr[]::new);
                assertThat(in).hasSize(Integer.parseInt(parts[0]));
                out.add(new Vector(in, Fr.of(new BigInteger(parts[2]))));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 over, for t = 2..17, every round constant then the MDS matrix row by row, 32-byte big-endian. */
    static String constantsDigest() throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (int n = 1; n <= PoseidonParameters.MAX_INPUTS; n++) {
            PoseidonParameters p = PoseidonParameters.forInputs(n);
            for (int r = 0; r < p.rounds(); r++) {
                for (int i = 0; i < p.width(); i++) {
                    sha.update(p.roundConstant(r, i).toBytesBE());
                }
            }
            for (int i = 0; i < p.width(); i++) {
                for (int j = 0; j < p.width(); j++) {
                    sha.update(p.mds(i, j).toBytesBE());
                }
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    @Test
    void nativeHashMatchesEveryCircomlibjsVector() {
        List<Vector> vs = vectors();
        assertThat(vs).hasSize(120);
        for (Vector v : vs) {
            assertThat(Poseidon.hash(v.inputs())).as("%s", Arrays.toString(v.inputs())).isEqualTo(v.hash());
        }
    }

    @Test
    void knownAnswers() {
        assertThat(Poseidon.hash(Fr.of(1), Fr.of(2))).isEqualTo(Fr.of(new BigInteger(
                "7853200120776062878684798364095072458815029376092732009249414926327459813530")));
        assertThat(Poseidon.hash(Fr.of(1))).isEqualTo(Fr.of(new BigInteger(
                "18586133768512220936620570745912940619677854269274689475585506675881198879027")));
    }

    @Test
    void constantsDigestIsPinned() throws Exception {
        assertThat(constantsDigest()).isEqualTo(CONSTANTS_DIGEST);
    }

    @Test
    void firstConstantsAreThePublishedOnes() {
        PoseidonParameters p = PoseidonParameters.forInputs(1);
        assertThat(p.roundConstant(0, 0).toBigInteger().toString(16))
                .isEqualTo("9c46e9ec68e9bd4fe1faaba294cba38a71aa177534cdd1b6c7dc0dbd0abd7a7");
        assertThat(p.mds(0, 0).toBigInteger().toString(16))
                .isEqualTo("66f6f85d6f68a85ec10345351a23a3aaf07f38af8c952a7bceca70bd2af7ad5");
        assertThat(p.roundsPartial()).isEqualTo(56);
        assertThat(PoseidonParameters.forInputs(16).roundsPartial()).isEqualTo(68);
    }

    @Test
    void gadgetMatchesNativeOnEngineAndR1csForEveryFourthVector() {
        List<Vector> all = vectors();
        List<Vector> vs = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 4) {
            vs.add(all.get(i));
        }
        List<Fr> out = Runs.outputs(api -> {
            PoseidonGadget g = new PoseidonGadget(api);
            for (Vector v : vs) {
                List<Var> in = new ArrayList<>();
                for (Fr x : v.inputs()) {
                    in.add(api.privateInput("x", x));
                }
                api.publicOutput("h", g.hash(in));
            }
        });
        for (int i = 0; i < vs.size(); i++) {
            assertThat(out.get(i)).isEqualTo(vs.get(i).hash());
        }
    }

    @ParameterizedTest
    @CsvSource({"1, 213", "2, 240", "3, 261", "4, 297", "5, 321", "6, 354"})
    void gadgetCostsThreeConstraintsPerNonConstantSbox(int n, int expected) {
        PoseidonParameters p = PoseidonParameters.forInputs(n);
        assertThat(3 * (8 * p.width() + p.roundsPartial()) - 3).isEqualTo(expected);
        CountingBuilder.Counts c = CountingBuilder.count(api -> {
            Var[] in = new Var[n];
            for (int i = 0; i < n; i++) {
                in[i] = api.privateInput("x", null);
            }
            new PoseidonGadget(api).hash(in);
        });
        assertThat(c.constraints()).isEqualTo(expected);
    }

    @Test
    void constantInputsFoldToTheNativeHashWithoutConstraints() {
        CountingBuilder.Counts c = CountingBuilder.count(api -> new PoseidonGadget(api).hash(api.constant(1),
                api.constant(2)));
        assertThat(c.constraints()).isZero();
        assertThat(Runs.outputs(api -> api.publicOutput("h",
                new PoseidonGadget(api).hash(api.constant(1), api.privateInput("y", 2)))))
                .containsExactly(Poseidon.hash(Fr.of(1), Fr.of(2)));
    }

    @Test
    void rejectsUnsupportedArity() {
        assertThatThrownBy(() -> Poseidon.hash()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Poseidon.hash(new Fr[17])).isInstanceOf(IllegalArgumentException.class);
    }
}
