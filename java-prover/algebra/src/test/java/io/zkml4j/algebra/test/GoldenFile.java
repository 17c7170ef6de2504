package io.zkml4j.algebra.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden-file assertions: generated text is compared byte for byte with a committed file, and
 * regenerated only on request.
 *
 * <p>Run the tests with {@code -Dzkml.golden.update=true} to (re)write every golden file a test
 * touches instead of comparing, then review the diff and commit it. In CI (environment variable
 * {@code CI=true}) that switch makes the test fail, so a pipeline can never bless its own output.
 * Paths are relative to the working directory, which Surefire and Failsafe set to the module
 * directory: pass e.g. {@code Path.of("src/test/resources/golden/x.sol")}.
 */
public final class GoldenFile {

    /** The system property that switches from comparing to rewriting. */
    public static final String UPDATE_PROPERTY = "zkml.golden.update";

    private GoldenFile() {
    }

    /**
     * Asserts that {@code golden} holds exactly {@code actual} (UTF-8), or rewrites it when
     * {@value #UPDATE_PROPERTY} is {@code true}.
     *
     * @throws AssertionError on a difference (naming the first differing line and how to
     *     regenerate), a missing golden file, or the update switch set while {@code CI=true}
     */
    public static void assertMatches(Path golden, String actual) {
        assertMatches(golden, actual, Boolean.getBoolean(UPDATE_PROPERTY), System.getenv("CI"));
    }

    static void assertMatches(Path golden, String actual, boolean update, String ciVariable) {
        if (update) {
            if ("true".equalsIgnoreCase(ciVariable)) {
                throw new AssertionError("-D" + UPDATE_PROPERTY + "=true is set while CI=true: golden files are "
                        + "regenerated on a developer machine and committed, never in CI (" + golden + ")");
            }
            try {
                Files.createDirectories(golden.toAbsolutePath().getParent());
                Files.writeString(golden, actual, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write golden file " + golden, e);
            }
            return;
        }
        if (!Files.isRegularFile(golden)) {
            throw new AssertionError("Golden file " + golden.toAbsolutePath() + " does not exist; create it by running "
                    + "the test with -D" + UPDATE_PROPERTY + "=true, then review and commit it");
        }
        String expected;
        try {
            expected = Files.readString(golden, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read golden file " + golden, e);
        }
        if (!expected.equals(actual)) {
            throw new AssertionError("Output differs from golden file " + golden.toAbsolutePath() + " "
                    + firstDifference(expected, actual) + "\nIf the change is intended, rerun with -D" + UPDATE_PROPERTY
                    + "=true and commit the updated file.");
        }
    }

    static String firstDifference(String expected, String actual) {
        String[] e = expected.split("\n", -1);
        String[] a = actual.split("\n", -1);
        for (int i = 0; i < Math.max(e.length, a.length); i++) {
            String el = i < e.length ? e[i] : "<end of file>";
            String al = i < a.length ? a[i] : "<end of file>";
            if (!el.equals(al)) {
                return "at line " + (i + 1) + ":\n  golden: " + el + "\n  actual: " + al;
            }
        }
        return "(only in line endings or a trailing newline)";
    }
}
