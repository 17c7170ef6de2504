package io.zkml4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterruptCleanupTest {

    @TempDir
    Path dir;

    @Test
    void deletesOnlyNewTemporariesOfWatchedOutputs() throws IOException {
        InterruptCleanup cleanup = new InterruptCleanup();
        Path out = dir.resolve("out.ptau");
        cleanup.watch(out);
        Path target = Files.writeString(out, "the previous, complete output");
        Path ours = Files.writeString(dir.resolve(".out.ptau.3fa9c2.tmp"), "partial");
        Path side = Files.writeString(dir.resolve(".out.ptau.4711.points"), "partial");
        Path old = Files.writeString(dir.resolve(".out.ptau.0001.tmp"), "someone's, from yesterday");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(1, ChronoUnit.DAYS)));
        Path otherOutput = Files.writeString(dir.resolve(".other.ptau.3fa9c2.tmp"), "not ours");
        Path similar = Files.writeString(dir.resolve(".out.ptau.tmp"), "no random part");

        cleanup.run();

        assertThat(ours).doesNotExist();
        assertThat(side).doesNotExist();
        assertThat(target).hasContent("the previous, complete output");
        assertThat(old).exists();
        assertThat(otherOutput).exists();
        assertThat(similar).exists();
    }

    @Test
    void outputsInMissingDirectoriesAreIgnored() {
        InterruptCleanup cleanup = new InterruptCleanup();
        cleanup.watch(dir.resolve("gone/out.zkey"));
        cleanup.run();
        assertThat(dir.resolve("gone")).doesNotExist();
    }
}
