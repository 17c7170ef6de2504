package io.zkml4j.circuit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.zkml4j.circuit.Circuit;
import io.zkml4j.circuit.CountingBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A committed CSV of exact constraint counts ({@code name,constraints,witnesses}, gnark's
 * {@code latest_stats.csv}), shared by the circuit and ml regression tests. Any change fails the test;
 * {@code -Dzkml.counts.update=true} rewrites the file so the diff is reviewed, and is refused on CI.
 */
public final class ConstraintCountSnapshot {

    /** The system property that rewrites the snapshot. */
    public static final String UPDATE_PROPERTY = "zkml.counts.update";

    static final String HEADER = "name,constraints,witnesses";

    private ConstraintCountSnapshot() {
    }

    /** The CSV lines for {@code circuits}, in map order, header first. */
    public static List<String> measure(Map<String, Circuit> circuits) {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        circuits.forEach((name, c) -> {
            CountingBuilder.Counts k = CountingBuilder.count(c);
            lines.add(name + "," + k.constraints() + "," + k.witnesses());
        });
        return lines;
    }

    /** Asserts that {@code circuits} count exactly as {@code csv} says (after rewriting it when asked). */
    public static void assertMatches(Path csv, Map<String, Circuit> circuits) {
        List<String> now = measure(circuits);
        try {
            if (Boolean.getBoolean(UPDATE_PROPERTY)) {
                assertThat(System.getenv("CI")).as(UPDATE_PROPERTY + " is refused on CI").isNotEqualTo("true");
                Files.write(csv, now);
            }
            assertThat(now).as("constraint counts changed; run with -D" + UPDATE_PROPERTY
                    + "=true to update the snapshot").containsExactlyElementsOf(Files.readAllLines(csv));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
