package io.zkml4j.groth16.ptau;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zkml4j.r1cs.binfile.BinFileException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged {@code .ptau} files must fail with a {@link BinFileException} (never another exception, an
 * out-of-memory error or a hang), checked before anything is allocated from a declared count.
 */
@Timeout(60)
class PtauFileFuzzTest {

    private static final long SEED = Long.getLong("zkml.test.seed", 20261121L);

    private static byte[] original;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws Exception {
        original = Files.readAllBytes(PtauFixtures.prepared());
    }

    private Path write(byte[] bytes) throws Exception {
        Path p = Files.createTempFile(dir, "fuzz", ".ptau");
        Files.write(p, bytes);
        return p;
    }

    /** Opens and reads every point; returns normally only for a fully valid file. */
    private static void readEverything(Path p) {
        try (PtauFile f = PtauFile.open(p)) {
            for (PtauSection s : PtauSection.values()) {
                if (s.group() == PtauSection.Group.G1) {
                    f.readG1(s, 0, (int) s.pointCount(f.power()));
                } else if (s.group() == PtauSection.Group.G2) {
                    f.readG2(s, 0, (int) s.pointCount(f.power()));
                }
            }
        }
    }

    @Test
    void everyTruncationIsRejected() throws Exception {
        for (int len = 0; len < original.length; len += len < 200 ? 1 : 97) {
            Path p = write(Arrays.copyOf(original, len));
            assertThatThrownBy(() -> PtauFile.open(p).close()).as("length %d", len)
                    .isInstanceOf(BinFileException.class).hasMessageStartingWith(p.getFileName().toString());
        }
    }

    @Test
    void bitFlipsEitherPassOrFailCleanly() throws Exception {
        Random rnd = new Random(SEED);
        for (int i = 0; i < 300; i++) {
            byte[] b = original.clone();
            int at = rnd.nextInt(b.length);
            b[at] ^= (byte) (1 << rnd.nextInt(8));
            Path p = write(b);
            try {
                readEverything(p);
            } catch (BinFileException expected) {
                // a clean, named failure
            } catch (RuntimeException | Error e) {
                throw new AssertionError("flip at byte " + at + " gave " + e, e);
            }
        }
    }

    @Test
    void hugeDeclaredCountsAndSizesAreRejectedBeforeAllocating() throws Exception {
        // section 7's contribution count: find section 7 by walking the table of contents.
        long pos = 12;
        ByteBuffer bb = ByteBuffer.wrap(original).order(ByteOrder.LITTLE_ENDIAN);
        long contributionsPayload = -1;
        long headerPayload = -1;
        long tauG1SizeField = -1;
        while (pos < original.length) {
            int type = bb.getInt((int) pos);
            long size = bb.getLong((int) pos + 4);
            if (type == 7) {
                contributionsPayload = pos + 12;
            } else if (type == 1) {
                headerPayload = pos + 12;
            } else if (type == 2) {
                tauG1SizeField = pos + 4;
            }
            pos += 12 + size;
        }
        byte[] count = original.clone();
        ByteBuffer.wrap(count).order(ByteOrder.LITTLE_ENDIAN).putInt((int) contributionsPayload, -1);
        Path p1 = write(count);
        assertThatThrownBy(() -> PtauFile.open(p1)).isInstanceOf(BinFileException.class)
                .hasMessageContaining("section 7 (contributions)").hasMessageContaining("4294967295 contributions");

        byte[] size = original.clone();
        ByteBuffer.wrap(size).order(ByteOrder.LITTLE_ENDIAN).putLong((int) tauG1SizeField, Long.MAX_VALUE);
        Path p2 = write(size);
        assertThatThrownBy(() -> PtauFile.open(p2)).isInstanceOf(BinFileException.class)
                .hasMessageContaining("section 2 (tauG1)");

        byte[] power = original.clone();
        ByteBuffer.wrap(power).order(ByteOrder.LITTLE_ENDIAN).putInt((int) headerPayload + 36, 28)
                .putInt((int) headerPayload + 40, 28);
        Path p3 = write(power);
        assertThatThrownBy(() -> PtauFile.open(p3)).isInstanceOf(BinFileException.class)
                .hasMessageContaining("section 2 (tauG1)").hasMessageContaining("for power 28");

        byte[] tooBig = original.clone();
        ByteBuffer.wrap(tooBig).order(ByteOrder.LITTLE_ENDIAN).putInt((int) headerPayload + 36, 29);
        Path p4 = write(tooBig);
        assertThatThrownBy(() -> PtauFile.open(p4)).isInstanceOf(BinFileException.class)
                .hasMessageContaining("power is 29");

        byte[] modulus = original.clone();
        modulus[(int) headerPayload + 4] ^= 1;
        Path p5 = write(modulus);
        assertThatThrownBy(() -> PtauFile.open(p5)).isInstanceOf(BinFileException.class)
                .hasMessageContaining("section 1 (header)").hasMessageContaining("not BN254");
    }

    @Test
    void offCurvePointsAreNamedByIndex() throws Exception {
        byte[] b = original.clone();
        // tauG1 point 3's y coordinate: payload of section 2 starts after the file header (12),
        // section 1 (12 + 44) and section 2's own header (12).
        int at = 12 + 12 + 44 + 12 + 3 * 64 + 32;
        b[at] ^= 1;
        Path p = write(b);
        try (PtauFile f = PtauFile.open(p)) {
            assertThatThrownBy(() -> f.readG1(PtauSection.TAU_G1, 0, 8)).isInstanceOf(BinFileException.class)
                    .hasMessageContaining("section 2 (tauG1)").hasMessageContaining("tauG1 point 3");
        }
    }
}
