package io.zkml4j.groth16.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zkml4j.groth16.Fixtures;
import io.zkml4j.groth16.ptau.PowersOfTau;
import io.zkml4j.groth16.ptau.PtauFixtures;
import io.zkml4j.r1cs.R1cs;
import io.zkml4j.r1cs.R1csFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Setup against a committed snarkjs setup of the same circuit and ptau (no Node needed). */
class Groth16SetupTest {

    @TempDir
    Path dir;

    @Test
    void reproducesSnarkjsSetupByteForByteWithItsCircuitHash() throws Exception {
        R1cs r1cs = R1csFile.read(Fixtures.circom(Fixtures.MULTIPLIER, "r1cs"));
        Path out = dir.resolve("multiplier.zkey");
        byte[] csHash = Groth16Setup.newZkey(r1cs, PtauFixtures.prepared(), out);
        assertThat(csHash).isEqualTo(PtauFixtures.MULTIPLIER_CIRCUIT_HASH);
        assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(PtauFixtures.multiplierZkey()));
    }

    @Test
    void refusesUnpreparedAndTooSmallCeremonies() {
        R1cs r1cs = R1csFile.read(Fixtures.circom(Fixtures.MULTIPLIER, "r1cs"));
        Path fresh = dir.resolve("fresh.ptau");
        PowersOfTau.newCeremony(2, fresh);
        assertThatThrownBy(() -> Groth16Setup.newZkey(r1cs, fresh, dir.resolve("a.zkey")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not prepared");
        Path prepared = dir.resolve("prepared.ptau");
        PowersOfTau.preparePhase2(fresh, prepared);
        // 3 constraints + 3 public rows need 2^3 points; the file has power 2.
        assertThatThrownBy(() -> Groth16Setup.newZkey(r1cs, prepared, dir.resolve("b.zkey")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2^3")
                .hasMessageContaining("power 2");
        assertThat(dir.resolve("b.zkey")).doesNotExist();
    }
}
