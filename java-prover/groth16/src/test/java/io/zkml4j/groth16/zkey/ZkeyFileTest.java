package io.zkml4j.groth16.zkey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zkml4j.algebra.curve.PointSource;
import io.zkml4j.algebra.test.Seeds;
import io.zkml4j.groth16.Fixtures;
import io.zkml4j.groth16.Groth16;
import io.zkml4j.groth16.Groth16Exception;
import io.zkml4j.groth16.ProofWithPublicSignals;
import io.zkml4j.groth16.ProveOptions;
import io.zkml4j.groth16.ProvingKey;
import io.zkml4j.groth16.QapCoefficients;
import io.zkml4j.groth16.setup.DevSetup;
import io.zkml4j.groth16.setup.RandomCircuit;
import io.zkml4j.r1cs.Witness;
import io.zkml4j.r1cs.WtnsFile;
import io.zkml4j.r1cs.binfile.BinFileException;
import io.zkml4j.r1cs.binfile.BinFileReader;
import io.zkml4j.r1cs.binfile.Section;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZkeyFileTest {

    private static final Path CONTRIBUTED = Fixtures.multiplier("multiplier.zkey");
    private static final Path INITIAL = Fixtures.multiplier("multiplier_0000.zkey");

    @TempDir
    Path tmp;

    @Test
    void readsTheHeaderOfASnarkjsKey() {
        ProvingKey pk = ZkeyFile.read(CONTRIBUTED);
        // multiplier: 8 wires, 3 public (2 outputs + 1 input), 3 constraints + 4 public rows -> domain 8
        assertThat(pk.nVars()).isEqualTo(8);
        assertThat(pk.nPublic()).isEqualTo(3);
        assertThat(pk.domainSize()).isEqualTo(8);
        assertThat(pk.ic()).hasSize(4);
        assertThat(pk.pointsC().size()).isEqualTo(4);
        assertThat(pk.coefficients().size()).isPositive();
        assertThat(pk.contributionsLength()).isPositive();
        assertThat(pk.beta2().isInSubgroup()).isTrue();
    }

    @Test
    void rewritesAContributedKeyByteForByte() throws IOException {
        Path out = tmp.resolve("out.zkey");
        ZkeyFile.write(ZkeyFile.read(CONTRIBUTED), out);
        assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(CONTRIBUTED));
    }

    @Test
    void rewritesAnInitialKeyWithIdenticalSections() throws IOException {
        Path out = tmp.resolve("out0.zkey");
        ZkeyFile.write(ZkeyFile.read(INITIAL), out);
        assertThat(Files.size(out)).isEqualTo(Files.size(INITIAL));
        byte[] a = Files.readAllBytes(INITIAL), b = Files.readAllBytes(out);
        try (BinFileReader ra = BinFileReader.open(INITIAL, ZkeyFile.FORMAT);
             BinFileReader rb = BinFileReader.open(out, ZkeyFile.FORMAT)) {
            for (int type = 1; type <= 10; type++) {
                Section sa = ra.section(type), sb = rb.section(type);
                assertThat(Arrays.copyOfRange(b, (int) sb.offset(), (int) (sb.offset() + sb.size())))
                        .as("section %d", type)
                        .isEqualTo(Arrays.copyOfRange(a, (int) sa.offset(), (int) (sa.offset() + sa.size())));
            }
        }
    }

    @Test
    void rejectsAnotherProtocol() throws IOException {
        Path bad = patch(ZkeyFile.HEADER, 0, le32(2));
        assertThatThrownBy(() -> ZkeyFile.read(bad)).isInstanceOf(Groth16Exception.class)
                .hasMessageContaining("bad.zkey").hasMessageContaining("section 1 (header)")
                .hasMessageContaining("PLONK");
    }

    @Test
    void rejectsAnotherBaseField() throws IOException {
        Path bad = patch(ZkeyFile.GROTH16_HEADER, 4, new byte[] {1}); // low byte of q
        assertThatThrownBy(() -> ZkeyFile.read(bad)).isInstanceOf(Groth16Exception.class)
                .hasMessageContaining("section 2 (groth16 header)").hasMessageContaining("field modulus q");
    }

    @Test
    void rejectsCountsThatDisagreeWithSectionSizes() throws IOException {
        // nVars is at offset 4 + 32 + 4 + 32 = 72 in section 2
        Path bad = patch(ZkeyFile.GROTH16_HEADER, 72, le32(9));
        assertThatThrownBy(() -> ZkeyFile.read(bad)).isInstanceOf(Groth16Exception.class)
                .hasMessageContaining("section 5 (A points)").hasMessageContaining("expected 576")
                .hasMessageContaining("9 G1 points (nVars)");
    }

    @Test
    void rejectsAPointOffTheCurve() throws IOException {
        Path bad = patch(ZkeyFile.POINTS_H, 64 * 3, new byte[] {0x55}); // x of H[3]
        assertThatThrownBy(() -> ZkeyFile.read(bad)).isInstanceOf(Groth16Exception.class)
                .hasMessageContaining("section 9 (H points)").hasMessageContaining("point 3");
    }

    @Test
    void rejectsANonCanonicalCoordinate() throws IOException {
        byte[] q = new byte[32];
        byte[] be = io.zkml4j.algebra.Bn254.P.add(BigInteger.ONE).toByteArray();
        for (int i = 0; i < 32; i++) {
            q[i] = be[be.length - 1 - i];
        }
        Path bad = patch(ZkeyFile.POINTS_A, 64 * 2, q);
        assertThatThrownBy(() -> ZkeyFile.read(bad)).isInstanceOf(Groth16Exception.class)
                .hasMessageContaining("section 5 (A points)").hasMessageContaining("point 2")
                .hasMessageContaining("not below q");
    }

    @Test
    void rejectsACoefficientOutsideTheDomain() throws IOException {
        // entry 0: count(4) | matrix(4) | constraint(4)
        Path bad = patch(ZkeyFile.COEFFICIENTS, 8, le32(8));
        assertThatThrownBy(() -> ZkeyFile.read(bad)).isInstanceOf(Groth16Exception.class)
                .hasMessageContaining("section 4 (coefficients)").hasMessageContaining("coefficient 0")
                .hasMessageContaining("domainSize 8");
    }

    @Test
    void rejectsATruncatedFile() throws IOException {
        byte[] all = Files.readAllBytes(CONTRIBUTED);
        Path bad = tmp.resolve("bad.zkey");
        Files.write(bad, Arrays.copyOf(all, all.length - 10));
        assertThatThrownBy(() -> ZkeyFile.read(bad)).isInstanceOf(Groth16Exception.class)
                .hasMessageContaining("bad.zkey");
    }

    // ---- Keys opened for proving (point sections streamed from the file) ----------------------------

    private static final Witness W = WtnsFile.read(Fixtures.circom(Fixtures.MULTIPLIER, "wtns"));

    @Test
    void aKeyOpenedForProvingHoldsNoPointsYetReadsTheSameAndProves() throws IOException {
        ProvingKey inMemory = ZkeyFile.read(CONTRIBUTED);
        ProvingKey streamed = ZkeyFile.openForProving(CONTRIBUTED);
        assertThat(streamed.isStreamed()).isTrue();
        assertThat(inMemory.isStreamed()).isFalse();
        assertThat(streamed.memoryBytes()).isEqualTo(inMemory.memoryBytes() - 8L * (8 * 8 * 3 + 16 * 8 + 8 * 4)
                - inMemory.coefficients().memoryBytes());
        assertThat(streamed.coefficientCount()).isEqualTo(inMemory.coefficientCount());
        QapCoefficients handedOver = streamed.coefficients(), readAgain = streamed.coefficients();
        assertThat(readAgain).isNotSameAs(handedOver);
        assertThat(handedOver).isEqualTo(inMemory.coefficients());
        assertThat(readAgain).isEqualTo(inMemory.coefficients());
        assertThat(streamed.pointsA().toArray()).isEqualTo(inMemory.pointsA().toArray());
        assertThat(streamed.pointsB1().toArray()).isEqualTo(inMemory.pointsB1().toArray());
        assertThat(streamed.pointsB2().toArray()).isEqualTo(inMemory.pointsB2().toArray());
        assertThat(streamed.pointsC().toArray()).isEqualTo(inMemory.pointsC().toArray());
        assertThat(streamed.pointsH().toArray()).isEqualTo(inMemory.pointsH().toArray());
        assertThat(streamed.verifyingKey()).isEqualTo(inMemory.verifyingKey());

        ProofWithPublicSignals p = Groth16.prove(streamed, W);
        assertThat(Groth16.verify(inMemory.verifyingKey(), p.publicSignals(), p.proof())).isTrue();
        Path out = tmp.resolve("rewritten.zkey");
        ZkeyFile.write(streamed, out);
        assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(CONTRIBUTED));
    }

    @Test
    void aStreamedKeySpanningSeveralBlocksProvesLikeTheKeyInMemory() {
        RandomCircuit circuit = RandomCircuit.of(Seeds.rng("zkey-streamed-blocks"), 2, 1, 1, 2 * PointSource.CHUNK + 300);
        ProvingKey key = DevSetup.newZkey(circuit.r1cs()).key();
        Path file = tmp.resolve("blocks.zkey");
        ZkeyFile.write(key, file);
        ProvingKey streamed = ZkeyFile.openForProving(file);
        assertThat(streamed.pointsA().size()).isGreaterThan(2 * PointSource.CHUNK);
        ProofWithPublicSignals p = Groth16.prove(streamed, circuit.witness(), Seeds.rng("zkey-streamed-proof"),
                ProveOptions.defaults().checkingAgainst(circuit.r1cs()));
        assertThat(Groth16.verify(key.verifyingKey(), p.publicSignals(), p.proof())).isTrue();
        // The same randomness gives the same proof as with the key in memory.
        ProofWithPublicSignals q = Groth16.prove(key, circuit.witness(), Seeds.rng("zkey-streamed-proof"));
        assertThat(q).isEqualTo(p);
    }

    @Test
    void aStreamedKeyChecksEachPointWhenTheProverFirstReadsIt() throws IOException {
        Path offCurve = patch(ZkeyFile.POINTS_H, 64 * 3, new byte[] {0x55}); // x of H[3]
        ProvingKey pk = ZkeyFile.openForProving(offCurve);                      // the points are not read yet
        assertThatThrownBy(() -> Groth16.prove(pk, W)).isInstanceOf(BinFileException.class)
                .hasMessageContaining("bad.zkey: section 9 (H points): point 3 is not on the BN254 G1 curve");

        byte[] q = new byte[32];
        byte[] be = io.zkml4j.algebra.Bn254.P.add(BigInteger.ONE).toByteArray();
        for (int i = 0; i < 32; i++) {
            q[i] = be[be.length - 1 - i];
        }
        Path nonCanonical = patch(ZkeyFile.POINTS_B2, 128 * 2, q);
        ProvingKey pk2 = ZkeyFile.openForProving(nonCanonical);
        assertThatThrownBy(() -> Groth16.prove(pk2, W)).isInstanceOf(BinFileException.class)
                .hasMessageContaining("section 7 (B2 points): point 2 has a coordinate not below q");
    }

    @Test
    void aStreamedKeyWhoseFileShrinksFailsTheProofWithAMessage() throws IOException {
        Path copy = copyOfTheKey("shrinking.zkey");
        ProvingKey pk = ZkeyFile.openForProving(copy);
        long hStart = sectionOffset(copy, ZkeyFile.POINTS_H);
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(copy,
                java.nio.file.StandardOpenOption.WRITE)) {
            ch.truncate(hStart + 64 * 2 + 10);
        }
        assertThatThrownBy(() -> Groth16.prove(pk, W)).isInstanceOf(BinFileException.class)
                .hasMessageContaining("shrinking.zkey: section 9 (H points): the file ends inside point 2");
        Files.delete(copy);   // the next proof reads the coefficients again, first
        assertThatThrownBy(() -> Groth16.prove(pk, W)).isInstanceOf(BinFileException.class)
                .hasMessageContaining("shrinking.zkey: cannot open");
    }

    @Test
    void aStreamedKeyReadsItsCoefficientsAgainForLaterProofsAndChecksThem() throws IOException {
        Path copy = copyOfTheKey("changing.zkey");
        ProvingKey pk = ZkeyFile.openForProving(copy);
        ProofWithPublicSignals first = Groth16.prove(pk, W);           // the copy read when opened
        ProofWithPublicSignals second = Groth16.prove(pk, W);          // read from the file again
        assertThat(Groth16.verify(pk.verifyingKey(), second.publicSignals(), second.proof())).isTrue();
        assertThat(second.publicSignals()).isEqualTo(first.publicSignals());

        long start = sectionOffset(copy, ZkeyFile.COEFFICIENTS);
        byte[] all = Files.readAllBytes(copy);
        System.arraycopy(le32(7), 0, all, (int) start + 4 + 44, 4);    // matrix id of coefficient 1
        Files.write(copy, all);
        assertThatThrownBy(() -> Groth16.prove(pk, W)).isInstanceOf(BinFileException.class)
                .hasMessageContaining("changing.zkey: section 4 (coefficients)")
                .hasMessageContaining("coefficient 1: matrix 7, expected 0 (A) or 1 (B)");
    }

    @Test
    void openingForProvingChecksEverythingButThePointsUpFront() throws IOException {
        Path bad = patch(ZkeyFile.COEFFICIENTS, 8, le32(8));
        assertThatThrownBy(() -> ZkeyFile.openForProving(bad)).isInstanceOf(Groth16Exception.class)
                .hasMessageContaining("section 4 (coefficients)").hasMessageContaining("coefficient 0");
        Path sizes = patch(ZkeyFile.GROTH16_HEADER, 72, le32(9));
        assertThatThrownBy(() -> ZkeyFile.openForProving(sizes)).isInstanceOf(Groth16Exception.class)
                .hasMessageContaining("section 5 (A points)").hasMessageContaining("expected 576");
    }

    private Path patch(int sectionType, int offset, byte[] bytes) throws IOException {
        byte[] all = Files.readAllBytes(CONTRIBUTED);
        long start = sectionOffset(CONTRIBUTED, sectionType);
        System.arraycopy(bytes, 0, all, (int) start + offset, bytes.length);
        Path bad = tmp.resolve("bad.zkey");
        Files.write(bad, all);
        return bad;
    }

    private Path copyOfTheKey(String name) throws IOException {
        Path copy = tmp.resolve(name);
        Files.copy(CONTRIBUTED, copy);
        return copy;
    }

    /** Where a section's payload starts in a zkey file. */
    private static long sectionOffset(Path zkey, int sectionType) {
        try (BinFileReader r = BinFileReader.open(zkey, ZkeyFile.FORMAT)) {
            return r.section(sectionType).offset();
        }
    }

    private static byte[] le32(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }
}
