package io.zkml4j.algebra.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoldenFileTest {

    @TempDir
    Path dir;

    @Test
    void passesOnIdenticalText() throws IOException {
        Path g = Files.writeString(dir.resolve("g.txt"), "a\nb\n");
        GoldenFile.assertMatches(g, "a\nb\n", false, null);
    }

    @Test
    void failsNamingTheFirstDifferentLine() throws IOException {
        Path g = Files.writeString(dir.resolve("g.txt"), "a\nb\nc\n");
        assertThatThrownBy(() -> GoldenFile.assertMatches(g, "a\nB\nc\n", false, null))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("at line 2")
                .hasMessageContaining("golden: b")
                .hasMessageContaining("actual: B")
                .hasMessageContaining("-Dzkml.golden.update=true");
        assertThatThrownBy(() -> GoldenFile.assertMatches(g, "a\nb\nc", false, null))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void failsOnAMissingFile() {
        assertThatThrownBy(() -> GoldenFile.assertMatches(dir.resolve("none.txt"), "x", false, null))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void updateRewritesTheFileOutsideCi() throws IOException {
        Path g = dir.resolve("sub/g.txt");
        GoldenFile.assertMatches(g, "new\n", true, "false");
        assertThat(Files.readString(g)).isEqualTo("new\n");
    }

    @Test
    void updateFailsInCiAndLeavesTheFileAlone() throws IOException {
        Path g = Files.writeString(dir.resolve("g.txt"), "old\n");
        assertThatThrownBy(() -> GoldenFile.assertMatches(g, "new\n", true, "true"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("never in CI");
        assertThat(Files.readString(g)).isEqualTo("old\n");
    }
}
