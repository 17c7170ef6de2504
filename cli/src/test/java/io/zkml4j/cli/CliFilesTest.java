package io.zkml4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliFilesTest {

    @TempDir
    Path dir;

    @Test
    void writesAllFilesWithOrdinaryPermissions() throws IOException {
        Path a = dir.resolve("a.json");
        Path b = dir.resolve("b.json");
        Files.writeString(b, "old");
        Map<Path, String> files = new LinkedHashMap<>();
        files.put(a, "[\n \"1\"\n]");
        files.put(b, "é");
        CliFiles.writeTextFiles(files);
        assertThat(Files.readString(a)).isEqualTo("[\n \"1\"\n]");
        assertThat(Files.readString(b)).isEqualTo("é");
        assertThat(CliRun.tempFiles(dir)).isZero();
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Path reference = Files.createFile(dir.resolve("reference"));
            assertThat(Files.getPosixFilePermissions(a)).isEqualTo(Files.getPosixFilePermissions(reference));
        }
    }

    @Test
    void aFailureLeavesEveryTargetAsItWasAndNoTemporaries() throws IOException {
        Path a = dir.resolve("a.json");
        Files.writeString(a, "old");
        Path blocked = dir.resolve("missing-dir").resolve("b.json");
        Map<Path, String> files = new LinkedHashMap<>();
        files.put(a, "new");
        files.put(blocked, "new");
        assertThatThrownBy(() -> CliFiles.writeTextFiles(files))
                .isInstanceOf(CliException.class)
                .hasMessageStartingWith(blocked + ": cannot create a temporary file");
        assertThat(Files.readString(a)).isEqualTo("old");
        assertThat(CliRun.tempFiles(dir)).isZero();
    }

    @Test
    void inputAndOutputChecksNameThePath() throws IOException {
        Path missing = dir.resolve("nope.zkey");
        assertThatThrownBy(() -> CliFiles.checkInput(missing, "the proving key"))
                .hasMessage(missing + ": no such file (the proving key)");
        assertThatThrownBy(() -> CliFiles.checkInput(dir, "the proving key"))
                .hasMessage(dir + ": is a directory, expected the proving key");
        assertThatThrownBy(() -> CliFiles.checkOutput(dir, "the proof"))
                .hasMessage(dir + ": is a directory, cannot write the proof there");
        Path deep = dir.resolve("x/y/proof.json");
        assertThatThrownBy(() -> CliFiles.checkOutput(deep, "the proof"))
                .hasMessageContaining("directory " + dir.resolve("x/y") + " does not exist");
        CliFiles.checkOutput(dir.resolve("fine.json"), "the proof");
        Path relative = Path.of("relative-output.json");
        CliFiles.checkOutput(relative, "the proof");
    }
}
