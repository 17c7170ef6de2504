package io.zkml4j.r1cs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zkml4j.algebra.Bn254;
import io.zkml4j.algebra.field.Fr;
import io.zkml4j.algebra.test.SeedExtension;
import io.zkml4j.algebra.test.Seeds;
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
class WtnsFileTest {

    @TempDir
    Path tmp;

    @Test
    void randomWitnessesRoundTripInSnarkjsLayout() throws IOException {
        SplittableRandom rng = Seeds.rng("wtns-roundtrip");
        for (int round = 0; round < 20; round++) {
            Fr[] values = new Fr[rng.nextInt(0, 50)];
            Payload expectedValues = Payload.create();
            for (int i = 0; i < values.length; i++) {
                values[i] = Fr.random(rng);
                expectedValues.le32(values[i].toBigInteger());
            }
            Path p = tmp.resolve("w.wtns");
            WtnsFile.write(Witness.of(values), p);
            byte[] expected = SectionFiles.file("wtns", 2, 2)
                    .section(1, Payload.create().u32(32).le32(Bn254.R).u32(values.length).build())
                    .section(2, expectedValues.build()).bytes();
            assertThat(Files.readAllBytes(p)).isEqualTo(expected);
            assertThat(WtnsFile.read(p)).isEqualTo(Witness.of(values));
        }
    }

    Path file(String name, byte[] header, byte[] values) throws IOException {
        Path p = tmp.resolve(name);
        Files.write(p, SectionFiles.file("wtns", 2, 2).section(2, values).section(1, header).bytes());
        return p;
    }

    @Test
    void valuesSectionFirstIsAccepted() throws IOException {
        Path p = file("v.wtns", Payload.create().u32(32).le32(Bn254.R).u32(2).build(),
                Payload.create().le32(BigInteger.ONE).le32(BigInteger.TEN).build());
        assertThat(WtnsFile.read(p)).isEqualTo(Witness.of(Fr.ONE, Fr.of(10)));
    }

    @Test
    void malformedFilesAreNamed() throws IOException {
        byte[] header = Payload.create().u32(32).le32(Bn254.R).u32(0xFFFF_FFFFL).build();
        assertThatThrownBy(() -> WtnsFile.read(file("n.wtns", header, new byte[64]))).hasMessage(
                "n.wtns: section 2 (witness values): holds 64 bytes but the header declares 4294967295 values of 32 "
                        + "bytes = 137438953440 bytes");
        byte[] h1 = Payload.create().u32(32).le32(Bn254.R).u32(1).build();
        assertThatThrownBy(() -> WtnsFile.read(file("r.wtns", h1, Payload.create().le32(Bn254.R).build())))
                .hasMessage("r.wtns: section 2 (witness values): value 0 is " + Bn254.R + ", not below r");
        byte[] longHeader = Payload.create().u32(32).le32(Bn254.R).u32(1).u32(0).build();
        assertThatThrownBy(() -> WtnsFile.read(file("h.wtns", longHeader, new byte[32]))).hasMessage(
                "h.wtns: section 1 (header): has 4 bytes after n8, the prime and the number of values (40 of 44 bytes used)");
        byte[] wrongPrime = Payload.create().u32(32).le32(Bn254.P).u32(1).build();
        assertThatThrownBy(() -> WtnsFile.read(file("p.wtns", wrongPrime, new byte[32])))
                .hasMessageStartingWith("p.wtns: section 1 (header): prime is " + Bn254.P);
        Path v1 = tmp.resolve("v1.wtns");
        Files.write(v1, SectionFiles.file("wtns", 1, 2).section(1, h1).section(2, new byte[32]).bytes());
        assertThatThrownBy(() -> WtnsFile.read(v1)).hasMessage("v1.wtns: 'wtns' version 1 is not supported (expected 2)");
        Path r1cs = tmp.resolve("x.wtns");
        Files.write(r1cs, SectionFiles.file("r1cs", 1, 0).bytes());
        assertThatThrownBy(() -> WtnsFile.read(r1cs))
                .hasMessage("x.wtns: not a 'wtns' file: it starts with 'r1cs' (72316373)");
    }
}
