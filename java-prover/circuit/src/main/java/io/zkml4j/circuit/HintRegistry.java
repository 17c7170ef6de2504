package io.zkml4j.circuit;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The process-wide table of {@link Hint}s by stable id. Gadgets register their hints in a static
 * initialiser; the id (never the Java class) is what a circuit refers to, so an id names one
 * function forever: change the function, change the version suffix.
 */
public final class HintRegistry {

    private static final Map<String, Hint> HINTS = new ConcurrentHashMap<>();

    private HintRegistry() {
    }

    /**
     * Registers {@code hint} under {@code id}. Registering the same id again with an instance of the
     * same class is a no-op (class re-initialisation in tests).
     *
     * @throws IllegalArgumentException if the id is blank or taken by a different function
     */
    public static void register(String id, Hint hint) {
        Objects.requireNonNull(hint, "hint");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("Expected a non-blank hint id but got '" + id + "'");
        }
        Hint previous = HINTS.putIfAbsent(id, hint);
        if (previous != null && previous.getClass() != hint.getClass()) {
            throw new IllegalArgumentException("Hint id " + id + " is already registered to " + previous.getClass()
                    .getName() + "; give the new function a new id");
        }
    }

    /**
     * The hint registered under {@code id}.
     *
     * @throws SynthesisException if none is
     */
    public static Hint get(String id) {
        Hint h = HINTS.get(id);
        if (h == null) {
            throw new SynthesisException("No hint is registered under id '" + id + "'");
        }
        return h;
    }
}
