package io.zkml4j.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Wall-clock time per stage of one command ({@code prove --timings}): each {@link #stage} call ends the
 * stage before it. Stages reported more than once in a row (the prover's {@code "done"}) count once.
 * Not thread-safe; the prover reports on its calling thread.
 */
final class StageTimes {

    private final List<String> names = new ArrayList<>();
    private final List<Long> starts = new ArrayList<>();

    /** Stage {@code name} starts now. */
    void stage(String name) {
        if (!names.isEmpty() && names.get(names.size() - 1).equals(name)) {
            return;
        }
        names.add(name);
        starts.add(System.nanoTime());
    }

    /**
     * {@code <title> reading circuit.zkey 1.234 s, qap 0.010 s, …, total 2.345 s}: every stage that has
     * ended (the last one reported is the end mark).
     */
    String summary(String title) {
        StringBuilder sb = new StringBuilder(title);
        for (int i = 0; i + 1 < names.size(); i++) {
            sb.append(i == 0 ? " " : ", ").append(names.get(i))
                    .append(String.format(Locale.ROOT, " %.3f s", (starts.get(i + 1) - starts.get(i)) / 1e9));
        }
        if (names.size() > 1) {
            sb.append(String.format(Locale.ROOT, ", total %.3f s", (starts.get(starts.size() - 1) - starts.get(0)) / 1e9));
        }
        return sb.toString();
    }
}
