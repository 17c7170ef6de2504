package io.zkml4j.r1cs.binfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zkml4j.algebra.test.SeedExtension;
import io.zkml4j.algebra.test.Seeds;
import io.zkml4j.r1cs.R1csException;
import io.zkml4j.r1cs.test.SectionFiles;
import io.zkml4j.r1cs.test.SectionFiles.Payload;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SeedExtension.class)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BinFileReaderTest {

    static final BinFileFormat TEST = new BinFileFormat("test", 1, 2,
            Map.of(1, "header", 2, "constraints", 3, "extra"), Set.of(1, 2));

    @TempDir
    Path tmp;

    Path write(String name, byte[] bytes) throws IOException {
        Path p = tmp.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    @Test
    void sectionsInAnyOrderAreFoundAndUnknownTypesSkipped() throws IOException {
        byte[] h = Payload.create().u32(7).build();
        byte[] c = Payload.create().u64(0x1122334455667788L).u32(9).build();
        Path p = write("a.bin", SectionFiles.file("test", 2, 4)
                .section(99, new byte[5]).section(2, c).section(1, h).section(77, new byte[0]).bytes());
        try (BinFileReader f = BinFileReader.open(p, TEST)) {
            assertThat(f.version()).isEqualTo(2);
            assertThat(f.sections()).extracting(Section::type).containsExactly(99, 2, 1, 77);
            assertThat(f.has(3)).isFalse();
            SectionReader r = f.open(2);
            assertThat(r.u64("x")).isEqualTo(0x1122334455667788L);
            assertThat(r.u32("y")).isEqualTo(9);
            r.expectEnd("x and y");
            assertThat(f.open(1).u32("z")).isEqualTo(7);
        }
    }

    @Test
    void hugeDeclaredSectionSizeIsRejectedBeforeReadingNamingFileSectionAndBytes() throws IOException {
        Path p = write("circuit.r1cs", SectionFiles.file("test", 1, 2)
                .section(1, new byte[4]).section(2, 1L << 32, new byte[1200]).bytes());
        assertThatThrownBy(() -> BinFileReader.open(p, TEST)).isInstanceOf(BinFileException.class)
                .hasMessage("circuit.r1cs: section 2 (constraints) declares 4294967296 bytes but only 1200 remain");
    }

    @Test
    void negativeAsSignedSectionSizeIsReportedUnsigned() throws IOException {
        Path p = write("x.bin", SectionFiles.file("test", 1, 1).section(1, -1L, new byte[3]).bytes());
        assertThatThrownBy(() -> BinFileReader.open(p, TEST))
                .hasMessage("x.bin: section 1 (header) declares 18446744073709551615 bytes but only 3 remain");
    }

    @Test
    void sectionCountBeyondWhatTheFileCanHoldIsRejected() throws IOException {
        Path p = write("x.bin", SectionFiles.file("test", 1, -1).section(1, new byte[0]).bytes());
        assertThatThrownBy(() -> BinFileReader.open(p, TEST))
                .hasMessage("x.bin: declares 4294967295 sections but its 24 bytes leave room for at most 1");
    }

    @Test
    void duplicateKnownSectionIsRejectedButDuplicateUnknownIsNot() throws IOException {
        Path dup = write("dup.bin", SectionFiles.file("test", 1, 3)
                .section(1, new byte[0]).section(2, new byte[0]).section(2, new byte[1]).bytes());
        assertThatThrownBy(() -> BinFileReader.open(dup, TEST))
                .hasMessage("dup.bin: section 2 (constraints) occurs more than once");
        Path ok = write("ok.bin", SectionFiles.file("test", 1, 4)
                .section(1, new byte[0]).section(5, new byte[0]).section(5, new byte[0]).section(2, new byte[0])
                .bytes());
        try (BinFileReader f = BinFileReader.open(ok, TEST)) {
            assertThat(f.sections()).hasSize(4);
        }
    }

    @Test
    void missingRequiredSectionIsNamed() throws IOException {
        Path p = write("m.bin", SectionFiles.file("test", 1, 1).section(1, new byte[0]).bytes());
        assertThatThrownBy(() -> BinFileReader.open(p, TEST))
                .hasMessage("m.bin: required section 2 (constraints) is missing");
    }

    @Test
    void wrongMagicAndVersionsAreNamed() throws IOException {
        Path magic = write("w.bin", SectionFiles.file("wtns", 1, 0).bytes());
        assertThatThrownBy(() -> BinFileReader.open(magic, TEST))
                .hasMessage("w.bin: not a 'test' file: it starts with 'wtns' (77746e73)");
        Path binary = write("b.bin", SectionFiles.file("\u0000\u00ff\u0001\u0002", 1, 0).bytes());
        assertThatThrownBy(() -> BinFileReader.open(binary, TEST))
                .hasMessage("b.bin: not a 'test' file: it starts with 00ff0102");
        Path v3 = write("v.bin", SectionFiles.file("test", 3, 0).bytes());
        assertThatThrownBy(() -> BinFileReader.open(v3, TEST))
                .hasMessage("v.bin: 'test' version 3 is not supported (expected 1 to 2)");
        Path v0 = write("v0.bin", SectionFiles.file("test", 0, 0).bytes());
        assertThatThrownBy(() -> BinFileReader.open(v0, TEST)).hasMessageContaining("version 0 is not supported");
        Path vneg = write("vn.bin", SectionFiles.file("test", -1, 0).bytes());
        assertThatThrownBy(() -> BinFileReader.open(vneg, TEST))
                .hasMessageContaining("version 4294967295 is not supported");
    }

    @Test
    void shortFilesTrailingBytesAndMissingFilesAreReported() throws IOException {
        Path shortFile = write("s.bin", new byte[]{'t', 'e', 's'});
        assertThatThrownBy(() -> BinFileReader.open(shortFile, TEST))
                .hasMessage("s.bin: 3 bytes is too short for a 'test' file, whose header alone takes 12 bytes");
        Path trailing = write("t.bin", SectionFiles.file("test", 1, 2)
                .section(1, new byte[0]).section(2, new byte[0]).raw(new byte[5]).bytes());
        assertThatThrownBy(() -> BinFileReader.open(trailing, TEST))
                .hasMessage("t.bin: 5 bytes after the last of its 2 sections");
        Path partialHeader = write("p.bin", SectionFiles.file("test", 1, 2)
                .section(1, new byte[12]).raw(new byte[7]).bytes());
        assertThatThrownBy(() -> BinFileReader.open(partialHeader, TEST))
                .hasMessage("p.bin: section header 2 of 2 would start at byte 36 but only 7 bytes remain");
        assertThatThrownBy(() -> BinFileReader.open(tmp.resolve("absent.bin"), TEST))
                .isInstanceOf(BinFileException.class).hasMessageStartingWith("absent.bin: cannot open: ")
                .hasCauseInstanceOf(java.nio.file.NoSuchFileException.class);
    }

    @Test
    void readingPastTheEndOfASectionNamesWhatWasRead() throws IOException {
        Path p = write("r.bin", SectionFiles.file("test", 1, 2)
                .section(1, new byte[6]).section(2, new byte[0]).bytes());
        try (BinFileReader f = BinFileReader.open(p, TEST)) {
            SectionReader r = f.open(1);
            r.u32("nWires");
            assertThatThrownBy(() -> r.u32("nOutputs")).isInstanceOf(BinFileException.class).hasMessage(
                    "r.bin: section 1 (header): ends after 6 bytes, but nOutputs at offset 4 needs 4 bytes and only 2 remain");
            assertThatThrownBy(() -> r.expectEnd("nWires"))
                    .hasMessage("r.bin: section 1 (header): has 2 bytes after nWires (4 of 6 bytes used)");
        }
    }

    @Test
    void u64AtOrAbove2To63IsRejected() throws IOException {
        Path p = write("u.bin", SectionFiles.file("test", 1, 2)
                .section(1, Payload.create().u64(-2).build()).section(2, new byte[0]).bytes());
        try (BinFileReader f = BinFileReader.open(p, TEST)) {
            assertThatThrownBy(() -> f.open(1).u64("nLabels")).hasMessage(
                    "u.bin: section 1 (header): at offset 0: nLabels is 18446744073709551614, beyond any supported size");
        }
    }

    @Test
    void longSectionsStreamAcrossChunkBoundariesWithMixedReads() throws IOException {
        SplittableRandom rng = Seeds.rng("binfile-chunks");
        int n = 3 * SectionReader.CHUNK + 13;
        byte[] payload = new byte[n];
        rng.nextBytes(payload);
        Path p = write("big.bin", SectionFiles.file("test", 1, 2)
                .section(2, new byte[0]).section(1, payload).bytes());
        ByteBuffer expected = ByteBuffer.wrap(payload).order(ByteOrder.LITTLE_ENDIAN);
        try (BinFileReader f = BinFileReader.open(p, TEST)) {
            SectionReader r = f.open(1);
            while (r.remaining() > 0) {
                int kind = rng.nextInt(5);
                long left = r.remaining();
                if (kind == 0 && left >= 4) {
                    assertThat(r.u32("u32")).isEqualTo(Integer.toUnsignedLong(expected.getInt()));
                } else if (kind == 1 && left >= 32) {
                    long[] words = new long[4];
                    r.words(words, 0, 4, "words");
                    for (long w : words) {
                        assertThat(w).isEqualTo(expected.getLong());
                    }
                } else if (kind == 2) {
                    byte[] b = new byte[(int) Math.min(left, rng.nextInt(1, 3 * SectionReader.CHUNK))];
                    r.bytes(b, "bytes");
                    byte[] e = new byte[b.length];
                    expected.get(e);
                    assertThat(b).isEqualTo(e);
                } else if (kind == 3) {
                    long k = Math.min(left, rng.nextInt(0, 2 * SectionReader.CHUNK));
                    r.skip(k, "skip");
                    expected.position(expected.position() + (int) k);
                } else {
                    byte[] b = new byte[1];
                    r.bytes(b, "byte");
                    assertThat(b[0]).isEqualTo(expected.get());
                }
                assertThat(r.position()).isEqualTo(expected.position());
            }
            r.expectEnd("everything");
        }
    }

    /**
     * A file of more than 2 GiB (sparse, so it costs no disk): the first section is a 2.5 GiB unknown
     * section of zeros; the required sections after it are read with positional reads beyond 2^31.
     */
    @Test
    void sectionsBeyondTwoGibibytesAreReadWithoutLoadingTheFile() throws IOException {
        long gap = (5L << 30) / 2;
        Path p = tmp.resolve("huge.bin");
        byte[] head = SectionFiles.file("test", 1, 3).section(42, gap, new byte[0]).bytes();
        byte[] tail = SectionFiles.file("xxxx", 0, 0)
                .section(1, Payload.create().u32(0xCAFEBABEL).build())
                .section(2, Payload.create().u64(123456789012345L).build()).bytes();
        try (RandomAccessFile raf = new RandomAccessFile(p.toFile(), "rw")) {
            raf.write(head);
            raf.seek(head.length + gap);
            raf.write(tail, 12, tail.length - 12); // skip the dummy file header
        }
        try (BinFileReader f = BinFileReader.open(p, TEST)) {
            assertThat(f.fileSize()).isGreaterThan(1L << 31);
            assertThat(f.section(1).offset()).isGreaterThan(1L << 31);
            assertThat(f.open(1).u32("magic number")).isEqualTo(0xCAFEBABEL);
            assertThat(f.open(2).u64("big")).isEqualTo(123456789012345L);
        }
    }

    @Test
    void binFileExceptionIsTheLayersException() {
        assertThat(new BinFileException("x")).isInstanceOf(R1csException.class);
    }
}
