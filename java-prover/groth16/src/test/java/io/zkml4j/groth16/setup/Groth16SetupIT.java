package io.zkml4j.groth16.setup;

import static org.assertj.core.api.Assertions.assertThat;

import io.zkml4j.groth16.Fixtures;
import io.zkml4j.groth16.Groth16;
import io.zkml4j.groth16.ProofWithPublicSignals;
import io.zkml4j.groth16.ProvingKey;
import io.zkml4j.groth16.ptau.PowersOfTau;
import io.zkml4j.groth16.ptau.SnarkjsEncoding;
import io.zkml4j.groth16.zkey.ZkeyFile;
import io.zkml4j.r1cs.R1cs;
import io.zkml4j.r1cs.R1csFile;
import io.zkml4j.r1cs.Witness;
import io.zkml4j.r1cs.WtnsFile;
import io.zkml4j.testchain.Snarkjs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Groth16 setup and phase-2 contributions against snarkjs 0.7.6. */
class Groth16SetupIT {

    private static Snarkjs snarkjs;
    private static Path ptau;

    @TempDir
    Path dir;

    @BeforeAll
    static void locate() {
        snarkjs = Snarkjs.locate();
        ptau = snarkjs.cachedPreparedPtau(8);
    }

    @ParameterizedTest
    @ValueSource(strings = {Fixtures.MULTIPLIER, Fixtures.LESSTHAN})
    @Timeout(60)
    void setupIsByteIdenticalToSnarkjs(String circuit) throws Exception {
        Path r1cs = Fixtures.circom(circuit, "r1cs");
        Path ours = dir.resolve("ours.zkey");
        Path theirs = dir.resolve("theirs.zkey");
        byte[] csHash = Groth16Setup.newZkey(R1csFile.read(r1cs), ptau, ours);
        snarkjs.groth16Setup(r1cs, ptau, theirs);
        assertThat(Files.readAllBytes(ours)).isEqualTo(Files.readAllBytes(theirs));
        assertThat(ZkeyContribution.parse(ZkeyFile.read(ours).contributions()).circuitHash()).isEqualTo(csHash);
        assertThat(snarkjs.zkeyVerify(r1cs, ptau, ours)).isTrue();
    }

    @Test
    @Timeout(120)
    void contributionsChainAcrossBothToolsAndKeepProving() throws Exception {
        Path r1cs = Fixtures.circom(Fixtures.LESSTHAN, "r1cs");
        Path z0 = dir.resolve("z0.zkey");
        Path z1 = dir.resolve("z1.zkey");
        Path z2 = dir.resolve("z2.zkey");
        Path z3 = dir.resolve("z3.zkey");
        Path z4 = dir.resolve("z4.zkey");
        Groth16Setup.newZkey(R1csFile.read(r1cs), ptau, z0);
        ZkeyContribution.Result first = ZkeyContribution.contribute(z0, z1, "zkml4j one", "entropy one",
                new Random(11));
        assertThat(snarkjs.zkeyVerify(r1cs, ptau, z1)).isTrue();
        snarkjs.zkeyContribute(z1, z2, "snarkjs two", "entropy two");
        assertThat(snarkjs.zkeyVerify(r1cs, ptau, z2)).isTrue();
        ZkeyContribution.contribute(z2, z3, "zkml4j three", "entropy three", new Random(13));
        assertThat(snarkjs.zkeyVerify(r1cs, ptau, z3)).isTrue();
        snarkjs.zkeyContribute(z3, z4, "snarkjs four", "entropy four");
        assertThat(snarkjs.zkeyVerify(r1cs, ptau, z4)).isTrue();

        ZkeyContribution.Transcript t = ZkeyContribution.parse(ZkeyFile.read(z4).contributions());
        assertThat(t.records()).hasSize(4);
        assertThat(t.records().get(1).name()).contains("snarkjs two");
        assertThat(t.records().get(0).contributionHash()).isEqualTo(first.contributionHash());
        assertThat(first.formattedHash()).isEqualTo(SnarkjsEncoding.formatHash(first.contributionHash(),
                "Contribution Hash: "));

        // Our contributed key proves with snarkjs's prover and with ours; snarkjs verifies both.
        Path vk = dir.resolve("vk.json");
        snarkjs.zkeyExportVerificationKey(z3, vk);
        Path witness = Fixtures.circom(Fixtures.LESSTHAN, "wtns");
        Path proof = dir.resolve("proof.json");
        Path pub = dir.resolve("public.json");
        snarkjs.groth16Prove(z3, witness, proof, pub);
        assertThat(snarkjs.groth16Verify(vk, pub, proof)).isTrue();

        ProvingKey key = ZkeyFile.read(z3);
        Witness w = WtnsFile.read(witness);
        ProofWithPublicSignals p = Groth16.prove(key, w, new Random(5));
        assertThat(Groth16.verify(key.verifyingKey(), p.publicSignals(), p.proof())).isTrue();
    }

    @Test
    @Timeout(120)
    void setupFromOurOwnCeremonyIsAcceptedBySnarkjs() throws Exception {
        Path p0 = dir.resolve("p0.ptau");
        Path p1 = dir.resolve("p1.ptau");
        Path p2 = dir.resolve("p2.ptau");
        PowersOfTau.newCeremony(5, p0);
        PowersOfTau.contribute(p0, p1, "dev", "dev entropy", new Random(7));
        PowersOfTau.preparePhase2(p1, p2);
        Path r1cs = Fixtures.circom(Fixtures.MULTIPLIER, "r1cs");
        R1cs system = R1csFile.read(r1cs);
        Path ours = dir.resolve("ours.zkey");
        Path theirs = dir.resolve("theirs.zkey");
        Groth16Setup.newZkey(system, p2, ours);
        snarkjs.groth16Setup(r1cs, p2, theirs);
        assertThat(Files.readAllBytes(ours)).isEqualTo(Files.readAllBytes(theirs));
        assertThat(snarkjs.zkeyVerify(r1cs, p2, ours)).isTrue();
    }
}
