package io.zkml4j.r1cs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zkml4j.algebra.Bn254;
import io.zkml4j.algebra.field.Fr;
import io.zkml4j.algebra.test.SeedExtension;
import io.zkml4j.algebra.test.Seeds;
import io.zkml4j.r1cs.binfile.BinFileException;
import io.zkml4j.r1cs.test.SectionFiles;
import io.zkml4j.r1cs.test.SectionFiles.Payload;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SeedExtension.class)
class R1csFileTest {

    @TempDir
    Path tmp;

    static R1cs randomR1cs(SplittableRandom rng) {
        int outs = rng.nextInt(0, 4);
        int ins = rng.nextInt(0, 4);
        int prv = rng.nextInt(0, 4);
        int wires = 1 + outs + ins + prv + rng.nextInt(0, 20);
        long labels = wires + rng.nextInt(0, 10);
        long[] map = new long[wires];
        for (int i = 1; i < wires; i++) {
            map[i] = map[i - 1] + 1 + (labels - map[i - 1] - 1 > wires - i ? rng.nextInt(0, 2) : 0);
        }
        R1cs.Builder b = R1cs.builder().wires(wires).publicOutputs(outs).publicInputs(ins).privateInputs(prv)
                .labels(labels).wireToLabel(map);
        for (int i = rng.nextInt(0, 30); i > 0; i--) {
            b.add(randomLc(rng, wires), randomLc(rng, wires), randomLc(rng, wires));
        }
        return b.build();
    }

    static LinearCombination randomLc(SplittableRandom rng, int wires) {
        LinearCombination.Builder b = LinearCombination.builder();
        for (int t = rng.nextInt(0, 6); t > 0; t--) {
            b.add(rng.nextInt(0, wires), rng.nextBoolean() ? Fr.of(rng.nextLong(-5, 5)) : Fr.random(rng));
        }
        return b.build();
    }

    @Test
    void randomSystemsRoundTripAndRewriteIdentically() throws IOException {
        SplittableRandom rng = Seeds.rng("r1cs-file-roundtrip");
        for (int round = 0; round < 40; round++) {
            R1cs r = randomR1cs(rng);
            Path p1 = tmp.resolve("a.r1cs");
            Path p2 = tmp.resolve("b.r1cs");
            R1csFile.write(r, p1);
            R1cs back = R1csFile.read(p1);
            assertThat(back).isEqualTo(r);
            R1csFile.write(back, p2);
            assertThat(Files.readAllBytes(p2)).isEqualTo(Files.readAllBytes(p1));
        }
    }

    /** Builds an .r1cs by hand: header fields, then constraints payload, then identity map. */
    static byte[] r1cs(BigInteger prime, int n8, long wires, long m, byte[] constraints) {
        Payload h = Payload.create().u32(n8);
        byte[] primeBytes = new byte[n8];
        byte[] le = Payload.create().le32(prime).build();
        System.arraycopy(le, 0, primeBytes, 0, Math.min(n8, 32));
        h.bytes(primeBytes).u32(wires).u32(1).u32(0).u32(1).u64(wires).u32(m);
        Payload map = Payload.create();
        for (int i = 0; i < wires; i++) {
            map.u64(i);
        }
        return SectionFiles.file("r1cs", 1, 3).section(1, h.build()).section(2, constraints)
                .section(3, map.build()).bytes();
    }

    static Payload lc(Payload p, long... wireValuePairs) {
        p.u32(wireValuePairs.length / 2);
        for (int i = 0; i < wireValuePairs.length; i += 2) {
            p.u32(wireValuePairs[i]).le32(BigInteger.valueOf(wireValuePairs[i + 1]));
        }
        return p;
    }

    Path file(String name, byte[] bytes) throws IOException {
        Path p = tmp.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    @Test
    void headerFirstLayoutAsSnarkjsWritesItIsAccepted() throws IOException {
        Payload c = Payload.create();
        lc(c, 1, 1);
        lc(c, 2, 1);
        lc(c, 3, 1);
        R1cs r = R1csFile.read(file("h.r1cs", r1cs(Bn254.R, 32, 4, 1, c.build())));
        assertThat(r.constraint(0)).hasToString("(w1) · (w2) = w3");
        assertThat(r.check(Witness.of(Fr.ONE, Fr.of(3), Fr.of(5), Fr.of(15))).isSatisfied()).isTrue();
    }

    @Test
    void unsortedTermsAreSortedAndZeroCoefficientsDropped() throws IOException {
        Payload c = Payload.create();
        lc(c, 3, 7, 1, 2, 2, 0);
        lc(c);
        lc(c, 0, 1);
        R1cs r = R1csFile.read(file("u.r1cs", r1cs(Bn254.R, 32, 4, 1, c.build())));
        assertThat(r.constraint(0).a()).isEqualTo(LinearCombination.builder().add(1, 2).add(3, 7).build());
        assertThat(r.constraint(0).b().isZero()).isTrue();
    }

    @Test
    void formatViolationsAreNamed() throws IOException {
        Payload dup = Payload.create();
        lc(dup, 2, 1, 2, 5);
        lc(dup);
        lc(dup);
        assertThatThrownBy(() -> R1csFile.read(file("d.r1cs", r1cs(Bn254.R, 32, 4, 1, dup.build()))))
                .isInstanceOf(BinFileException.class)
                .hasMessage("d.r1cs: section 2 (constraints): constraint 0: A lists wire 2 twice");

        Payload far = Payload.create();
        lc(far);
        lc(far, 4, 1);
        lc(far);
        assertThatThrownBy(() -> R1csFile.read(file("w.r1cs", r1cs(Bn254.R, 32, 4, 1, far.build()))))
                .hasMessage("w.r1cs: section 2 (constraints): constraint 0: B term 0 uses wire 4 but there are only 4 wires");

        Payload big = Payload.create().u32(0).u32(0).u32(1).u32(1).le32(Bn254.R);
        assertThatThrownBy(() -> R1csFile.read(file("c.r1cs", r1cs(Bn254.R, 32, 4, 1, big.build()))))
                .hasMessage("c.r1cs: section 2 (constraints): constraint 0: C coefficient of wire 1 is " + Bn254.R
                        + ", not below r");

        assertThatThrownBy(() -> R1csFile.read(file("m.r1cs", r1cs(Bn254.R, 32, 4, 0xFFFF_FFFFL, new byte[36]))))
                .hasMessage("m.r1cs: section 2 (constraints): holds 36 bytes, room for at most 3 constraints of at "
                        + "least 12 bytes, but the header declares 4294967295");

        Payload manyTerms = Payload.create().u32(0xFFFF_FFFFL).bytes(new byte[60]);
        assertThatThrownBy(() -> R1csFile.read(file("t.r1cs", r1cs(Bn254.R, 32, 4, 1, manyTerms.build()))))
                .hasMessage("t.r1cs: section 2 (constraints): constraint 0: A declares 4294967295 terms of 36 bytes "
                        + "but only 60 bytes remain");

        Payload extra = Payload.create();
        lc(extra);
        lc(extra);
        lc(extra);
        extra.u32(0);
        assertThatThrownBy(() -> R1csFile.read(file("e.r1cs", r1cs(Bn254.R, 32, 4, 1, extra.build()))))
                .hasMessage("e.r1cs: section 2 (constraints): has 4 bytes after 1 constraints (12 of 16 bytes used)");
    }

    @Test
    void otherPrimesAndFieldSizesAreRejectedClearly() throws IOException {
        BigInteger bls12381r = new BigInteger(
                "52435875175126190479447740508185965837690552500527637822603658699938581184513");
        assertThatThrownBy(() -> R1csFile.read(file("bls.r1cs", r1cs(bls12381r, 32, 1, 0, new byte[0]))))
                .hasMessage("bls.r1cs: section 1 (header): prime is " + bls12381r
                        + ", not BN254's scalar field r = " + Bn254.R
                        + " (only circom's default --prime bn128 is supported)");
        assertThatThrownBy(() -> R1csFile.read(file("q.r1cs", r1cs(Bn254.P, 32, 1, 0, new byte[0]))))
                .hasMessageContaining("prime is " + Bn254.P + ", not BN254's scalar field");
        assertThatThrownBy(() -> R1csFile.read(file("g.r1cs", r1cs(BigInteger.valueOf(0xFFFFFFFF00000001L)
                .and(BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE)), 8, 1, 0, new byte[0]))))
                .hasMessage("g.r1cs: section 1 (header): field element size is 8 bytes; expected 32 "
                        + "(only BN254's scalar field is supported)");
    }

    @Test
    void inconsistentHeaderCountsAreRejected() throws IOException {
        Payload h = Payload.create().u32(32).le32(Bn254.R).u32(3).u32(2).u32(1).u32(1).u64(3).u32(0);
        Path p = file("io.r1cs", SectionFiles.file("r1cs", 1, 3).section(1, h.build()).section(2, new byte[0])
                .section(3, new byte[24]).bytes());
        assertThatThrownBy(() -> R1csFile.read(p)).hasMessage("io.r1cs: section 1 (header): declares 1 constant + 2 "
                + "public outputs + 1 public inputs + 1 private inputs = 5 wires, more than its 3 wires");

        Payload zero = Payload.create().u32(32).le32(Bn254.R).u32(0).u32(0).u32(0).u32(0).u64(0).u32(0);
        Path z = file("z.r1cs", SectionFiles.file("r1cs", 1, 3).section(1, zero.build()).section(2, new byte[0])
                .section(3, new byte[0]).bytes());
        assertThatThrownBy(() -> R1csFile.read(z))
                .hasMessage("z.r1cs: section 1 (header): declares 0 wires; wire 0, the constant 1, always exists");

        Payload ok = Payload.create().u32(32).le32(Bn254.R).u32(2).u32(0).u32(0).u32(0).u64(1).u32(0);
        Path badMap = file("map.r1cs", SectionFiles.file("r1cs", 1, 3).section(1, ok.build()).section(2, new byte[0])
                .section(3, Payload.create().u64(0).u64(1).build()).bytes());
        assertThatThrownBy(() -> R1csFile.read(badMap)).hasMessage(
                "map.r1cs: section 3 (wire-to-label map): wire 1 maps to label 1 but the header declares 1 labels");
        Path shortMap = file("sm.r1cs", SectionFiles.file("r1cs", 1, 3).section(1, ok.build())
                .section(2, new byte[0]).section(3, new byte[8]).bytes());
        assertThatThrownBy(() -> R1csFile.read(shortMap)).hasMessage(
                "sm.r1cs: section 3 (wire-to-label map): holds 8 bytes but 2 wires need 8 bytes each = 16");
    }

    @Test
    void customGatesAreRejected() throws IOException {
        Payload ok = Payload.create().u32(32).le32(Bn254.R).u32(1).u32(0).u32(0).u32(0).u64(1).u32(0);
        Path p = file("plonk.r1cs", SectionFiles.file("r1cs", 1, 4).section(1, ok.build()).section(2, new byte[0])
                .section(3, new byte[8]).section(4, new byte[4]).bytes());
        assertThatThrownBy(() -> R1csFile.read(p)).hasMessage(
                "plonk.r1cs: uses circom custom gates (sections 4 and 5, a PLONK extension), which Groth16 cannot prove");
    }
}
