package io.zkml4j.r1cs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.zkml4j.algebra.field.Fr;
import io.zkml4j.algebra.test.SeedExtension;
import io.zkml4j.algebra.test.Seeds;
import io.zkml4j.r1cs.binfile.BinFileException;
import io.zkml4j.r1cs.test.CircomFixtures;
import io.zkml4j.r1cs.test.SectionFiles;
import io.zkml4j.r1cs.test.SectionFiles.Payload;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Damaged versions of the circom fixtures: every outcome must be a successful read or a
 * {@link BinFileException} whose message starts with the file name. Never an {@link Error} (such
 * as {@link OutOfMemoryError}), never another runtime exception, never a hang.
 */
@ExtendWith(SeedExtension.class)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FormatFuzzTest {

    @TempDir
    Path tmp;

    enum Kind {
        R1CS(".r1cs", p -> R1csFile.read(p)),
        WTNS(".wtns", p -> WtnsFile.read(p));

        final String ext;
        final Consumer<Path> reader;

        Kind(String ext, Consumer<Path> reader) {
            this.ext = ext;
            this.reader = reader;
        }
    }

    static Kind kind(String fixture) {
        return fixture.endsWith(".r1cs") ? Kind.R1CS : Kind.WTNS;
    }

    static byte[] original(String fixture) throws IOException {
        String name = fixture.substring(0, fixture.indexOf('.'));
        return Files.readAllBytes(kind(fixture) == Kind.R1CS ? CircomFixtures.r1cs(name) : CircomFixtures.wtns(name));
    }

    /** Reads {@code bytes} as a {@code kind} file; returns whether it was accepted. */
    boolean readOrReject(Kind kind, byte[] bytes, String what) throws IOException {
        Path p = tmp.resolve("fuzz" + kind.ext);
        Files.write(p, bytes);
        try {
            kind.reader.accept(p);
            return true;
        } catch (BinFileException e) {
            assertThat(e.getMessage()).as(what).startsWith("fuzz" + kind.ext + ": ");
            return false;
        } catch (Throwable t) {
            fail(what + ": expected success or BinFileException but got " + t, t);
            return false;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"multiplier.r1cs", "multiplier.wtns", "lessthan.r1cs", "lessthan.wtns"})
    void truncationsAreRejected(String fixture) throws IOException {
        byte[] full = original(fixture);
        // every length of the small files; of the larger ones, every length near either end
        // (file and section headers, last section) and 400 random lengths in between
        SplittableRandom rng = Seeds.rng("truncate-" + fixture);
        IntStream lengths = full.length <= 1500 ? IntStream.range(0, full.length)
                : IntStream.concat(IntStream.range(0, 256),
                IntStream.concat(IntStream.range(full.length - 256, full.length),
                        rng.ints(400, 256, full.length - 256)));
        for (int len : lengths.toArray()) {
            assertThat(readOrReject(kind(fixture), Arrays.copyOf(full, len), "truncated to " + len))
                    .as("truncated to %d of %d bytes", len, full.length).isFalse();
        }
        assertThat(readOrReject(kind(fixture), full, "intact")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"multiplier.r1cs", "multiplier.wtns", "lessthan.r1cs", "lessthan.wtns"})
    void randomByteFlipsNeverEscapeAsOtherExceptions(String fixture) throws IOException {
        byte[] full = original(fixture);
        SplittableRandom rng = Seeds.rng("flips-" + fixture);
        int rejected = 0;
        for (int round = 0; round < 400; round++) {
            byte[] b = full.clone();
            int flips = rng.nextInt(1, 4);
            StringBuilder what = new StringBuilder("flipped");
            for (int f = 0; f < flips; f++) {
                int at = rng.nextInt(b.length);
                int mask = 1 << rng.nextInt(8);
                b[at] ^= (byte) mask;
                what.append(" byte ").append(at).append(" bit ").append(mask);
            }
            if (!readOrReject(kind(fixture), b, what.toString())) {
                rejected++;
            }
        }
        // flips in coefficients or values often still decode; flips in structure must not
        assertThat(rejected).isGreaterThan(40);
    }

    @ParameterizedTest
    @ValueSource(strings = {"multiplier.r1cs", "multiplier.wtns", "lessthan.r1cs", "lessthan.wtns"})
    void everyHeaderWordSetToHugeValuesIsRejectedOrHarmless(String fixture) throws IOException {
        byte[] full = original(fixture);
        int[] huge = {0xFFFF_FFFF, 0x7FFF_FFFF, 0x8000_0000, 0x1000_0000, 0x0100_0000};
        // every aligned 32-bit word of the first 96 bytes: file header, section headers, counts
        for (int at = 0; at + 4 <= Math.min(96, full.length); at += 4) {
            for (int v : huge) {
                byte[] b = full.clone();
                ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(at, v);
                readOrReject(kind(fixture), b, "word at " + at + " = " + Integer.toUnsignedString(v));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"multiplier.r1cs", "lessthan.r1cs"})
    void hugeCountsInAValidLookingR1csAreRejectedBeforeAllocating(String fixture) throws IOException {
        byte[] full = original(fixture);
        // circom's layout: constraints section first, so the header payload starts after it
        ByteBuffer bb = ByteBuffer.wrap(full).order(ByteOrder.LITTLE_ENDIAN);
        long constraintsSize = bb.getLong(16);
        int header = (int) (12 + 12 + constraintsSize + 12);
        assertThat(bb.getInt(header - 12)).isEqualTo(R1csFile.HEADER);
        int nWires = header + 4 + 32;
        int nLabels = nWires + 16;
        int mConstraints = nLabels + 8;
        for (int field : new int[]{nWires, nWires + 4, nWires + 8, nWires + 12, mConstraints}) {
            byte[] b = full.clone();
            ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(field, -1);
            assertThat(readOrReject(Kind.R1CS, b, "u32 at " + field + " = 2^32-1")).isFalse();
        }
        byte[] labels = full.clone();
        ByteBuffer.wrap(labels).order(ByteOrder.LITTLE_ENDIAN).putLong(nLabels, Long.MAX_VALUE);
        // more labels than the map uses is harmless
        assertThat(readOrReject(Kind.R1CS, labels, "nLabels = 2^63-1")).isTrue();
        ByteBuffer.wrap(labels).order(ByteOrder.LITTLE_ENDIAN).putLong(nLabels, -1L);
        assertThat(readOrReject(Kind.R1CS, labels, "nLabels = 2^64-1")).isFalse();
        // the first linear combination's term count
        byte[] terms = full.clone();
        ByteBuffer.wrap(terms).order(ByteOrder.LITTLE_ENDIAN).putInt(24, -1);
        assertThat(readOrReject(Kind.R1CS, terms, "nTerms = 2^32-1")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"multiplier.r1cs", "multiplier.wtns"})
    void wrongMagicAndVersionAreRejected(String fixture) throws IOException {
        byte[] full = original(fixture);
        byte[] magic = full.clone();
        magic[0] = 'x';
        assertThat(readOrReject(kind(fixture), magic, "magic")).isFalse();
        for (int v : new int[]{0, 3, -1}) {
            byte[] b = full.clone();
            ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(4, v);
            assertThat(readOrReject(kind(fixture), b, "version " + v)).isFalse();
        }
    }

    /** A file of about 100 bytes claiming 2^32-1 constraints, with the sections in several orders. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void tinyFileClaimingBillionsOfConstraintsIsRejectedBeforeAllocating(int order) throws IOException {
        byte[] header = Payload.create().u32(32)
                .le32(Fr.MODULUS).u32(1).u32(0).u32(0).u32(0).u64(1).u32(0xFFFF_FFFFL)
                .build();
        byte[] map = new byte[8];
        byte[] constraints = new byte[order * 8];
        SectionFiles f = SectionFiles.file("r1cs", 1, 3);
        switch (order) {
            case 0 -> f.section(R1csFile.HEADER, header).section(R1csFile.CONSTRAINTS, constraints)
                    .section(R1csFile.WIRE_TO_LABEL, map);
            case 1 -> f.section(R1csFile.WIRE_TO_LABEL, map).section(R1csFile.CONSTRAINTS, constraints)
                    .section(R1csFile.HEADER, header);
            default -> f.section(R1csFile.CONSTRAINTS, constraints).section(R1csFile.HEADER, header)
                    .section(R1csFile.WIRE_TO_LABEL, map);
        }
        byte[] bytes = f.bytes();
        assertThat(bytes.length).isBetween(100, 140);
        Path p = tmp.resolve("tiny.r1cs");
        Files.write(p, bytes);
        try {
            R1csFile.read(p);
            fail("accepted a file claiming 2^32-1 constraints");
        } catch (BinFileException e) {
            assertThat(e.getMessage()).isEqualTo("tiny.r1cs: section 2 (constraints): holds " + constraints.length
                    + " bytes, room for at most " + constraints.length / 12 + " constraints of at least 12 bytes, "
                    + "but the header declares 4294967295");
        }
    }
}
