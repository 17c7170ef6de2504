package io.zkml4j.groth16;

import io.zkml4j.r1cs.R1cs;
import java.util.Objects;
import java.util.Optional;

/**
 * Options of {@link Groth16#prove(ProvingKey, io.zkml4j.r1cs.Witness, java.util.random.RandomGenerator,
 * ProveOptions)}: an R1CS to check the witness against before proving, and a progress listener.
 * Immutable; start from {@link #defaults()}.
 */
public final class ProveOptions {

    private static final ProveOptions DEFAULTS = new ProveOptions(null, ProgressListener.NONE);

    private final R1cs r1cs;
    private final ProgressListener progress;

    private ProveOptions(R1cs r1cs, ProgressListener progress) {
        this.r1cs = r1cs;
        this.progress = progress;
    }

    /** No witness check, no progress reports. */
    public static ProveOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Check the witness against {@code system} first (O(constraints · terms)); an unsatisfied constraint
     * becomes a {@link Groth16Exception} naming it, and no proof is made. Without this check a wrong
     * witness gives a proof that no verifier accepts, after the full proving cost.
     */
    public ProveOptions checkingAgainst(R1cs system) {
        return new ProveOptions(Objects.requireNonNull(system, "system"), progress);
    }

    /** Report progress to {@code listener} (called on the proving thread). */
    public ProveOptions withProgress(ProgressListener listener) {
        return new ProveOptions(r1cs, Objects.requireNonNull(listener, "listener"));
    }

    public Optional<R1cs> r1cs() {
        return Optional.ofNullable(r1cs);
    }

    public ProgressListener progress() {
        return progress;
    }

    /**
     * Receives the prover's stages as they start, and a final {@code ("done", 1.0)}. Stage names:
     * {@code "check"}, {@code "qap"}, {@code "fft"}, {@code "msm-h"}, {@code "msm-a"}, {@code "msm-b1"},
     * {@code "msm-b2"}, {@code "msm-c"}, {@code "finish"}, {@code "done"}. {@code fraction} is the
     * estimated share of the total work done before the stage, non-decreasing from 0 to 1, for a
     * progress bar; the time between two calls is the time of the earlier stage.
     */
    @FunctionalInterface
    public interface ProgressListener {

        /** Ignores every report. */
        ProgressListener NONE = (stage, fraction) -> { };

        void onStage(String stage, double fraction);
    }
}
