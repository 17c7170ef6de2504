package io.zkml4j.r1cs.binfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zkml4j.r1cs.test.SectionFiles;
import io.zkml4j.r1cs.test.SectionFiles.Payload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BinFileWriterTest {

    @TempDir
    Path tmp;

    @Test
    void writesTheContainerLayoutWithPatchedSectionSizes() throws IOException {
        Path p = tmp.resolve("out.bin");
        byte[] big = new byte[70_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }
        try (BinFileWriter w = BinFileWriter.create(p, "test", 5, 2)) {
            w.beginSection(2);
            w.u32(7L);
            w.u64(1L << 40);
            w.words(new long[]{1, 2, 3, 4}, 1, 3);
            w.endSection();
            w.beginSection(9);
            w.put(big);
            w.endSection();
            w.commit();
        }
        byte[] expected = SectionFiles.file("test", 5, 2)
                .section(2, Payload.create().u32(7).u64(1L << 40).u64(2).u64(3).u64(4).build())
                .section(9, big).bytes();
        assertThat(Files.readAllBytes(p)).isEqualTo(expected);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void closingWithoutCommitLeavesNoFileAndKeepsAnExistingTarget() throws IOException {
        Path fresh = tmp.resolve("fresh.bin");
        try (BinFileWriter w = BinFileWriter.create(fresh, "test", 1, 1)) {
            w.beginSection(1);
            w.put(new byte[100]);
            // an exception in the caller would leave here without commit
        }
        assertThat(fresh).doesNotExist();

        Path existing = tmp.resolve("existing.bin");
        Files.write(existing, new byte[]{1, 2, 3});
        assertThatThrownBy(() -> {
            try (BinFileWriter w = BinFileWriter.create(existing, "test", 1, 2)) {
                w.beginSection(1);
                w.endSection();
                w.commit(); // one section short
            }
        }).isInstanceOf(IllegalStateException.class).hasMessage("The file declares 2 sections but 1 were written");
        assertThat(Files.readAllBytes(existing)).containsExactly(1, 2, 3);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void commitReplacesAnExistingFile() throws IOException {
        Path p = tmp.resolve("x.bin");
        Files.write(p, new byte[1000]);
        try (BinFileWriter w = BinFileWriter.create(p, "test", 1, 0)) {
            w.commit();
        }
        assertThat(Files.readAllBytes(p)).isEqualTo(SectionFiles.file("test", 1, 0).bytes());
    }

    @Test
    void unwritableDirectoryIsABinFileException() {
        Path p = tmp.resolve("no/such/dir/x.bin");
        assertThatThrownBy(() -> BinFileWriter.create(p, "test", 1, 0)).isInstanceOf(BinFileException.class)
                .hasMessageStartingWith("x.bin: cannot create a temporary file in ");
    }

    @Test
    void misuseIsRejected() {
        Path p = tmp.resolve("m.bin");
        try (BinFileWriter w = BinFileWriter.create(p, "test", 1, 1)) {
            assertThatThrownBy(w::endSection).isInstanceOf(IllegalStateException.class);
            w.beginSection(1);
            assertThatThrownBy(() -> w.beginSection(2)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(w::commit).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> w.u32(1L << 32)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> w.u64(-1)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> BinFileWriter.create(p, "toolong", 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whatTheWriterWritesTheReaderReads() throws IOException {
        Path p = tmp.resolve("rt.bin");
        try (BinFileWriter w = BinFileWriter.create(p, "test", 1, 2)) {
            w.beginSection(1);
            w.u32(0xFFFF_FFFFL);
            w.endSection();
            w.beginSection(2);
            w.endSection();
            w.commit();
        }
        BinFileFormat format = new BinFileFormat("test", 1, 1, Map.of(1, "a", 2, "b"), Set.of(1, 2));
        try (BinFileReader r = BinFileReader.open(p, format)) {
            assertThat(r.open(1).u32("x")).isEqualTo(0xFFFF_FFFFL);
            assertThat(r.section(2).size()).isZero();
        }
    }

    private Stream<Path> leftovers() throws IOException {
        return Files.list(tmp).filter(f -> f.getFileName().toString().endsWith(".tmp")).toList().stream();
    }
}
